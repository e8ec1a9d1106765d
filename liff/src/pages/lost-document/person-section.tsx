import { ID_TYPES } from '@contracts/lost-documents/draft.js'
import type { Language } from '../../lib/i18n.js'
import { DatePartsField } from './date-parts.js'
import { type FieldErrors, Section, TextField } from './fields.js'
import type { FormState } from './state.js'
import { ft } from './texts.js'

export type SectionProps = {
  lang: Language
  s: FormState
  set: (patch: Partial<FormState>) => void
  errors: FieldErrors
  touch: (field: string) => void
}

const BIRTH_YEARS = (() => {
  const now = new Date().getFullYear()
  return Array.from({ length: now - 1900 + 1 }, (_, i) => now - i)
})()

/** Who is reporting: name, identity document, date of birth, mobile number. */
export function PersonSection({ lang, s, set, errors, touch, lastId }: SectionProps & { lastId: string | null }) {
  const thai = s.idType === 'thai_id'
  return (
    <Section title={ft(lang, 'person')}>
      <TextField
        lang={lang}
        field="declarantName"
        label={ft(lang, 'name')}
        hint={ft(lang, 'nameHint')}
        value={s.declarantName}
        autoComplete="name"
        maxLength={200}
        required
        errors={errors}
        onInput={(v) => set({ declarantName: v })}
        onBlur={() => touch('declarantName')}
      />
      {lastId ? (
        <label class={`tick${s.useLastId ? ' tick-checked' : ''}`}>
          <input
            type="checkbox"
            checked={s.useLastId}
            onChange={(e) => set({ useLastId: (e.currentTarget as HTMLInputElement).checked })}
          />
          <span>{ft(lang, 'useLastId', { masked: lastId })}</span>
        </label>
      ) : null}
      {s.useLastId && lastId ? null : (
        <>
          <fieldset class="field choices">
            <legend class="field-label">{ft(lang, 'idType')}</legend>
            <div class="choice-grid">
              {ID_TYPES.map((code) => (
                <label key={code} class={`choice choice-compact${s.idType === code ? ' choice-selected' : ''}`}>
                  <input
                    type="radio"
                    name="idType"
                    value={code}
                    checked={s.idType === code}
                    onChange={() => set({ idType: code })}
                  />
                  <span class="choice-label">{ft(lang, `idType.${code}`)}</span>
                </label>
              ))}
            </div>
          </fieldset>
          <TextField
            lang={lang}
            field="idNumber"
            label={ft(lang, 'idNumber')}
            hint={ft(lang, thai ? 'idNumberHint' : 'idNumberHintOther')}
            value={s.idNumber}
            inputMode={thai ? 'numeric' : 'text'}
            autoComplete="off"
            maxLength={30}
            required
            errors={errors}
            onInput={(v) => set({ idNumber: v })}
            onBlur={() => touch('idNumber')}
          />
        </>
      )}
      <DatePartsField
        lang={lang}
        field="dateOfBirth"
        legend={ft(lang, 'dob')}
        value={s.dob}
        years={BIRTH_YEARS}
        required
        errors={errors}
        onChange={(dob) => set({ dob })}
        onBlur={() => touch('dateOfBirth')}
      />
      <TextField
        lang={lang}
        field="phone"
        label={ft(lang, 'phone')}
        hint={ft(lang, 'phoneHint')}
        value={s.phone}
        type="tel"
        inputMode="tel"
        autoComplete="tel"
        maxLength={20}
        required
        errors={errors}
        onInput={(v) => set({ phone: v })}
        onBlur={() => touch('phone')}
      />
    </Section>
  )
}
