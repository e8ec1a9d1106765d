import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { ROLE_LABELS } from '../i18n/labels.js'
import { adminApi } from '../lib/api.js'
import { t, when } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { type AccessRequest, OFFICER_ROLES, type OfficerRole } from '../lib/types.js'

function RequestRow({ r, onDecided }: { r: AccessRequest; onDecided: () => void }) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [role, setRole] = useState<OfficerRole>('duty_officer')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function decide(decision: 'approve' | 'decline') {
    setBusy(true)
    setError(null)
    try {
      const body = decision === 'approve' ? { decision, role } : { decision }
      await adminApi(`/access-requests/${encodeURIComponent(r.id)}/decision`, { method: 'POST', body })
      notify(t(lang, decision === 'approve' ? 'access.approved' : 'access.declined', { name: r.displayName }))
      onDecided()
    } catch (err) {
      setError(asApiError(err))
      setBusy(false)
    }
  }
  const roleId = `role-${r.id}`
  return (
    <li class="row-card">
      <p class="row-title">{r.displayName}</p>
      {r.note ? <p class="row-note">{r.note}</p> : null}
      <p class="hint">{t(lang, 'access.asked', { when: when(lang, r.createdAt) })}</p>
      <div class="row-actions">
        <label class="field field-inline" for={roleId}>
          <span class="field-label">{t(lang, 'officers.role')}</span>
          <select id={roleId} value={role} onChange={(e) => setRole(e.currentTarget.value as OfficerRole)}>
            {OFFICER_ROLES.map((o) => (
              <option key={o} value={o}>
                {ROLE_LABELS[o][lang]}
              </option>
            ))}
          </select>
        </label>
        <button type="button" class="button button-primary" disabled={busy} onClick={() => void decide('approve')}>
          {t(lang, 'access.approve')}
        </button>
        <button type="button" class="button button-secondary" disabled={busy} onClick={() => void decide('decline')}>
          {t(lang, 'access.decline')}
        </button>
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </li>
  )
}

/** People who opened the officers' page with a LINE account that is not an officer yet. */
export function AccessRequests({ onApproved }: { onApproved: () => void }) {
  const { lang } = useAdmin()
  const [items, setItems] = useState<AccessRequest[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    adminApi<{ items: AccessRequest[] }>('/access-requests?status=pending').then(
      (r) => setItems(r.items),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [attempt])
  return (
    <Card title={t(lang, 'access.title')}>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {items && items.length === 0 ? <p class="hint">{t(lang, 'access.none')}</p> : null}
      {items && items.length > 0 ? (
        <ul class="row-list">
          {items.map((r) => (
            <RequestRow
              key={r.id}
              r={r}
              onDecided={() => {
                setAttempt((n) => n + 1)
                onApproved()
              }}
            />
          ))}
        </ul>
      ) : null}
    </Card>
  )
}
