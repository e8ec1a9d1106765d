import { ErrorText, Section, TickBox } from '../lost-document/fields.js'
import { ht } from './enrol-texts.js'
import type { HwSectionProps } from './sections.js'

const CHOICES = ['daily_digest', 'each_visit'] as const

/** How the owner hears of the patrols (a daily summary saves the station's LINE quota), then the consent. */
export function NotifyAndConsent({ lang, s, info, set, errors }: HwSectionProps) {
  return (
    <Section title={ht(lang, 'notify')}>
      <fieldset class="field hw-choices" id="f-notify">
        {CHOICES.map((choice) => (
          <label key={choice} class={`tick${s.notify === choice ? ' tick-checked' : ''}`}>
            <input
              type="radio"
              name="notify"
              value={choice}
              checked={s.notify === choice}
              onChange={() => set({ notify: choice })}
            />
            <span>
              <strong>{ht(lang, `notify.${choice}`)}</strong>
              <br />
              <small>{ht(lang, `notify.${choice}Hint`)}</small>
            </span>
          </label>
        ))}
        <ErrorText field="notify" errors={errors} />
      </fieldset>
      <p class="consent-text">{lang === 'th' ? info.consentTh : info.consentEn}</p>
      <TickBox field="consent" checked={s.consent} errors={errors} onChange={(v) => set({ consent: v })}>
        {ht(lang, 'consent')}
      </TickBox>
      <ErrorText field="consentVersion" errors={errors} />
    </Section>
  )
}
