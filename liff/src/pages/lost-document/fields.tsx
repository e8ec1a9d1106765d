import type { ComponentChildren } from 'preact'
import type { Language } from '../../lib/i18n.js'
import { fieldId } from './state.js'

export type FieldErrors = Record<string, string | undefined>

/** The error under a field, announced with it (aria-describedby) and read as part of the label's group. */
export function ErrorText({ field, errors }: { field: string; errors: FieldErrors }) {
  const message = errors[field]
  return message ? (
    <p class="field-error" id={`${fieldId(field)}-error`}>
      {message}
    </p>
  ) : null
}

type InputProps = {
  lang: Language
  field: string
  label: string
  value: string
  errors: FieldErrors
  onInput: (value: string) => void
  onBlur: () => void
  required?: boolean
  hint?: string
  type?: 'text' | 'tel'
  inputMode?: 'text' | 'numeric' | 'tel'
  autoComplete?: string
  maxLength?: number
  multiline?: boolean
  list?: string
}

/** A labelled text input with its hint and error; big enough for a thumb, with the right phone keyboard. */
export function TextField(p: InputProps) {
  const id = fieldId(p.field)
  const error = p.errors[p.field]
  const describedBy = [p.hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined
  const common = {
    id,
    name: p.field,
    value: p.value,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-describedby': describedBy,
    'aria-required': p.required ? ('true' as const) : undefined,
    onInput: (e: Event) => p.onInput((e.currentTarget as HTMLInputElement).value),
    onBlur: p.onBlur,
    maxLength: p.maxLength,
    class: `input${error ? ' input-invalid' : ''}`,
  }
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {p.label}
        {p.required ? (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </label>
      {p.hint ? (
        <p class="field-hint" id={`${id}-hint`}>
          {p.hint}
        </p>
      ) : null}
      {p.multiline ? (
        <textarea {...common} rows={4} />
      ) : (
        <input
          {...common}
          type={p.type ?? 'text'}
          inputMode={p.inputMode}
          autoComplete={p.autoComplete}
          list={p.list}
        />
      )}
      <ErrorText field={p.field} errors={p.errors} />
    </div>
  )
}

/** A big tick box (the whole row is the target), for the declaration and the consent. */
export function TickBox(p: {
  field: string
  checked: boolean
  errors: FieldErrors
  onChange: (checked: boolean) => void
  children: ComponentChildren
}) {
  const id = fieldId(p.field)
  const error = p.errors[p.field]
  return (
    <div class="field">
      <label class={`tick${p.checked ? ' tick-checked' : ''}${error ? ' tick-invalid' : ''}`} for={id}>
        <input
          id={id}
          type="checkbox"
          checked={p.checked}
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onChange={(e) => p.onChange((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{p.children}</span>
      </label>
      <ErrorText field={p.field} errors={p.errors} />
    </div>
  )
}

/** A numbered section of the form. */
export function Section({ title, children }: { title: string; children: ComponentChildren }) {
  return (
    <section class="card form-section">
      <h2 class="card-title">{title}</h2>
      {children}
    </section>
  )
}
