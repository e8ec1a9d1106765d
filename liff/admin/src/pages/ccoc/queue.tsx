import { FOOTAGE_REQUEST_STATUSES } from '@contracts/cameras.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useCallback, useEffect, useState } from 'preact/hooks'
import { adminApi, query } from '../../lib/api.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import './ccoc.css'
import { RequestRow } from './request-row.js'
import { ct, type QueueItem, statusLabel } from './texts.js'

/**
 * The CCOC queue (issue #15): every footage request of the station, overdue first, then by deadline; filter by
 * status, overdue, mine; take a task, mark the file received, close or cancel, print the letter.
 */
export function CcocQueuePage() {
  const { lang } = useAdmin()
  const [status, setStatus] = useState('')
  const [overdue, setOverdue] = useState(false)
  const [mine, setMine] = useState(false)
  const [items, setItems] = useState<QueueItem[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const load = useCallback(async () => {
    try {
      const q = query({
        status: status || undefined,
        overdue: overdue ? 'true' : undefined,
        mine: mine ? 'true' : undefined,
      })
      setItems((await adminApi<{ items: QueueItem[] }>(`/footage-requests${q}`)).items)
      setError(null)
    } catch (err) {
      setError(asApiError(err))
    }
  }, [status, overdue, mine])
  useEffect(() => {
    void load()
  }, [load])
  const late = items?.filter((i) => i.overdue).length ?? 0
  return (
    <Layout title={ct(lang, 'queue')}>
      <div class="ccoc-filters">
        <label>
          {ct(lang, 'status')}
          <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
            <option value="">{ct(lang, 'all')}</option>
            {FOOTAGE_REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(lang, s)}
              </option>
            ))}
          </select>
        </label>
        <label class="ccoc-check">
          <input type="checkbox" checked={overdue} onChange={(e) => setOverdue(e.currentTarget.checked)} />
          {ct(lang, 'onlyOverdue')}
          {late > 0 ? <span class="flag fr-flag">{late}</span> : null}
        </label>
        <label class="ccoc-check">
          <input type="checkbox" checked={mine} onChange={(e) => setMine(e.currentTarget.checked)} />
          {ct(lang, 'mine')}
        </label>
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => void load()} /> : null}
      {!items && !error ? <div class="loading" role="status" /> : null}
      {items && items.length === 0 ? <p class="hint">{ct(lang, 'empty')}</p> : null}
      <ul class="row-list">
        {(items ?? []).map((r) => (
          <RequestRow key={r.id} r={r} onChanged={() => void load()} showCase />
        ))}
      </ul>
    </Layout>
  )
}
