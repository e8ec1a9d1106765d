import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import { CONSULTATION_TOPICS, type ConsultationStats, type ConsultationTopic } from '../contracts/consultations.js'
import type { DashboardRange } from './dashboard.service.js'

/**
 * What each outbox purpose is about, for the pushes per kind (LINE counts a push against the plan's quota; replies
 * are free). Officers' messages and status messages ('case-message', 'case-status', and the consultation workflow's
 * 'consultation-*') are linked to their case by the outbox ids their timeline event keeps (data.outboundIds): the
 * case's kind is used. Unlinked, a purpose maps here; the rest are 'other'.
 */
export const PUSH_KIND_OF_PURPOSE: Record<string, string> = {
  'case-message': 'case',
  'case-status': 'case',
  'lost-document-receipt': 'lost_document',
  'lost-document-record': 'lost_document',
  /** The bot's own answers in the chat (menus, flows, errors, a refused file). */
  conversation: 'chat',
  error: 'chat',
  media_refused: 'chat',
  /** Alerts to the station's LINE group. */
  'station-alert': 'station_group',
  'station-alert-urgent': 'station_group',
  access_approved: 'officers',
  'privacy-answer': 'privacy',
}

export function pushKind(purpose: string, linkedKind: string | null): string {
  if (linkedKind) {
    return linkedKind
  }
  if (purpose.startsWith('consultation')) {
    return 'consultation'
  }
  return PUSH_KIND_OF_PURPOSE[purpose] ?? 'other'
}

const minutes = (v: number | string | null | undefined) =>
  v === null || v === undefined ? null : Math.round(Number(v) * 10) / 10
const average = (v: number | string | null | undefined) =>
  v === null || v === undefined ? null : Math.round(Number(v) * 100) / 100

/**
 * The dashboard's consultation block over consultations opened in the range. Response times are wall-clock minutes
 * from the question to the first answer (cases.first_response_at). Each consultation counts for the officer who
 * handled it: its assignee, else the officer who answered first. `officerId` set: only that officer's line.
 */
export async function consultationStats(
  db: Db,
  stationId: string,
  range: DashboardRange,
  viewer: { officerId: string | null },
): Promise<ConsultationStats> {
  const from = range.from.toISOString()
  const to = range.to.toISOString()
  const inRange = sql`c.station_id = ${stationId} and c.created_at >= ${from}::timestamptz and c.created_at < ${to}::timestamptz`
  const [topics, officers, answers, pushes] = await Promise.all([
    queryRows<{ topic: ConsultationTopic; opened: number; median: number | null; ratings: number; avg: number | null }>(
      db,
      sql`select k.topic, count(*)::int as opened,
                 percentile_cont(0.5) within group
                   (order by extract(epoch from c.first_response_at - c.created_at)::float8) / 60 as median,
                 count(k.rating)::int as ratings, avg(k.rating)::float8 as avg
            from consultations k join cases c on c.id = k.case_id
           where ${inRange}
           group by k.topic`,
    ),
    queryRows<{ officer_id: string; name: string; answered: number; median: number | null; avg: number | null }>(
      db,
      sql`with handled as (
            select c.id, c.created_at, c.first_response_at, k.rating,
                   coalesce(c.assignee_id, (select e.officer_id from case_events e
                                             where e.case_id = c.id and e.type = 'message_out' and e.officer_id is not null
                                             order by e.id limit 1)) as officer_id
              from consultations k join cases c on c.id = k.case_id
             where ${inRange})
          select h.officer_id, o.display_name as name,
                 count(*) filter (where h.first_response_at is not null)::int as answered,
                 percentile_cont(0.5) within group
                   (order by extract(epoch from h.first_response_at - h.created_at)::float8) / 60 as median,
                 avg(h.rating)::float8 as avg
            from handled h join officers o on o.id = h.officer_id
           where ${viewer.officerId ? sql`h.officer_id = ${viewer.officerId}` : sql`true`}
           group by h.officer_id, o.display_name
           order by answered desc, o.display_name, h.officer_id`,
    ),
    queryRows<{ answer_id: string; topic: ConsultationTopic; title: string | null; shown: number; sufficed: number }>(
      db,
      sql`select x.answer_id, min(x.topic) as topic, min(a.title_th) as title,
                 count(*)::int as shown, count(*) filter (where x.sufficed)::int as sufficed
            from (select unnest(o.answer_ids) as answer_id, o.topic, o.sufficed
                    from consultation_answer_outcomes o
                   where o.station_id = ${stationId}
                     and o.created_at >= ${from}::timestamptz and o.created_at < ${to}::timestamptz) x
            left join consultation_answers a on a.id = x.answer_id
           group by x.answer_id
           order by min(x.topic), min(a.position) nulls last, x.answer_id`,
    ),
    // Linked through the timeline: events a little older than the range may carry a push delivered in it.
    queryRows<{ month: string; purpose: string; kind: string | null; pushes: number }>(
      db,
      sql`with links as (
            select distinct on (ids.id) ids.id::uuid as outbound_id, c.kind
              from case_events e
              join cases c on c.id = e.case_id
              cross join lateral jsonb_array_elements_text(e.data->'outboundIds') as ids(id)
             where c.station_id = ${stationId} and jsonb_typeof(e.data->'outboundIds') = 'array'
               and e.created_at >= ${from}::timestamptz - interval '7 days' and e.created_at < ${to}::timestamptz
             order by ids.id, e.id)
          select to_char(m.delivered_at at time zone 'Asia/Bangkok', 'YYYY-MM') as month, m.purpose, l.kind,
                 count(*)::int as pushes
            from outbound_messages m left join links l on l.outbound_id = m.id
           where m.station_id = ${stationId} and m.sent_via = 'push'
             and m.delivered_at >= ${from}::timestamptz and m.delivered_at < ${to}::timestamptz
           group by 1, 2, 3`,
    ),
  ])

  const byTopic = new Map(topics.map((t) => [t.topic, t]))
  const perMonth = new Map<string, { month: string; kind: string; pushes: number }>()
  for (const p of pushes) {
    const kind = pushKind(p.purpose, p.kind)
    const key = `${p.month} ${kind}`
    const row = perMonth.get(key) ?? { month: p.month, kind, pushes: 0 }
    row.pushes += Number(p.pushes)
    perMonth.set(key, row)
  }
  return {
    perTopic: CONSULTATION_TOPICS.map((topic) => {
      const t = byTopic.get(topic)
      return {
        topic,
        opened: Number(t?.opened ?? 0),
        medianFirstResponseMinutes: minutes(t?.median),
        ratings: Number(t?.ratings ?? 0),
        averageRating: average(t?.avg),
      }
    }),
    perOfficer: officers.map((o) => ({
      officerId: o.officer_id,
      displayName: o.name,
      answered: Number(o.answered),
      medianFirstResponseMinutes: minutes(o.median),
      averageRating: average(o.avg),
    })),
    commonAnswers: answers.map((a) => ({
      answerId: a.answer_id,
      topic: a.topic,
      // A deleted answer keeps its counts; its title is gone with it.
      titleTh: a.title ?? 'คำตอบที่ลบแล้ว (deleted)',
      shown: Number(a.shown),
      sufficed: Number(a.sufficed),
    })),
    pushesPerMonth: [...perMonth.values()].sort(
      (a, b) => a.month.localeCompare(b.month) || a.kind.localeCompare(b.kind),
    ),
  }
}
