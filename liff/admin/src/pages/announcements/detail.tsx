import { ANNOUNCEMENT_TOPIC_LABELS, type PartialSend } from '@contracts/announcements.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { type AdminKey, num, t, when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import { type BroadcastRequestView, type BroadcastView, broadcastsApi } from './api.js'
import { LinePreview } from './line-preview.js'
import { StatusBadge } from './list.js'
import { sendLabel, useRequireApproval } from './send-label.js'
import './announcements.css'

/** While an announcement is going out the page asks every 2 s (GET /broadcasts/:id). */
export const POLL_MS = 2000
const LIVE = new Set(['sending', 'scheduled', 'awaiting_approval'])

function Progress({ b }: { b: BroadcastView }) {
  const { lang } = useAdmin()
  const total = Math.max(1, b.recipients)
  const pct = (n: number) => `${Math.min(100, (n / total) * 100)}%`
  const done = b.sent + b.failed
  return (
    <div class="ann-progress">
      <dl class="ann-figures">
        {(
          [
            ['ann.recipients', b.recipients, ''],
            ['ann.sent', b.sent, 'ok'],
            ['ann.failed', b.failed, 'bad'],
            ['ann.remaining', b.remaining, ''],
          ] as [AdminKey, number, string][]
        ).map(([label, n, tone]) => (
          <div key={label} class={`ann-figure ann-figure-${tone || 'plain'}`}>
            <dt>{t(lang, label)}</dt>
            <dd>{num(lang, n)}</dd>
          </div>
        ))}
      </dl>
      <div
        class="ann-bar ann-bar-big"
        role="progressbar"
        aria-label={t(lang, 'ann.progress')}
        aria-valuemin={0}
        aria-valuemax={b.recipients}
        aria-valuenow={done}
        aria-valuetext={t(lang, 'ann.progressText', { done: num(lang, done), total: num(lang, b.recipients) })}
      >
        <span class="ann-bar-fill ann-bar-ok" style={{ width: pct(b.sent) }} />
        <span class="ann-bar-fill ann-bar-bad" style={{ width: pct(b.failed) }} />
      </div>
      <p class="hint">{t(lang, 'ann.progressText', { done: num(lang, done), total: num(lang, b.recipients) })}</p>
    </div>
  )
}

function Requests({ rows }: { rows: BroadcastRequestView[] }) {
  const { lang } = useAdmin()
  if (rows.length === 0) {
    return <p class="hint">{t(lang, 'ann.req.none')}</p>
  }
  return (
    <div class="ann-table-wrap">
      <table class="ann-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t(lang, 'ann.req.method')}</th>
            <th scope="col">{t(lang, 'ann.req.recipients')}</th>
            <th scope="col">{t(lang, 'ann.req.status')}</th>
            <th scope="col">{t(lang, 'ann.req.attempts')}</th>
            <th scope="col">{t(lang, 'ann.req.result')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r, i) => (
            <tr key={r.id}>
              <td>{i + 1}</td>
              <td>{`${r.method} · ${r.language.toUpperCase()}`}</td>
              <td>{num(lang, r.recipients)}</td>
              <td>
                <span class={`ann-req ann-req-${r.status}`}>{t(lang, `ann.req.status.${r.status}`)}</span>
              </td>
              <td>{num(lang, r.attempts)}</td>
              <td>
                <div class="ann-req-result">
                  {r.error ? <span class="ann-bad">{r.error}</span> : null}
                  {r.deliveredAt ? <span>{when(lang, r.deliveredAt)}</span> : null}
                  {r.lineRequestId ? <code>{r.lineRequestId}</code> : null}
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

/** The figures LINE's insight API names (GET /v2/bot/insight/message/event/aggregation), in the officers' words. */
const STAT_NAMES = ['delivered', 'uniqueImpression', 'uniqueClick', 'uniqueMediaPlayed'] as const

/** LINE's statistics for the announcement's aggregation unit, as read back (shape is LINE's; shown as figures). */
function LineStats({ stats }: { stats: unknown }) {
  const { lang } = useAdmin()
  const flat: [string, number][] = []
  const walk = (v: unknown, path: string) => {
    if (typeof v === 'number') {
      flat.push([path, v])
    } else if (v && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) {
        walk(Array.isArray(v) ? x : x, path ? `${path}.${k}` : k)
      }
    }
  }
  walk(stats, '')
  if (flat.length === 0) {
    return <p class="hint">{t(lang, 'ann.noStats')}</p>
  }
  return (
    <dl class="ann-stats">
      {flat.slice(0, 24).map(([k, v]) => {
        const leaf = k.split('.').at(-1) as (typeof STAT_NAMES)[number]
        return (
          <div key={k}>
            <dt>{STAT_NAMES.includes(leaf) ? t(lang, `ann.stat.${leaf}`) : k}</dt>
            <dd>{num(lang, v)}</dd>
          </div>
        )
      })}
    </dl>
  )
}

/** One announcement: its progress live while it goes out, the per-request log, and what may be done next. */
export function BroadcastPage({ id }: { id: string }) {
  const { lang, can, me } = useAdmin()
  const notify = useToast()
  const [data, setData] = useState<{ broadcast: BroadcastView; requests: BroadcastRequestView[] } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [actionError, setActionError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const requireApproval = useRequireApproval()
  const live = data ? LIVE.has(data.broadcast.status) : false

  useEffect(() => {
    // Each run of the effect has its own flag: a request still in flight when it ends schedules nothing.
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const tick = async () => {
      try {
        const next = await broadcastsApi.get(id)
        if (stopped) {
          return
        }
        setData(next)
        setError(null)
        if (LIVE.has(next.broadcast.status)) {
          timer = setTimeout(tick, POLL_MS)
        }
      } catch (err) {
        if (!stopped) {
          setError(asApiError(err))
          timer = setTimeout(tick, POLL_MS * 2)
        }
      }
    }
    void tick()
    return () => {
      stopped = true
      clearTimeout(timer)
    }
  }, [id, live])

  async function act(action: 'approve' | 'send' | 'cancel', done: AdminKey, partial?: PartialSend) {
    setBusy(true)
    setActionError(null)
    try {
      await broadcastsApi.act(id, action, partial ? { partial } : {})
      notify(t(lang, done))
      setData(await broadcastsApi.get(id))
    } catch (err) {
      setActionError(asApiError(err))
    } finally {
      setBusy(false)
      setConfirmCancel(false)
    }
  }

  const b = data?.broadcast
  // The server refuses an approval by the announcement's author (or whoever asked to send it): no button for them.
  const approvable = Boolean(b && can('broadcasts.approve') && b.createdBy?.id !== me.officer.id)
  return (
    <Layout
      title={b ? b.title : t(lang, 'ann.title')}
      back={{ to: 'announcements', label: t(lang, 'ann.title') }}
      aside={
        b?.status === 'sending' ? (
          <span class="live">
            <span class="live-dot" aria-hidden="true" />
            {t(lang, 'ann.live')}
          </span>
        ) : null
      }
    >
      {error && !b ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      {!b && !error ? <p class="loading">{t(lang, 'common.loading')}</p> : null}
      {b ? (
        <div class="ann-detail">
          <div class="ann-main">
            <Card title={t(lang, 'ann.progress')}>
              <p class="row-title">
                <StatusBadge status={b.status} />
                <span class="hint">{ANNOUNCEMENT_TOPIC_LABELS[b.topic][lang]}</span>
              </p>
              <Progress b={b} />
              <dl class="ann-facts">
                {b.scheduledAt ? (
                  <div>
                    <dt>{t(lang, 'ann.scheduledFor')}</dt>
                    <dd>{when(lang, b.scheduledAt)}</dd>
                  </div>
                ) : null}
                {b.startedAt ? (
                  <div>
                    <dt>{t(lang, 'ann.startedAt')}</dt>
                    <dd>{when(lang, b.startedAt)}</dd>
                  </div>
                ) : null}
                {b.completedAt ? (
                  <div>
                    <dt>{t(lang, 'ann.completedAt')}</dt>
                    <dd>{when(lang, b.completedAt)}</dd>
                  </div>
                ) : null}
                {b.partial ? (
                  <div>
                    <dt>{t(lang, 'ann.partialSend')}</dt>
                    <dd>{`${num(lang, b.partial.limit)} · ${t(lang, `ann.order.${b.partial.order}`)}`}</dd>
                  </div>
                ) : null}
                <div>
                  <dt>{t(lang, 'ann.createdBy')}</dt>
                  <dd>{`${b.createdBy?.name ?? '—'} · ${when(lang, b.createdAt)}`}</dd>
                </div>
                {b.approvedBy ? (
                  <div>
                    <dt>{t(lang, 'ann.approvedBy')}</dt>
                    <dd>{`${b.approvedBy.name} · ${when(lang, b.approvedAt)}`}</dd>
                  </div>
                ) : null}
              </dl>
              {actionError ? <ErrorNotice th={actionError.th} en={actionError.en} reqId={actionError.reqId} /> : null}
              <div class="button-row ann-actions">
                {b.status === 'awaiting_approval' && !approvable ? (
                  <p class="hint">{t(lang, 'ann.awaitingOther')}</p>
                ) : null}
                {b.status === 'awaiting_approval' && approvable ? (
                  <button
                    type="button"
                    class="button button-primary"
                    disabled={busy}
                    onClick={() => act('approve', 'ann.approved')}
                  >
                    {t(lang, 'ann.approve')}
                  </button>
                ) : null}
                {b.status === 'draft' && can('broadcasts.send') ? (
                  <>
                    <Link class="button button-secondary" to={`announcements/${b.id}/edit`}>
                      {t(lang, 'ann.editDraft')}
                    </Link>
                    <button
                      type="button"
                      class="button button-primary"
                      disabled={busy}
                      onClick={() => act('send', 'ann.submitted')}
                    >
                      {t(lang, sendLabel(requireApproval, Boolean(b.scheduledAt)))}
                    </button>
                  </>
                ) : null}
                {['draft', 'awaiting_approval', 'scheduled', 'sending'].includes(b.status) && can('broadcasts.send') ? (
                  <button
                    type="button"
                    class="button button-danger"
                    disabled={busy}
                    onClick={() => setConfirmCancel(true)}
                  >
                    {t(lang, 'ann.cancelSend')}
                  </button>
                ) : null}
              </div>
            </Card>
            <Card title={t(lang, 'ann.requests')}>
              <Requests rows={data?.requests ?? []} />
            </Card>
            <Card title={t(lang, 'ann.stats')}>
              {b.lineStats ? <LineStats stats={b.lineStats} /> : <p class="hint">{t(lang, 'ann.noStats')}</p>}
              <p class="hint">{t(lang, 'ann.aggregationUnit', { unit: b.aggregationUnit })}</p>
            </Card>
          </div>
          <aside class="ann-side">
            <Card title={t(lang, 'ann.preview')}>
              <LinePreview
                label={t(lang, 'ann.preview')}
                oaName={lang === 'th' ? me.station.nameTh : me.station.nameEn}
                messages={b.messages.th}
              />
            </Card>
          </aside>
          <Dialog open={confirmCancel} title={t(lang, 'ann.cancelSend')} onClose={() => setConfirmCancel(false)}>
            <p>{t(lang, 'ann.cancelConfirm', { n: num(lang, b.remaining) })}</p>
            <div class="button-row">
              <button
                type="button"
                class="button button-danger"
                disabled={busy}
                onClick={() => act('cancel', 'ann.cancelled')}
              >
                {t(lang, 'ann.cancelYes')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => setConfirmCancel(false)}>
                {t(lang, 'ann.cancelNo')}
              </button>
            </div>
          </Dialog>
        </div>
      ) : null}
    </Layout>
  )
}
