import { CONSULTATION_TOPIC_LABELS, type ConsultationDetail } from '@contracts/consultations.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ClockIcon } from '@shared/ui/icons.js'
import { useEffect, useState } from 'preact/hooks'
import { duration, type Language, num, t, when } from '../../lib/i18n.js'
import type { CaseDetail } from '../../lib/types.js'
import { KindBadge, StatusBadge } from '../../ui/badges.js'

/** Now, again every half minute: waiting times and SLA countdowns move while the page is open. */
export function useNow(everyMs = 30_000): number {
  const [now, setNow] = useState(Date.now())
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), everyMs)
    return () => window.clearInterval(timer)
  }, [everyMs])
  return now
}

const minutesBetween = (from: number, to: number) => Math.max(0, Math.round((to - from) / 60_000))

/** The citizen wrote last and nobody has answered since: how long they have been waiting. */
export function waitingMinutes(d: ConsultationDetail, now: number): number | null {
  if (d.closedAt || !d.lastCitizenMessageAt) {
    return null
  }
  const citizen = new Date(d.lastCitizenMessageAt).getTime()
  const officer = d.lastOfficerMessageAt ? new Date(d.lastOfficerMessageAt).getTime() : 0
  return citizen > officer ? minutesBetween(citizen, now) : null
}

/** The answer that is due now: the first one (the case's due time) until answered, then the next one. */
function dueNow(c: CaseDetail, d: ConsultationDetail): { label: 'con.firstDue' | 'con.nextDue'; at: string } | null {
  if (d.closedAt) {
    return null
  }
  if (!c.firstResponseAt) {
    return c.dueAt ? { label: 'con.firstDue', at: c.dueAt } : null
  }
  return d.nextResponseDueAt ? { label: 'con.nextDue', at: d.nextResponseDueAt } : null
}

function Stars({ lang, n }: { lang: Language; n: number }) {
  const label = t(lang, 'con.ratingValue', { n: num(lang, n) })
  return (
    <span class="stars" role="img" aria-label={label} title={label}>
      {'★'.repeat(n)}
      <span class="stars-off">{'★'.repeat(Math.max(0, 5 - n))}</span>
      <span class="stars-text">{label}</span>
    </span>
  )
}

type Props = { lang: Language; c: CaseDetail; d: ConsultationDetail; myId: string }

/** What the consultation is about, where it stands, how long the citizen has waited and when the answer is due. */
export function ConsultationHeader({ lang, c, d, myId }: Props) {
  const now = useNow()
  const waiting = waitingMinutes(d, now)
  const due = dueNow(c, d)
  const dueAt = due ? new Date(due.at).getTime() : 0
  const late = due ? dueAt < now : false
  const assignee = c.assignee
    ? c.assignee.id === myId
      ? t(lang, 'case.assignedToMe')
      : c.assignee.displayName
    : t(lang, 'case.unassigned')
  return (
    <Card>
      <div class="case-badges">
        <KindBadge lang={lang} kind={c.kind} />
        <StatusBadge lang={lang} status={c.status} />
        <span class="topic-chip">{CONSULTATION_TOPIC_LABELS[d.topic]?.[lang] ?? d.topic}</span>
      </div>
      {waiting !== null ? (
        <p class={`con-waiting${late ? ' is-late' : ''}`}>
          <ClockIcon /> {t(lang, 'con.waiting', { time: duration(lang, waiting) })}
        </p>
      ) : null}
      <dl class="facts">
        <dt>{t(lang, 'case.created')}</dt>
        <dd>
          {when(lang, c.createdAt)} · {t(lang, `con.openedVia.${d.openedVia}`)}
        </dd>
        <dt>{t(lang, 'case.assignee')}</dt>
        <dd>{assignee}</dd>
        {due ? (
          <>
            <dt>{t(lang, due.label)}</dt>
            <dd class={late ? 'sla-late' : 'sla-ok'}>
              <span>{when(lang, due.at)}</span>
              <span class="sla-left">
                {late
                  ? t(lang, 'con.overdueBy', { time: duration(lang, minutesBetween(dueAt, now)) })
                  : t(lang, 'con.dueIn', { time: duration(lang, minutesBetween(now, dueAt)) })}
              </span>
            </dd>
          </>
        ) : null}
        {c.firstResponseAt ? (
          <>
            <dt>{t(lang, 'case.firstResponse')}</dt>
            <dd>{when(lang, c.firstResponseAt)}</dd>
          </>
        ) : null}
        {d.reopenCount > 0 ? (
          <>
            <dt>{t(lang, 'con.thread')}</dt>
            <dd>{t(lang, 'con.reopened', { n: num(lang, d.reopenCount) })}</dd>
          </>
        ) : null}
        {d.rating !== null ? (
          <>
            <dt>{t(lang, 'con.rating')}</dt>
            <dd>
              <Stars lang={lang} n={d.rating} />
            </dd>
          </>
        ) : null}
      </dl>
      {d.closedAt ? (
        <p class="notice notice-info">
          {t(lang, 'con.closedAt', {
            when: when(lang, d.closedAt),
            by: t(lang, `con.closedBy.${d.closedBy ?? 'system'}`),
          })}
        </p>
      ) : null}
      {d.convertedToCaseId ? (
        <p class="notice notice-info con-converted">
          <span>{t(lang, 'con.converted')}</span>
          <Link class="button button-secondary button-small" to={`cases/${encodeURIComponent(d.convertedToCaseId)}`}>
            {t(lang, 'con.openConverted')}
          </Link>
        </p>
      ) : null}
    </Card>
  )
}
