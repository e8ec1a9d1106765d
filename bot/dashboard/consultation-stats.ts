import { sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../db/client.js'
import { loadCalendar } from '../consultation/office-hours.js'
import type { ConsultationStats, ConsultationTopic } from '../contracts/consultations.js'
import type { DashboardRange } from './dashboard.service.js'
import { messagesPerMonth } from './messages-per-month.js'
import { responseRows, summarize } from './response-times.js'

/**
 * The dashboard's consultation block over consultations opened in the range: per topic and per officer, response
 * times in office minutes (bot/dashboard/response-times.ts) and ratings; the common answers shown and whether they
 * sufficed; the messages sent per month and kind (bot/dashboard/messages-per-month.ts). `officerId` set: only that
 * officer's line.
 */
export async function consultationStats(
  db: Db,
  stationId: string,
  range: DashboardRange,
  viewer: { officerId: string | null },
): Promise<ConsultationStats> {
  const from = range.from.toISOString()
  const to = range.to.toISOString()
  const [calendar, responses, answers, pushesPerMonth] = await Promise.all([
    loadCalendar(db, stationId),
    responseRows(db, stationId, range),
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
    messagesPerMonth(db, stationId, range),
  ])
  return {
    ...summarize(calendar, responses, viewer),
    commonAnswers: answers.map((a) => ({
      answerId: a.answer_id,
      topic: a.topic,
      // A deleted answer keeps its counts; its title is gone with it.
      titleTh: a.title ?? 'คำตอบที่ลบแล้ว (deleted)',
      shown: Number(a.shown),
      sufficed: Number(a.sufficed),
    })),
    pushesPerMonth,
  }
}
