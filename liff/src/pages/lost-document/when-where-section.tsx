import { useState } from 'preact/hooks'
import { DatePartsField } from './date-parts.js'
import { Section, TextField } from './fields.js'
import type { SectionProps } from './person-section.js'
import { emptyDate, fieldId } from './state.js'
import { ft } from './texts.js'

const RECENT_YEARS = (() => {
  const now = new Date().getFullYear()
  return Array.from({ length: 11 }, (_, i) => now - i)
})()

function TimeField({
  id,
  label,
  hint,
  value,
  onInput,
}: {
  id: string
  label: string
  hint?: string
  value: string
  onInput: (v: string) => void
}) {
  return (
    <div class="field">
      <label class="field-label" for={id}>
        {label}
      </label>
      {hint ? <p class="field-hint">{hint}</p> : null}
      <input
        id={id}
        class="input input-time"
        type="time"
        value={value}
        onInput={(e) => onInput((e.currentTarget as HTMLInputElement).value)}
      />
    </div>
  )
}

/** When (a day, a time if known, or a range) and where (words, and a map pin from the phone if they like). */
export function WhenWhereSection({ lang, s, set, errors, touch }: SectionProps) {
  const [locating, setLocating] = useState<'idle' | 'busy' | 'failed'>('idle')
  function locate() {
    if (!navigator.geolocation) {
      setLocating('failed')
      return
    }
    setLocating('busy')
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        set({ location: { latitude: pos.coords.latitude, longitude: pos.coords.longitude } })
        setLocating('idle')
      },
      () => setLocating('failed'),
      { enableHighAccuracy: true, timeout: 15_000 },
    )
  }
  return (
    <>
      <Section title={ft(lang, 'when')}>
        <DatePartsField
          lang={lang}
          field="lostFrom"
          legend={ft(lang, 'lostDate')}
          value={s.lostDate}
          years={RECENT_YEARS}
          required
          errors={errors}
          onChange={(lostDate) => set({ lostDate })}
          onBlur={() => touch('lostFrom')}
        />
        <TimeField
          id={fieldId('lostTime')}
          label={ft(lang, 'lostTime')}
          hint={ft(lang, 'lostTimeHint')}
          value={s.lostTime}
          onInput={(lostTime) => set({ lostTime })}
        />
        <label class={`tick${s.range ? ' tick-checked' : ''}`}>
          <input
            type="checkbox"
            checked={s.range}
            onChange={(e) =>
              set({ range: (e.currentTarget as HTMLInputElement).checked, toDate: emptyDate(), toTime: '' })
            }
          />
          <span>{ft(lang, 'range')}</span>
        </label>
        {s.range ? (
          <>
            <DatePartsField
              lang={lang}
              field="lostTo"
              legend={ft(lang, 'lostToDate')}
              value={s.toDate}
              years={RECENT_YEARS}
              required
              errors={errors}
              onChange={(toDate) => set({ toDate })}
              onBlur={() => touch('lostTo')}
            />
            <TimeField
              id={fieldId('toTime')}
              label={ft(lang, 'lostToTime')}
              value={s.toTime}
              onInput={(toTime) => set({ toTime })}
            />
          </>
        ) : null}
      </Section>
      <Section title={ft(lang, 'where')}>
        <TextField
          lang={lang}
          field="placeText"
          label={ft(lang, 'placeText')}
          hint={ft(lang, 'placeHint')}
          value={s.placeText}
          maxLength={500}
          required
          errors={errors}
          onInput={(placeText) => set({ placeText })}
          onBlur={() => touch('placeText')}
        />
        {s.location ? (
          <p class="pin" role="status">
            <span>
              {ft(lang, 'locationSet', { lat: s.location.latitude.toFixed(5), lng: s.location.longitude.toFixed(5) })}
            </span>
            <button type="button" class="button button-secondary button-small" onClick={() => set({ location: null })}>
              {ft(lang, 'locationRemove')}
            </button>
          </p>
        ) : (
          <button
            type="button"
            class="button button-secondary button-wide"
            onClick={locate}
            disabled={locating === 'busy'}
          >
            {ft(lang, locating === 'busy' ? 'locating' : 'useLocation')}
          </button>
        )}
        {locating === 'failed' ? <p class="field-error">{ft(lang, 'locationFailed')}</p> : null}
      </Section>
    </>
  )
}
