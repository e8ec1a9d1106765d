import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import { type OfficeCalendar, officeMinutesBetween } from '../consultation/office-hours.js'
import { CONSULTATION_TOPICS, type ConsultationStats, type ConsultationTopic } from '../contracts/consultations.js'
import type { DashboardRange } from './dashboard.service.js'

/** A consultation opened in the range: its first answer and rating, and the officer it counts for. */
type Opened = {
  topic: ConsultationTopic
  created_at: Date | string
  first_response_at: Date | string | null
  rating: number | null
  officer_id: string | null
  name: string | null
}
/** A next answer: the citizen wrote again after an officer's answer (`asked_at`, their first message since), answered. */
type NextAnswer = {
  topic: ConsultationTopic
  asked_at: Date | string
  answered_at: Date | string
  officer_id: string | null
  name: string | null
}

/** The median as percentile_cont(0.5) has it (the mean of the two middle values of an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) {
    return null
  }
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const value = sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2
  return Math.round(value * 10) / 10
}
const average = (values: readonly number[]) =>
  values.length === 0 ? null : Math.round((values.reduce((a, b) => a + b, 0) / values.length) * 100) / 100

/**
 * Consultations opened in the range and their next answers (from the thread: message_in / message_out events). Each
 * consultation counts for the officer who handled it: its assignee, else the officer who answered first; a next answer
 * for the officer who wrote it.
 */
export async function responseRows(db: Db, stationId: string, range: DashboardRange) {
  const inRange = sql`c.station_id = ${stationId} and c.created_at >= ${range.from.toISOString()}::timestamptz
                      and c.created_at < ${range.to.toISOString()}::timestamptz`
  const [opened, next] = await Promise.all([
    queryRows<Opened>(
      db,
      sql`with handled as (
            select k.topic, c.created_at, c.first_response_at, k.rating,
                   coalesce(c.assignee_id, (select e.officer_id from case_events e
                                             where e.case_id = c.id and e.type = 'message_out' and e.officer_id is not null
                                             order by e.id limit 1)) as officer_id
              from consultations k join cases c on c.id = k.case_id
             where ${inRange})
          select h.*, o.display_name as name from handled h left join officers o on o.id = h.officer_id`,
    ),
    // Each message_in numbered by the officers' answers before it: the citizen's messages after answer n wait for
    // answer n + 1 (from the first of them: the SLA's next response, consultations.next_response_due_at).
    queryRows<NextAnswer>(
      db,
      sql`with thread as (
            select e.case_id, k.topic, e.type, e.created_at, e.officer_id,
                   count(*) filter (where e.type = 'message_out')
                     over (partition by e.case_id order by e.created_at, e.id) as answers
              from case_events e
              join consultations k on k.case_id = e.case_id
              join cases c on c.id = e.case_id
             where ${inRange} and e.type in ('message_in', 'message_out')),
          waits as (
            select case_id, topic, answers, min(created_at) as asked_at
              from thread where type = 'message_in' and answers > 0
             group by case_id, topic, answers)
          select w.topic, w.asked_at, a.created_at as answered_at, a.officer_id, o.display_name as name
            from waits w
            join thread a on a.case_id = w.case_id and a.type = 'message_out' and a.answers = w.answers + 1
            left join officers o on o.id = a.officer_id`,
    ),
  ])
  return { opened, next }
}

type Line = { name: string; answered: number; first: number[]; next: number[]; ratings: number[] }

/**
 * Per topic and per officer, response times in office minutes (the station's hours and holidays, as the SLA counts
 * them: bot/consultation/office-hours.ts). `officerId` set: only that officer's line.
 */
export function summarize(
  cal: OfficeCalendar,
  rows: Awaited<ReturnType<typeof responseRows>>,
  viewer: { officerId: string | null },
): Pick<ConsultationStats, 'perTopic' | 'perOfficer'> {
  const office = (from: Date | string, to: Date | string) => officeMinutesBetween(cal, new Date(from), new Date(to))
  const topics = new Map(
    CONSULTATION_TOPICS.map((t) => [
      t,
      { opened: 0, first: [] as number[], next: [] as number[], ratings: [] as number[] },
    ]),
  )
  const officers = new Map<string, Line>()
  const lineOf = (id: string, name: string | null) => {
    const line = officers.get(id) ?? { name: name ?? '', answered: 0, first: [], next: [], ratings: [] }
    officers.set(id, line)
    return line
  }
  for (const r of rows.opened) {
    const topic = topics.get(r.topic)
    const minutes = r.first_response_at === null ? null : office(r.created_at, r.first_response_at)
    if (topic) {
      topic.opened += 1
      if (minutes !== null) {
        topic.first.push(minutes)
      }
      if (r.rating !== null) {
        topic.ratings.push(Number(r.rating))
      }
    }
    if (r.officer_id && r.name !== null) {
      const line = lineOf(r.officer_id, r.name)
      if (minutes !== null) {
        line.answered += 1
        line.first.push(minutes)
      }
      if (r.rating !== null) {
        line.ratings.push(Number(r.rating))
      }
    }
  }
  for (const r of rows.next) {
    const minutes = office(r.asked_at, r.answered_at)
    topics.get(r.topic)?.next.push(minutes)
    if (r.officer_id && r.name !== null) {
      lineOf(r.officer_id, r.name).next.push(minutes)
    }
  }
  const perOfficer = [...officers.entries()]
    .filter(([id]) => viewer.officerId === null || id === viewer.officerId)
    .map(([officerId, l]) => ({
      officerId,
      displayName: l.name,
      answered: l.answered,
      medianFirstResponseOfficeMinutes: median(l.first),
      medianNextResponseOfficeMinutes: median(l.next),
      averageRating: average(l.ratings),
    }))
    .sort(
      (a, b) =>
        b.answered - a.answered ||
        a.displayName.localeCompare(b.displayName) ||
        (a.officerId < b.officerId ? -1 : a.officerId > b.officerId ? 1 : 0),
    )
  return {
    perTopic: CONSULTATION_TOPICS.map((topic) => {
      const t = topics.get(topic)
      return {
        topic,
        opened: t?.opened ?? 0,
        medianFirstResponseOfficeMinutes: median(t?.first ?? []),
        medianNextResponseOfficeMinutes: median(t?.next ?? []),
        ratings: t?.ratings.length ?? 0,
        averageRating: average(t?.ratings ?? []),
      }
    }),
    perOfficer,
  }
}
