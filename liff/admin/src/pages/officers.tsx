import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { ROLE_LABELS } from '../i18n/labels.js'
import { adminApi } from '../lib/api.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { OFFICER_ROLES, type Officer, type OfficerRole } from '../lib/types.js'
import { Layout } from '../ui/layout.js'
import { AccessRequests } from './access-requests.js'

function OfficerRow({ o, onChanged }: { o: Officer; onChanged: (o: Officer) => void }) {
  const { lang, me } = useAdmin()
  const notify = useToast()
  const [busy, setBusy] = useState(false)
  const [confirming, setConfirming] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const self = o.id === me.officer.id
  const name = o.fullName ?? o.displayName
  async function patch(body: { role?: OfficerRole; active?: boolean }, done: string) {
    setBusy(true)
    setError(null)
    try {
      const res = await adminApi<{ officer: Officer }>(`/officers/${encodeURIComponent(o.id)}`, {
        method: 'PATCH',
        body,
      })
      onChanged(res.officer)
      notify(done)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
      setConfirming(false)
    }
  }
  const roleId = `officer-role-${o.id}`
  return (
    <li class={`row-card${o.active ? '' : ' is-disabled'}`}>
      <p class="row-title">
        {name}
        {self ? <span class="flag flag-me">{t(lang, 'officers.you')}</span> : null}
        {o.active ? null : <span class="flag flag-off">{t(lang, 'officers.disabled')}</span>}
      </p>
      {o.fullName ? <p class="hint">LINE: {o.displayName}</p> : null}
      <div class="row-actions">
        <label class="field field-inline" for={roleId}>
          <span class="field-label">{t(lang, 'officers.role')}</span>
          <select
            id={roleId}
            value={o.role}
            disabled={busy || self}
            onChange={(e) => {
              const role = e.currentTarget.value as OfficerRole
              void patch({ role }, t(lang, 'officers.roleSaved', { name, role: ROLE_LABELS[role][lang] }))
            }}
          >
            {OFFICER_ROLES.map((r) => (
              <option key={r} value={r}>
                {ROLE_LABELS[r][lang]}
              </option>
            ))}
          </select>
        </label>
        {self ? null : o.active ? (
          <button type="button" class="button button-danger" disabled={busy} onClick={() => setConfirming(true)}>
            {t(lang, 'officers.disable')}
          </button>
        ) : (
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() => void patch({ active: true }, t(lang, 'officers.enabled', { name }))}
          >
            {t(lang, 'officers.enable')}
          </button>
        )}
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <Dialog open={confirming} title={t(lang, 'officers.disableTitle', { name })} onClose={() => setConfirming(false)}>
        <p>{t(lang, 'officers.disableBody')}</p>
        <div class="button-row button-row-end">
          <button type="button" class="button button-secondary" onClick={() => setConfirming(false)}>
            {t(lang, 'common.cancel')}
          </button>
          <button
            type="button"
            class="button button-danger"
            disabled={busy}
            onClick={() => void patch({ active: false }, t(lang, 'officers.disabledDone', { name }))}
          >
            {t(lang, 'officers.disable')}
          </button>
        </div>
      </Dialog>
    </li>
  )
}

/** Admins: who may use the officers' page, with which role; requests from new officers first. */
export function OfficersPage() {
  const { lang } = useAdmin()
  const [officers, setOfficers] = useState<Officer[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    adminApi<{ items: Officer[] }>('/officers').then(
      (r) => setOfficers([...r.items].sort((a, b) => Number(b.active) - Number(a.active))),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [attempt])
  const replace = (o: Officer) => setOfficers((list) => list?.map((x) => (x.id === o.id ? o : x)) ?? null)
  return (
    <Layout title={t(lang, 'officers.title')}>
      <AccessRequests onApproved={() => setAttempt((n) => n + 1)} />
      <Card title={t(lang, 'officers.list')}>
        {error ? (
          <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
        ) : null}
        {!officers && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
        {officers ? (
          <ul class="row-list">
            {officers.map((o) => (
              <OfficerRow key={o.id} o={o} onChanged={replace} />
            ))}
          </ul>
        ) : null}
      </Card>
    </Layout>
  )
}
