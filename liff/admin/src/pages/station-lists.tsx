import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { Landmark, StationPhone } from '../lib/types.js'

type ListProps<T> = { items: T[]; readOnly: boolean; onChange: (items: T[]) => void }

function update<T>(items: T[], i: number, patch: Partial<T>): T[] {
  return items.map((item, j) => (j === i ? { ...item, ...patch } : item))
}

/** Extra phone numbers (duty desk, investigation, traffic): label in both languages and the number. */
export function PhonesEditor({ items, readOnly, onChange }: ListProps<StationPhone>) {
  const { lang } = useAdmin()
  const input = (i: number, key: keyof StationPhone, label: string, attrs: { lang?: string; tel?: boolean } = {}) => (
    <input
      type="text"
      aria-label={`${label} ${i + 1}`}
      placeholder={label}
      lang={attrs.lang}
      inputMode={attrs.tel ? 'tel' : undefined}
      readOnly={readOnly}
      value={items[i]?.[key] ?? ''}
      onInput={(e) => onChange(update(items, i, { [key]: e.currentTarget.value }))}
    />
  )
  return (
    <fieldset class="list-fieldset">
      <legend class="field-label">{t(lang, 'station.phones')}</legend>
      {items.map((_, i) => (
        <div key={i} class="list-item">
          {input(i, 'labelTh', t(lang, 'station.labelTh'), { lang: 'th' })}
          {input(i, 'labelEn', t(lang, 'station.labelEn'), { lang: 'en' })}
          {input(i, 'number', t(lang, 'station.number'), { tel: true })}
          {readOnly ? null : (
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {t(lang, 'common.remove')}
            </button>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <button
          type="button"
          class="button button-secondary"
          onClick={() => onChange([...items, { labelTh: '', labelEn: '', number: '' }])}
        >
          {t(lang, 'station.addPhone')}
        </button>
      )}
    </fieldset>
  )
}

/** Landmarks of the zone, with their position (decimal degrees). */
export function LandmarksEditor({ items, readOnly, onChange }: ListProps<Landmark>) {
  const { lang } = useAdmin()
  const text = (i: number, key: 'nameTh' | 'nameEn', label: string) => (
    <input
      type="text"
      aria-label={`${label} ${i + 1}`}
      placeholder={label}
      lang={key === 'nameTh' ? 'th' : 'en'}
      readOnly={readOnly}
      value={items[i]?.[key] ?? ''}
      onInput={(e) => onChange(update(items, i, { [key]: e.currentTarget.value }))}
    />
  )
  const coord = (i: number, key: 'latitude' | 'longitude', label: string) => (
    <input
      type="text"
      aria-label={`${label} ${i + 1}`}
      placeholder={label}
      inputMode="decimal"
      readOnly={readOnly}
      value={String(items[i]?.[key] ?? '')}
      onChange={(e) => onChange(update(items, i, { [key]: Number(e.currentTarget.value) }))}
    />
  )
  return (
    <fieldset class="list-fieldset">
      <legend class="field-label">{t(lang, 'station.landmarks')}</legend>
      {items.map((_, i) => (
        <div key={i} class="list-item list-item-5">
          {text(i, 'nameTh', t(lang, 'station.nameTh'))}
          {text(i, 'nameEn', t(lang, 'station.nameEn'))}
          {coord(i, 'latitude', t(lang, 'station.latitude'))}
          {coord(i, 'longitude', t(lang, 'station.longitude'))}
          {readOnly ? null : (
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => onChange(items.filter((_, j) => j !== i))}
            >
              {t(lang, 'common.remove')}
            </button>
          )}
        </div>
      ))}
      {readOnly ? null : (
        <button
          type="button"
          class="button button-secondary"
          onClick={() => onChange([...items, { nameTh: '', nameEn: '', latitude: 12.68, longitude: 101.28 }])}
        >
          {t(lang, 'station.addLandmark')}
        </button>
      )}
    </fieldset>
  )
}
