import { Section, TextField, TickBox } from './fields.js'
import type { SectionProps } from './person-section.js'
import { ft } from './texts.js'
import type { FormInfo } from './types.js'

/** What happened, then the two ticks: the s.137 declaration (with the warning) and the PDPA consent (its text). */
export function StoryAndConfirm({ lang, s, set, errors, touch, texts }: SectionProps & { texts: FormInfo['texts'] }) {
  return (
    <>
      <Section title={ft(lang, 'story')}>
        <TextField
          lang={lang}
          field="circumstances"
          label={ft(lang, 'circumstances')}
          hint={ft(lang, 'circumstancesHint')}
          value={s.circumstances}
          maxLength={2000}
          multiline
          required
          errors={errors}
          onInput={(circumstances) => set({ circumstances })}
          onBlur={() => touch('circumstances')}
        />
      </Section>
      <Section title={ft(lang, 'confirm')}>
        <p class="warning" role="note">
          {texts.s137[lang]}
        </p>
        <TickBox
          field="declaration"
          checked={s.declaration}
          errors={errors}
          onChange={(declaration) => set({ declaration })}
        >
          {texts.declaration[lang]}
        </TickBox>
        <p class="consent-text">{texts.consent[lang]}</p>
        <TickBox field="consent" checked={s.consent} errors={errors} onChange={(consent) => set({ consent })}>
          {ft(lang, 'consent')}
        </TickBox>
      </Section>
    </>
  )
}
