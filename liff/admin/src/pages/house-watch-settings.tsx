import type { HouseWatchApproval, PatrolShift } from '@contracts/house-watch.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { type AdminKey, t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { Layout } from '../ui/layout.js'
import { HouseWatchAreaSection } from './house-watch-area.js'
import './house-watch-settings.css'

/** GET/PUT /api/admin/house-watch/settings (bot/house-watch/settings/settings.schema.ts). */
type Settings = {
  approval: HouseWatchApproval
  maxDays: number
  gpsToleranceMeters: number
  purgeAfterDays: number
  digestHour: number
  shifts: PatrolShift[]
}

/** The server's rules for shifts, said beside the rows before a save is tried. */
function shiftProblem(shifts: PatrolShift[]): AdminKey | null {
  if (shifts.length === 0) {
    return 'hws.needShift'
  }
  if (shifts.some((s) => !/^[a-z][a-z0-9_]{0,31}$/.test(s.key))) {
    return 'hws.badKey'
  }
  if (new Set(shifts.map((s) => s.key)).size < shifts.length) {
    return 'hws.duplicateKey'
  }
  return new Set(shifts.map((s) => s.start)).size < shifts.length ? 'hws.duplicateStart' : null
}

function NumberField(p: {
  label: string
  hint?: string
  value: number
  min: number
  max: number
  onChange: (n: number) => void
  id: string
}) {
  return (
    <label class="field hws-narrow" for={p.id}>
      <span class="field-label">{p.label}</span>
      {p.hint ? <span class="field-hint">{p.hint}</span> : null}
      <input
        id={p.id}
        type="number"
        inputMode="numeric"
        min={p.min}
        max={p.max}
        value={p.value}
        onInput={(e) => p.onChange(Number(e.currentTarget.value))}
      />
    </label>
  )
}

function ShiftsEditor({ value, onChange }: { value: PatrolShift[]; onChange: (v: PatrolShift[]) => void }) {
  const { lang } = useAdmin()
  const edit = (i: number, patch: Partial<PatrolShift>) =>
    onChange(value.map((s, j) => (j === i ? { ...s, ...patch } : s)))
  const text = (i: number, key: 'key' | 'nameTh' | 'nameEn', label: AdminKey) => (
    <label class="field">
      <span class="field-label">{t(lang, label)}</span>
      <input value={value[i]?.[key] ?? ''} maxLength={40} onInput={(e) => edit(i, { [key]: e.currentTarget.value })} />
    </label>
  )
  return (
    <div class="hws-shifts">
      {value.map((s, i) => (
        <fieldset key={i} class="hws-shift">
          {text(i, 'key', 'hws.key')}
          {text(i, 'nameTh', 'hws.nameTh')}
          {text(i, 'nameEn', 'hws.nameEn')}
          <label class="field">
            <span class="field-label">{t(lang, 'hws.start')}</span>
            <input type="time" value={s.start} onInput={(e) => edit(i, { start: e.currentTarget.value })} />
          </label>
          <button
            type="button"
            class="button button-secondary"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
          >
            {t(lang, 'hws.removeShift')}
          </button>
        </fieldset>
      ))}
      <button
        type="button"
        class="button button-secondary"
        onClick={() =>
          onChange([...value, { key: `shift${value.length + 1}`, nameTh: '', nameEn: '', start: '12:00' }])
        }
      >
        {t(lang, 'hws.addShift')}
      </button>
    </div>
  )
}

function SettingsForm({ initial }: { initial: Settings }) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [s, setS] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const problem = shiftProblem(s.shifts)
  async function save(e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      setS(await adminApi<Settings>('/house-watch/settings', { method: 'PUT', body: s }))
      notify(t(lang, 'hws.saved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="form" onSubmit={save}>
      <Card title={t(lang, 'hws.approval')}>
        {(['auto', 'duty_officer'] as const).map((a) => (
          <label key={a} class="check">
            <input
              type="radio"
              name="approval"
              checked={s.approval === a}
              onChange={() => setS({ ...s, approval: a })}
            />
            <span>{t(lang, `hws.approval.${a}`)}</span>
          </label>
        ))}
        <NumberField
          id="hws-max"
          label={t(lang, 'hws.maxDays')}
          value={s.maxDays}
          min={1}
          max={90}
          onChange={(maxDays) => setS({ ...s, maxDays })}
        />
        <NumberField
          id="hws-gps"
          label={t(lang, 'hws.gps')}
          hint={t(lang, 'hws.gpsHint')}
          value={s.gpsToleranceMeters}
          min={10}
          max={2000}
          onChange={(gpsToleranceMeters) => setS({ ...s, gpsToleranceMeters })}
        />
        <NumberField
          id="hws-purge"
          label={t(lang, 'hws.purge')}
          value={s.purgeAfterDays}
          min={1}
          max={365}
          onChange={(purgeAfterDays) => setS({ ...s, purgeAfterDays })}
        />
        <label class="field hws-narrow" for="hws-digest">
          <span class="field-label">{t(lang, 'hws.digest')}</span>
          <select
            id="hws-digest"
            value={s.digestHour}
            onChange={(e) => setS({ ...s, digestHour: Number(e.currentTarget.value) })}
          >
            {Array.from({ length: 24 }, (_, h) => (
              <option key={h} value={h}>{`${String(h).padStart(2, '0')}:00`}</option>
            ))}
          </select>
        </label>
      </Card>
      <Card title={t(lang, 'hws.shifts')}>
        <p class="field-hint">{t(lang, 'hws.shiftsHint')}</p>
        <ShiftsEditor value={s.shifts} onChange={(shifts) => setS({ ...s, shifts })} />
        {problem ? (
          <p class="field-error" role="alert">
            {t(lang, problem)}
          </p>
        ) : null}
      </Card>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="submit" class="button button-primary button-block" disabled={busy || problem !== null}>
        {t(lang, 'hws.save')}
      </button>
    </form>
  )
}

/** The station's house-watch settings (admin, supervisor: house_watch.settings), saved as one document. */
export function HouseWatchSettingsPage() {
  const { lang } = useAdmin()
  const [settings, setSettings] = useState<Settings | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    adminApi<Settings>('/house-watch/settings').then(setSettings, (err: unknown) => setError(asApiError(err)))
  }, [attempt])
  return (
    <Layout title={t(lang, 'hws.title')}>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!settings && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {settings ? <SettingsForm initial={settings} /> : null}
      {settings ? <HouseWatchAreaSection /> : null}
    </Layout>
  )
}
