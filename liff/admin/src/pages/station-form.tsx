import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { StationInfo } from '../lib/types.js'
import { LandmarksEditor, PhonesEditor } from './station-lists.js'

type TextKey =
  | 'nameTh'
  | 'nameEn'
  | 'addressTh'
  | 'addressEn'
  | 'phone'
  | 'hoursTh'
  | 'hoursEn'
  | 'servicesTh'
  | 'servicesEn'

/** Station information citizens see in LINE: both languages side by side, lists of phones and landmarks. */
export function StationForm({ station, onSaved }: { station: StationInfo; onSaved: (s: StationInfo) => void }) {
  const { lang, can } = useAdmin()
  const notify = useToast()
  const [s, setS] = useState<StationInfo>(station)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const readOnly = !can('station.edit')

  const text = (key: TextKey, label: string, opts: { rows?: number; lang?: string; tel?: boolean } = {}) => (
    <label class="field" for={`station-${key}`}>
      <span class="field-label">{label}</span>
      {opts.rows ? (
        <textarea
          id={`station-${key}`}
          rows={opts.rows}
          lang={opts.lang}
          readOnly={readOnly}
          value={s[key]}
          onInput={(e) => setS({ ...s, [key]: e.currentTarget.value })}
        />
      ) : (
        <input
          id={`station-${key}`}
          type="text"
          inputMode={opts.tel ? 'tel' : undefined}
          lang={opts.lang}
          readOnly={readOnly}
          value={s[key]}
          onInput={(e) => setS({ ...s, [key]: e.currentTarget.value })}
        />
      )}
    </label>
  )
  async function save(e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      // Only what an admin may change (id, code and the group binding are not part of the patch); empty rows dropped.
      const { id: _id, code: _code, lineGroupId: _group, ...fields } = s
      const body = {
        ...fields,
        phones: s.phones.filter((p) => p.number.trim() && p.labelTh.trim() && p.labelEn.trim()),
        landmarks: s.landmarks.filter((l) => l.nameTh.trim() && l.nameEn.trim() && Number.isFinite(l.latitude)),
      }
      const res = await adminApi<{ station: StationInfo }>('/station', { method: 'PUT', body })
      onSaved(res.station)
      notify(t(lang, 'station.saved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="form" onSubmit={save}>
      <div class="pair">
        {text('nameTh', t(lang, 'station.nameTh'), { lang: 'th' })}
        {text('nameEn', t(lang, 'station.nameEn'), { lang: 'en' })}
        {text('addressTh', t(lang, 'station.addressTh'), { rows: 3, lang: 'th' })}
        {text('addressEn', t(lang, 'station.addressEn'), { rows: 3, lang: 'en' })}
        {text('hoursTh', t(lang, 'station.hoursTh'), { lang: 'th' })}
        {text('hoursEn', t(lang, 'station.hoursEn'), { lang: 'en' })}
        {text('servicesTh', t(lang, 'station.servicesTh'), { rows: 6, lang: 'th' })}
        {text('servicesEn', t(lang, 'station.servicesEn'), { rows: 6, lang: 'en' })}
      </div>
      {text('phone', t(lang, 'station.phone'), { tel: true })}
      <PhonesEditor items={s.phones} readOnly={readOnly} onChange={(phones) => setS({ ...s, phones })} />
      <LandmarksEditor items={s.landmarks} readOnly={readOnly} onChange={(landmarks) => setS({ ...s, landmarks })} />
      <label class="field" for="station-retention">
        <span class="field-label">{t(lang, 'station.retention')}</span>
        <span class="field-hint">{t(lang, 'station.retentionHint')}</span>
        <input
          id="station-retention"
          type="number"
          inputMode="numeric"
          min={30}
          max={3650}
          step={1}
          required
          readOnly={readOnly}
          value={s.personalDataRetentionDays}
          onInput={(e) => setS({ ...s, personalDataRetentionDays: e.currentTarget.valueAsNumber })}
        />
      </label>
      <label class="field" for="station-sos-due">
        <span class="field-label">{t(lang, 'station.sosDue')}</span>
        <span class="field-hint">{t(lang, 'station.sosDueHint')}</span>
        <input
          id="station-sos-due"
          type="number"
          inputMode="numeric"
          min={1}
          max={120}
          step={1}
          required
          readOnly={readOnly}
          value={s.sosDueMinutes}
          onInput={(e) => setS({ ...s, sosDueMinutes: e.currentTarget.valueAsNumber })}
        />
      </label>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      {readOnly ? null : (
        <button type="submit" class="button button-primary button-block" disabled={busy}>
          {t(lang, 'common.save')}
        </button>
      )}
    </form>
  )
}
