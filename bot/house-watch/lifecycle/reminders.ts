import { type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../../db/client.js'
import { cases, houseWatches } from '../../../db/schema/index.js'
import { endQuestionItems, say } from './chat-kit.js'
import { addDays, bangkokDay } from './days.js'
import { endWatch } from './end.js'
import { ownerLanguage, sendToOwner, watchOwner } from './owner-send.js'
import { day, hwt } from './texts.js'

/** How many watches one transaction claims; the loop takes the rest. */
const BATCH = 50

/**
 * Claims running watches matching `where` and applies `set` in the same statement. `FOR UPDATE SKIP LOCKED` plus the
 * condition re-read by the update make each watch claimed by exactly one transaction, however many workers look at
 * once (as the consultations' escalation does). Returns the claimed case IDs.
 */
async function claim(tx: Tx, where: SQL, set: SQL): Promise<string[]> {
  const rows = await queryRows<{ case_id: string }>(
    tx,
    sql`update ${houseWatches} set ${set}
         where case_id in (
           select w.case_id from ${houseWatches} w join ${cases} c on c.id = w.case_id
            where w.ended_at is null and w.approved_at is not null and c.status in ('approved', 'active')
              and ${where}
            order by w.case_id
            limit ${BATCH}
              for update of w skip locked)
        returning case_id`,
  )
  return rows.map((r) => r.case_id)
}

/** Runs `step` in transactions until a claim comes back empty; returns how many watches it handled. */
async function drain(db: Db, step: (tx: Tx) => Promise<number>): Promise<number> {
  let total = 0
  for (;;) {
    const n = await db.transaction(step)
    total += n
    if (n < BATCH) {
      return total
    }
  }
}

export type LifecycleDeps = { liffUrl: (path: string) => string }

/** The day before the start: "tomorrow the patrols start; put the sticker where it can be seen". Once per watch. */
export function sendReminders(db: Db, { liffUrl }: LifecycleDeps, now: Date): Promise<number> {
  const tomorrow = addDays(bangkokDay(now), 1)
  return drain(db, async (tx) => {
    const at = now.toISOString()
    const ids = await claim(
      tx,
      sql`w.reminder_sent_at is null and w.starts_on = ${tomorrow}::date`,
      sql`reminder_sent_at = ${at}::timestamptz, updated_at = ${at}::timestamptz`,
    )
    for (const id of ids) {
      const owner = await watchOwner(tx, id)
      if (owner) {
        const lang = ownerLanguage(owner)
        const vars = {
          start: day(lang, owner.watch.startsOn),
          ref: owner.case.referenceNumber,
          link: liffUrl(`house-watch/${id}`),
        }
        await sendToOwner(tx, owner, [say(hwt(lang, 'reminder', vars))], 'house_watch_reminder', now)
      }
    }
    return ids.length
  })
}

/** On the end date: "are you home?" with home / extend quick replies. Once per end date (an extension re-arms it). */
export function askEndQuestions(db: Db, now: Date): Promise<number> {
  const today = bangkokDay(now)
  return drain(db, async (tx) => {
    const at = now.toISOString()
    const ids = await claim(
      tx,
      sql`w.end_question_sent_at is null and w.ends_on = ${today}::date`,
      sql`end_question_sent_at = ${at}::timestamptz, updated_at = ${at}::timestamptz`,
    )
    for (const id of ids) {
      const owner = await watchOwner(tx, id)
      if (owner) {
        const lang = ownerLanguage(owner)
        const body = hwt(lang, 'endQuestion', { end: day(lang, owner.watch.endsOn), ref: owner.case.referenceNumber })
        await sendToOwner(tx, owner, [say(body, endQuestionItems(lang, id))], 'house_watch_end_question', now)
      }
    }
    return ids.length
  })
}

/** A watch past its end date without an answer ends as 'expired' the next day, and the owner is told. */
export function expireWatches(db: Db, now: Date): Promise<number> {
  const today = bangkokDay(now)
  return drain(db, async (tx) => {
    // The claim only locks (a no-op set): endWatch below makes the change, in the same transaction.
    const ids = await claim(tx, sql`w.ends_on < ${today}::date`, sql`updated_at = updated_at`)
    for (const id of ids) {
      const ended = await endWatch(tx, { caseId: id, reason: 'expired', now, actorType: 'system' })
      const owner = ended ? await watchOwner(tx, id) : null
      if (owner) {
        const lang = ownerLanguage(owner)
        const body = hwt(lang, 'expired', { ref: owner.case.referenceNumber, end: day(lang, owner.watch.endsOn) })
        await sendToOwner(tx, owner, [say(body)], 'house_watch_expired', now)
      }
    }
    return ids.length
  })
}

/** On its start date an approved watch becomes active (the inbox shows it under way). */
export async function activateStarted(db: Db, now: Date): Promise<number> {
  const today = bangkokDay(now)
  const at = now.toISOString()
  const rows = await queryRows<{ id: string }>(
    db,
    sql`with moved as (
          update ${cases} c set status = 'active', updated_at = ${at}::timestamptz
            from ${houseWatches} w
           where w.case_id = c.id and c.kind = 'house_watch' and c.status = 'approved'
             and w.ended_at is null and w.approved_at is not null and w.starts_on <= ${today}::date
          returning c.id)
        insert into case_events (case_id, type, actor_type, from_status, to_status, created_at)
        select id, 'status', 'system', 'approved', 'active', ${at}::timestamptz from moved
        returning case_id as id`,
  )
  return rows.length
}
