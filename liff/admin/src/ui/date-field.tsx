import { day, type Language } from '../lib/i18n.js'

type Props = {
  lang: Language
  label: string
  value: string
  min?: string
  max?: string
  onChange: (ymd: string) => void
}

/**
 * A calendar day. The browser's picker shows its own calendar (often Christian Era), so the chosen day is repeated
 * underneath in Buddhist Era, the way officers write it (26 พ.ย. 2569).
 */
export function DateField({ lang, label, value, min, max, onChange }: Props) {
  return (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        type="date"
        value={value}
        min={min || undefined}
        max={max || undefined}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
      <span class="field-hint" aria-live="polite">
        {value ? day(lang, value) : '\u00a0'}
      </span>
    </label>
  )
}
