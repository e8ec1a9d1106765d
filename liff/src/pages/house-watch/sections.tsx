import { daysBetween } from '@contracts/house-watch-enrol.js'
import { ADDRESS_FIELDS, REQUIRED_ADDRESS } from '@contracts/lost-documents/draft.js'
import type { Language } from '../../lib/i18n.js'
import { DatePartsField } from '../lost-document/date-parts.js'
import { ErrorText, type FieldErrors, Section, TextField } from '../lost-document/fields.js'
import { isoOf } from '../lost-document/state.js'
import { ft } from '../lost-document/texts.js'
import { ht } from './enrol-texts.js'
import { shrinkPhoto } from './photo.js'
import type { HwFormInfo, HwFormState } from './state.js'

export type HwSectionProps = {
  lang: Language
  s: HwFormState
  info: HwFormInfo
  set: (patch: Partial<HwFormState>) => void
  errors: FieldErrors
  touch: (field: string) => void
}

/** The owner: name and the mobile number patrols call. */
export function OwnerSection({ lang, s, set, errors, touch }: HwSectionProps) {
  return (
    <Section title={ht(lang, 'owner')}>
      <TextField
        lang={lang}
        field="ownerName"
        label={ht(lang, 'ownerName')}
        value={s.ownerName}
        autoComplete="name"
        maxLength={120}
        required
        errors={errors}
        onInput={(v) => set({ ownerName: v })}
        onBlur={() => touch('ownerName')}
      />
      <TextField
        lang={lang}
        field="phone"
        label={ht(lang, 'phone')}
        hint={ht(lang, 'phoneHint')}
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

/** The house's structured Thai address, in the order Thai forms use (the lost-document form's labels). */
export function HouseAddressSection({ lang, s, set, errors, touch }: HwSectionProps) {
  return (
    <Section title={ht(lang, 'address')}>
      <div class="field-grid">
        {ADDRESS_FIELDS.map((key) => (
          <TextField
            key={key}
            lang={lang}
            field={`address.${key}`}
            label={ft(lang, `address.${key}`)}
            value={s.address[key] ?? ''}
            inputMode={key === 'postcode' || key === 'moo' ? 'numeric' : 'text'}
            autoComplete={key === 'postcode' ? 'postal-code' : 'off'}
            maxLength={key === 'postcode' ? 5 : 120}
            required={(REQUIRED_ADDRESS as readonly string[]).includes(key) || key === 'postcode'}
            errors={errors}
            onInput={(v) => set({ address: { ...s.address, [key]: v } })}
            onBlur={() => touch(`address.${key}`)}
          />
        ))}
      </div>
    </Section>
  )
}

/** The absence: first and last day (both watched), in the Buddhist Era for Thai readers, and the count. */
export function PeriodSection({ lang, s, info, set, errors, touch }: HwSectionProps) {
  const thisYear = Number(info.today.slice(0, 4))
  const years = [thisYear, thisYear + 1]
  const from = isoOf(s.start)
  const to = isoOf(s.end)
  const days = from && to && to >= from ? daysBetween(from, to) + 1 : null
  return (
    <Section title={ht(lang, 'period')}>
      <p class="field-hint">{ht(lang, 'periodHint', { max: info.maxDays })}</p>
      <DatePartsField
        lang={lang}
        field="startsOn"
        legend={ht(lang, 'startsOn')}
        value={s.start}
        years={years}
        required
        errors={errors}
        onChange={(v) => set({ start: v })}
        onBlur={() => touch('startsOn')}
      />
      <DatePartsField
        lang={lang}
        field="endsOn"
        legend={ht(lang, 'endsOn')}
        value={s.end}
        years={years}
        required
        errors={errors}
        onChange={(v) => set({ end: v })}
        onBlur={() => touch('endsOn')}
      />
      {days ? <p class="hint">{ht(lang, 'periodDays', { days })}</p> : null}
    </Section>
  )
}

/** Who to call, the notes for the patrol, and the optional photo of the house front. */
export function DetailsSection({ lang, s, set, errors, touch }: HwSectionProps) {
  const pick = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement
    const file = input.files?.[0]
    input.value = ''
    if (file) {
      set({ photo: await shrinkPhoto(file) })
    }
  }
  return (
    <Section title={ht(lang, 'details')}>
      <TextField
        lang={lang}
        field="emergencyName"
        label={ht(lang, 'emergencyName')}
        value={s.emergencyName}
        maxLength={120}
        required
        errors={errors}
        onInput={(v) => set({ emergencyName: v })}
        onBlur={() => touch('emergencyName')}
      />
      <TextField
        lang={lang}
        field="emergencyPhone"
        label={ht(lang, 'emergencyPhone')}
        value={s.emergencyPhone}
        type="tel"
        inputMode="tel"
        maxLength={20}
        required
        errors={errors}
        onInput={(v) => set({ emergencyPhone: v })}
        onBlur={() => touch('emergencyPhone')}
      />
      <TextField
        lang={lang}
        field="notes"
        label={`${ht(lang, 'notes')} (${ht(lang, 'optional')})`}
        hint={ht(lang, 'notesHint')}
        value={s.notes}
        maxLength={1000}
        multiline
        errors={errors}
        onInput={(v) => set({ notes: v })}
        onBlur={() => touch('notes')}
      />
      <div class="field">
        <label class="field-label" for="f-photo">
          {ht(lang, 'photo')} ({ht(lang, 'optional')})
        </label>
        <p class="field-hint">{ht(lang, 'photoHint')}</p>
        {s.photo ? (
          <div class="hw-photo">
            <img src={s.photo.preview} alt={ht(lang, 'photo')} />
            <button type="button" class="button button-secondary" onClick={() => set({ photo: null })}>
              {ht(lang, 'photoRemove')}
            </button>
          </div>
        ) : (
          <input id="f-photo" type="file" accept="image/*" class="input" onChange={pick} />
        )}
        <ErrorText field="photo" errors={errors} />
      </div>
    </Section>
  )
}
