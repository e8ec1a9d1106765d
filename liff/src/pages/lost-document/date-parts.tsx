import type { Language } from '../../lib/i18n.js'
import { ErrorText, type FieldErrors } from './fields.js'
import { type DateParts, fieldId } from './state.js'
import { ft } from './texts.js'

type Props = {
  lang: Language
  field: string
  legend: string
  value: DateParts
  errors: FieldErrors
  onChange: (value: DateParts) => void
  onBlur: () => void
  /** Years offered, newest first (Gregorian; shown in the Buddhist Era in Thai). */
  years: number[]
  required?: boolean
}

/**
 * A date as three lists: day, month by name, year in the Buddhist Era for Thai readers (a phone's date picker
 * shows the Gregorian calendar, and people think of their birth year as พ.ศ.).
 */
export function DatePartsField(p: Props) {
  const id = fieldId(p.field)
  const error = p.errors[p.field]
  const months = ft(p.lang, 'months').split(',')
  const set = (key: keyof DateParts) => (e: Event) =>
    p.onChange({ ...p.value, [key]: (e.currentTarget as HTMLSelectElement).value })
  const select = (key: keyof DateParts, label: string, options: { value: string; text: string }[]) => (
    <label class="date-part">
      <span class="date-part-label">{label}</span>
      <select
        id={key === 'd' ? id : `${id}-${key}`}
        class={`input${error ? ' input-invalid' : ''}`}
        value={p.value[key]}
        aria-invalid={error ? 'true' : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={set(key)}
        onBlur={p.onBlur}
      >
        <option value="">–</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.text}
          </option>
        ))}
      </select>
    </label>
  )
  return (
    <fieldset class="field date-parts">
      <legend class="field-label">
        {p.legend}
        {p.required ? (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        ) : null}
      </legend>
      <div class="date-row">
        {select(
          'd',
          ft(p.lang, 'day'),
          Array.from({ length: 31 }, (_, i) => ({ value: String(i + 1), text: String(i + 1) })),
        )}
        {select(
          'm',
          ft(p.lang, 'month'),
          months.map((name, i) => ({ value: String(i + 1), text: name })),
        )}
        {select(
          'y',
          ft(p.lang, 'year'),
          p.years.map((y) => ({ value: String(y), text: String(p.lang === 'th' ? y + 543 : y) })),
        )}
      </div>
      <ErrorText field={p.field} errors={p.errors} />
    </fieldset>
  )
}
