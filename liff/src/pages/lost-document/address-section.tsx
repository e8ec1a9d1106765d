import { ADDRESS_FIELDS, REQUIRED_ADDRESS } from '@contracts/lost-documents/draft.js'
import { Section, TextField } from './fields.js'
import type { SectionProps } from './person-section.js'
import { ft } from './texts.js'

/** The structured Thai address, in the order Thai forms use (house no., village, moo, soi, road, tambon...). */
export function AddressSection({ lang, s, set, errors, touch }: SectionProps) {
  return (
    <Section title={ft(lang, 'address')}>
      <div class="field-grid">
        {ADDRESS_FIELDS.map((key) => {
          const field = `address.${key}`
          const numeric = key === 'postcode' || key === 'moo'
          return (
            <TextField
              key={key}
              lang={lang}
              field={field}
              label={ft(lang, field as 'address.houseNo')}
              value={s.address[key] ?? ''}
              inputMode={numeric ? 'numeric' : 'text'}
              autoComplete={key === 'postcode' ? 'postal-code' : 'off'}
              maxLength={key === 'postcode' ? 5 : 120}
              required={(REQUIRED_ADDRESS as readonly string[]).includes(key) || key === 'postcode'}
              errors={errors}
              onInput={(v) => set({ address: { ...s.address, [key]: v } })}
              onBlur={() => touch(field)}
            />
          )
        })}
      </div>
    </Section>
  )
}
