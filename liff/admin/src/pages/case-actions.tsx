import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { CaseDetail, Officer } from '../lib/types.js'

/** Runs one action on the case: busy state, error in both languages, a toast and a reload when done. */
export function useCaseAction(onDone: () => Promise<void>) {
  const notify = useToast()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function run(path: string, body: unknown, done: string): Promise<boolean> {
    setBusy(true)
    setError(null)
    try {
      await adminApi(path, { method: 'POST', body })
      notify(done)
      await onDone()
      return true
    } catch (err) {
      setError(asApiError(err))
      return false
    } finally {
      setBusy(false)
    }
  }
  return { busy, error, run }
}

/** "Take it" or "let it go" for the signed-in officer: the assign route with `me` or nobody. */
export function ClaimButton({
  caseId,
  mine,
  busy,
  run,
}: {
  caseId: string
  mine: boolean
  busy: boolean
  run: ReturnType<typeof useCaseAction>['run']
}) {
  const { lang } = useAdmin()
  const path = `/cases/${encodeURIComponent(caseId)}/assign`
  return mine ? (
    <button
      type="button"
      class="button button-secondary"
      disabled={busy}
      onClick={() => void run(path, { officerId: null }, t(lang, 'case.released'))}
    >
      {t(lang, 'case.release')}
    </button>
  ) : (
    <button
      type="button"
      class="button button-primary"
      disabled={busy}
      onClick={() => void run(path, { officerId: 'me' }, t(lang, 'case.claimed'))}
    >
      {t(lang, 'case.claim')}
    </button>
  )
}

/** Claim, let go, or (admins) hand the case to another officer. */
export function AssignmentCard({ c, onDone }: { c: CaseDetail; onDone: () => Promise<void> }) {
  const { lang, me, can } = useAdmin()
  const { busy, error, run } = useCaseAction(onDone)
  const [officers, setOfficers] = useState<Officer[]>([])
  const [pick, setPick] = useState('')
  const path = `/cases/${encodeURIComponent(c.id)}/assign`
  const mine = c.assignee?.id === me.officer.id
  useEffect(() => {
    if (can('officers.manage')) {
      adminApi<{ items: Officer[] }>('/officers').then(
        (r) => setOfficers(r.items.filter((o) => o.active)),
        () => {},
      )
    }
  }, [can])
  return (
    <Card title={t(lang, 'case.assignee')}>
      <p class="assignee-now">
        {c.assignee ? (mine ? t(lang, 'case.assignedToMe') : c.assignee.displayName) : t(lang, 'case.unassigned')}
      </p>
      <div class="button-row">
        <ClaimButton caseId={c.id} mine={mine} busy={busy} run={run} />
      </div>
      {officers.length > 0 ? (
        <form
          class="inline-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (pick) {
              void run(path, { officerId: pick }, t(lang, 'case.assigned'))
            }
          }}
        >
          <label class="field">
            <span class="field-label">{t(lang, 'case.assignTo')}</span>
            <select value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
              <option value="">{t(lang, 'case.pickOfficer')}</option>
              {officers.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.fullName ?? o.displayName}
                </option>
              ))}
            </select>
          </label>
          <button type="submit" class="button button-secondary" disabled={busy || !pick}>
            {t(lang, 'case.assign')}
          </button>
        </form>
      ) : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </Card>
  )
}
