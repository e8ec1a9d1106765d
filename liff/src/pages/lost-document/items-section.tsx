import { MAX_ITEMS } from '@contracts/lost-documents/draft.js'
import { ErrorText, Section, TextField } from './fields.js'
import type { SectionProps } from './person-section.js'
import { fieldId } from './state.js'
import { ft } from './texts.js'
import type { DocumentTypeInfo } from './types.js'

/** One to ten lost documents: type (the station's list), number and issuer when they apply, the policy in words. */
export function ItemsSection({ lang, s, set, errors, touch, types }: SectionProps & { types: DocumentTypeInfo[] }) {
  const update = (i: number, patch: Partial<(typeof s.items)[number]>) =>
    set({ items: s.items.map((item, j) => (j === i ? { ...item, ...patch } : item)) })
  return (
    <Section title={ft(lang, 'items')}>
      <p class="hint">{ft(lang, 'itemsHint')}</p>
      <ErrorText field="items" errors={errors} />
      <ol class="items">
        {s.items.map((item, i) => {
          const type = types.find((t) => t.code === item.documentType)
          const field = `items.${i}.documentType`
          const reason = type && type.policy !== 'issue_now' ? (lang === 'th' ? type.reasonTh : type.reasonEn) : null
          return (
            <li key={i} class="item">
              <div class="item-head">
                <h3 class="item-title">{ft(lang, 'item', { n: i + 1 })}</h3>
                {s.items.length > 1 ? (
                  <button
                    type="button"
                    class="button button-secondary button-small"
                    onClick={() => set({ items: s.items.filter((_, j) => j !== i) })}
                  >
                    {ft(lang, 'removeItem', { n: i + 1 })}
                  </button>
                ) : null}
              </div>
              <div class="field">
                <label class="field-label" for={fieldId(field)}>
                  {ft(lang, 'itemType')}
                  <span class="required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                </label>
                <select
                  id={fieldId(field)}
                  class={`input${errors[field] ? ' input-invalid' : ''}`}
                  value={item.documentType}
                  aria-invalid={errors[field] ? 'true' : undefined}
                  aria-describedby={
                    errors[field] ? `${fieldId(field)}-error` : reason ? `${fieldId(field)}-policy` : undefined
                  }
                  onChange={(e) =>
                    update(i, { documentType: (e.currentTarget as HTMLSelectElement).value, issuer: '' })
                  }
                  onBlur={() => touch(field)}
                >
                  <option value="">{ft(lang, 'choose')}</option>
                  {types.map((t) => (
                    <option key={t.code} value={t.code}>
                      {lang === 'th' ? t.nameTh : t.nameEn}
                    </option>
                  ))}
                </select>
                <ErrorText field={field} errors={errors} />
                {reason && type ? (
                  <p class={`policy policy-${type.policy}`} id={`${fieldId(field)}-policy`}>
                    <strong>
                      {ft(lang, type.policy === 'visit_station' ? 'policy.visit_station' : 'policy.review')}
                    </strong>
                    : {reason}
                  </p>
                ) : null}
              </div>
              {!type || type.hasNumber ? (
                <TextField
                  lang={lang}
                  field={`items.${i}.number`}
                  label={`${ft(lang, 'itemNumber')} (${ft(lang, 'optional')})`}
                  value={item.number ?? ''}
                  maxLength={60}
                  autoComplete="off"
                  errors={errors}
                  onInput={(v) => update(i, { number: v })}
                  onBlur={() => touch(`items.${i}.number`)}
                />
              ) : null}
              <TextField
                lang={lang}
                field={`items.${i}.issuer`}
                label={`${ft(lang, 'itemIssuer')} (${ft(lang, 'optional')})`}
                value={item.issuer ?? ''}
                maxLength={120}
                list={type?.issuers.length ? `issuers-${type.code}` : undefined}
                errors={errors}
                onInput={(v) => update(i, { issuer: v })}
                onBlur={() => touch(`items.${i}.issuer`)}
              />
              {type?.issuers.length ? (
                <datalist id={`issuers-${type.code}`}>
                  {type.issuers.map((name) => (
                    <option key={name} value={name} />
                  ))}
                </datalist>
              ) : null}
            </li>
          )
        })}
      </ol>
      {s.items.length < MAX_ITEMS ? (
        <button
          type="button"
          class="button button-secondary button-wide"
          onClick={() => set({ items: [...s.items, { documentType: '', number: '', issuer: '' }] })}
        >
          + {ft(lang, 'addItem')}
        </button>
      ) : null}
    </Section>
  )
}
