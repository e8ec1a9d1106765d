import type { ConsultationSettings } from '@contracts/consultations.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { bangkokDate, t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import type { Permission } from '../../lib/types.js'
import { Layout } from '../../ui/layout.js'
import { HolidaysEditor, HoursEditor, TopicsEditor } from './settings-calendar.js'
import { AnswersCard, StationCannedCard } from './settings-lists.js'
import './settings.css'

/**
 * Who edits the consultations' settings (admin, supervisor): C1 adds the name to bot/contracts/officers.ts; named
 * here once so the page, its route and the menu agree.
 */
export const CONSULTATION_SETTINGS = 'consultations.settings' as Permission

const thisYearBe = () => Number(bangkokDate().slice(0, 4)) + 543

/** What the PUT sends: complete holidays only (a row being typed is not a holiday yet), sorted by date. */
function cleaned(s: ConsultationSettings): ConsultationSettings {
  return {
    ...s,
    holidays: s.holidays
      .filter((h) => h.date && h.nameTh.trim() && h.nameEn.trim())
      .map((h) => ({ date: h.date, nameTh: h.nameTh.trim(), nameEn: h.nameEn.trim() }))
      .sort((a, b) => a.date.localeCompare(b.date)),
  }
}

/** Office hours, holidays and topics: one document (GET/PUT /api/admin/consultations/settings), saved at once. */
function CalendarForm({ initial }: { initial: ConsultationSettings }) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [s, setS] = useState(initial)
  const [year, setYear] = useState(thisYearBe)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const years = [
    ...new Set([
      thisYearBe(),
      thisYearBe() + 1,
      ...s.holidays.filter((h) => h.date).map((h) => Number(h.date.slice(0, 4)) + 543),
    ]),
  ].sort()
  const badPeriod = Object.values(s.officeHours).some((periods) => periods?.some((p) => p.from >= p.to))
  async function save(e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const body = cleaned(s)
      await adminApi('/consultations/settings', { method: 'PUT', body })
      setS(body)
      notify(t(lang, 'settings.saved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form class="form con-settings" onSubmit={save}>
      <Card title={t(lang, 'settings.hours')}>
        <p class="field-hint">{t(lang, 'settings.hoursHint')}</p>
        <HoursEditor lang={lang} value={s.officeHours} onChange={(officeHours) => setS({ ...s, officeHours })} />
      </Card>
      <Card title={t(lang, 'settings.holidays')}>
        <p class="field-hint">{t(lang, 'settings.holidaysHint')}</p>
        <label class="field field-narrow">
          <span class="field-label">{t(lang, 'settings.year')}</span>
          <select value={year} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </label>
        <HolidaysEditor lang={lang} year={year} value={s.holidays} onChange={(holidays) => setS({ ...s, holidays })} />
      </Card>
      <Card title={t(lang, 'settings.topics')}>
        <p class="field-hint">{t(lang, 'settings.topicsHint')}</p>
        <TopicsEditor lang={lang} value={s.topics} onChange={(topics) => setS({ ...s, topics })} />
      </Card>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="submit" class="button button-primary button-block" disabled={busy || badPeriod}>
        {t(lang, 'settings.saveCalendar')}
      </button>
    </form>
  )
}

/** The station's consultation settings: hours, holidays, topics' SLA, common answers, canned replies. */
export function ConsultationSettingsPage() {
  const { lang } = useAdmin()
  const [settings, setSettings] = useState<ConsultationSettings | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    adminApi<ConsultationSettings>('/consultations/settings').then(setSettings, (err: unknown) =>
      setError(asApiError(err)),
    )
  }, [attempt])
  return (
    <Layout title={t(lang, 'settings.title')}>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!settings && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      <div class="con-settings-grid">
        {settings ? <CalendarForm initial={settings} /> : null}
        <div class="con-settings-lists">
          <AnswersCard />
          <StationCannedCard />
        </div>
      </div>
    </Layout>
  )
}
