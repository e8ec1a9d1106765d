import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { useAdmin } from '../../lib/session.js'
import { ct, ownerLabel, type QueueItem, statusLabel, when } from './texts.js'

const FINAL = new Set(['closed', 'cancelled'])

/** One footage request: camera, case, window, status and deadline (overdue flagged), and what may be done with it. */
export function RequestRow({ r, onChanged, showCase }: { r: QueueItem; onChanged: () => void; showCase?: boolean }) {
  const { lang, can, me } = useAdmin()
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const act = can('footage.request') && !FINAL.has(r.status)
  async function patch(body: Record<string, unknown>) {
    setBusy(true)
    setError(null)
    try {
      await adminApi(`/footage-requests/${r.id}`, { method: 'PATCH', body })
      onChanged()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <li class={`row-card fr-row${r.overdue ? ' fr-overdue' : ''}`}>
      <p class="row-title">
        <span class={`fr-status fr-status-${r.status}`}>{statusLabel(lang, r.status)}</span>
        {r.overdue ? <span class="flag fr-flag">{ct(lang, 'overdue')}</span> : null}
        <span class="fr-camera">
          {r.cameraCode} · {r.cameraName}
        </span>
      </p>
      <p class="row-note">
        {ownerLabel(lang, r.ownerType)}
        {r.ownerName ? ` · ${r.ownerName}` : ''} · {ct(lang, `channel_${r.channel}`)}
        {r.letterNumber ? ` · ${r.letterNumber}` : ''}
      </p>
      {showCase ? (
        <p class="row-note">
          <a href={`/admin/cases/${r.caseId}`}>{r.caseReference}</a> · {r.requesterName}
        </p>
      ) : null}
      <p class="hint">
        {when(lang, r.windowFrom)} – {when(lang, r.windowTo)}
      </p>
      <p class="hint">
        {ct(lang, 'ask')}: {r.ask}
      </p>
      <p class={`hint${r.overdue ? ' fr-late' : ''}`}>
        {ct(lang, 'due')} {when(lang, r.deadlineAt)} · {ct(lang, 'assignee')}:{' '}
        {r.assigneeName ?? ct(lang, 'unassigned')}
      </p>
      {r.answerNote ? <p class="hint">“{r.answerNote}”</p> : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="row-actions">
        {r.channel === 'letter' || r.channel === 'ccoc_task' ? (
          <a
            class="button button-secondary"
            href={`/api/admin/footage-requests/${r.id}/letter.pdf`}
            target="_blank"
            rel="noopener"
          >
            {ct(lang, 'letter')}
          </a>
        ) : null}
        {act && r.assigneeId !== me.officer.id ? (
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() => void patch({ assigneeId: 'me' })}
          >
            {ct(lang, 'claim')}
          </button>
        ) : null}
        {act && r.status !== 'received' ? (
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() => void patch({ status: 'received' })}
          >
            {ct(lang, 'received')}
          </button>
        ) : null}
        {act ? (
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() => void patch({ status: 'closed' })}
          >
            {ct(lang, 'close')}
          </button>
        ) : null}
        {act && r.status === 'open' ? (
          <button
            type="button"
            class="button button-secondary"
            disabled={busy}
            onClick={() => void patch({ status: 'cancelled' })}
          >
            {ct(lang, 'cancel')}
          </button>
        ) : null}
      </div>
    </li>
  )
}
