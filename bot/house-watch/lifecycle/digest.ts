import { and, asc, eq, gt, lte, type SQL, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../../db/client.js'
import { cases, houseWatches, officers, patrolPoints, patrolVisits, stations } from '../../../db/schema/index.js'
import { VISIT_RESULT_LABELS } from '../../contracts/house-watch.js'
import type { SignedLinks } from '../../http/signed-links.js'
import type { LineMessage } from '../../line/line-client.js'
import { readHouseWatchSettings } from '../settings/read.js'
import { say } from './chat-kit.js'
import { addDays, bangkokDay, bangkokHour, bangkokMoment } from './days.js'
import { ownerLanguage, sendToOwner, type WatchOwner, watchOwner } from './owner-send.js'
import { at, hwt } from './texts.js'

const BATCH = 50

export type DigestDeps = { liffUrl: (path: string) => string; photoLinks: Pick<SignedLinks, 'url'> }

/** The latest daily-summary moment at or before `now` for a station's hour (today's, or yesterday's before it). */
export function digestMoment(now: Date, hour: number): Date {
  const today = bangkokDay(now)
  return bangkokMoment(bangkokHour(now) >= hour ? today : addDays(today, -1), hour)
}

/** An ended watch still gets its last summary (visits between the previous one and its end) for this long. */
const LAST_SUMMARY_WITHIN_MS = 7 * 24 * 3600_000

/**
 * Claims the station's watches whose summary up to `upTo` is not sent yet and moves `digested_until` to it in the
 * same statement (FOR UPDATE SKIP LOCKED: each watch's day is claimed by one transaction of one worker): running
 * watches, and watches that ended (an early "I'm home", expiry) after their last summary, so the visits of their
 * last day are told too (once: no visit comes after the end, the patrol point being retired with it).
 * Returns each claimed watch with where its previous summary ended.
 */
async function claimDue(tx: Tx, stationId: string, upTo: Date, now: Date) {
  const t = upTo.toISOString()
  const recent = new Date(upTo.getTime() - LAST_SUMMARY_WITHIN_MS).toISOString()
  const rows = await queryRows<{ case_id: string; prev: Date | string | null }>(
    tx,
    sql`with due as (
          select w.case_id, w.digested_until as prev
            from ${houseWatches} w join ${cases} c on c.id = w.case_id
           where c.station_id = ${stationId} and w.approved_at is not null
             and ((c.status in ('approved', 'active') and w.ended_at is null)
               or (w.ended_at > ${recent}::timestamptz and w.ended_at > coalesce(w.digested_until, '-infinity')))
             and w.starts_on <= ${bangkokDay(upTo)}::date
             and (w.digested_until is null or w.digested_until < ${t}::timestamptz)
           order by w.case_id
           limit ${BATCH}
             for update of w skip locked)
        update ${houseWatches} w set digested_until = ${t}::timestamptz, updated_at = ${now.toISOString()}::timestamptz
          from due where w.case_id = due.case_id
        returning w.case_id, due.prev`,
  )
  return rows.map((r) => ({ caseId: r.case_id, prev: r.prev ? new Date(r.prev) : null }))
}

/** The visits at the watch's house in (prev, upTo], oldest first, with the officer's rank and name. */
async function visitsBetween(tx: Tx, caseId: string, prev: Date | null, upTo: Date) {
  const window: SQL[] = [eq(patrolPoints.caseId, caseId), lte(patrolVisits.scannedAt, upTo)]
  if (prev) {
    window.push(gt(patrolVisits.scannedAt, prev))
  }
  return tx
    .select({
      id: patrolVisits.id,
      at: patrolVisits.scannedAt,
      result: patrolVisits.result,
      notified: patrolVisits.ownerNotifiedAt,
      hasPhoto: sql<boolean>`${patrolVisits.photoBytesEnc} is not null`,
      officer: sql<string>`coalesce(${officers.fullName}, ${officers.displayName})`,
    })
    .from(patrolVisits)
    .innerJoin(patrolPoints, eq(patrolPoints.id, patrolVisits.pointId))
    .innerJoin(officers, eq(officers.id, patrolVisits.officerId))
    .where(and(...window))
    .orderBy(asc(patrolVisits.scannedAt))
}

type Visit = Awaited<ReturnType<typeof visitsBetween>>[number]

/** The summary: how many visits, the last one's time, officer and result, the log's link; the latest photo. */
export function digestMessages(owner: WatchOwner, visits: Visit[], deps: DigestDeps, now: Date): LineMessage[] {
  const lang = ownerLanguage(owner)
  const last = visits[visits.length - 1]
  if (!last) {
    return []
  }
  const body = [
    hwt(lang, 'digest', {
      ref: owner.case.referenceNumber,
      count: visits.length,
      last: at(lang, last.at),
      officer: last.officer,
      result: VISIT_RESULT_LABELS[last.result][lang],
    }),
    hwt(lang, 'digestLink', { link: deps.liffUrl(`house-watch/${owner.case.id}`) }),
  ].join('\n\n')
  const photo = [...visits].reverse().find((v) => v.hasPhoto)
  const url = photo ? deps.photoLinks.url(photo.id, now) : null
  return [say(body), ...(url ? [{ type: 'image' as const, originalContentUrl: url, previewImageUrl: url }] : [])]
}

/**
 * The owners' daily summaries, for every station at its own hour (Bangkok): each running watch once a day. A day
 * whose visits were all told already (each-visit owners, findings) or that had none sends nothing: the summary
 * exists to save the station's message quota, and the owner sees the log (and that it is empty) in the LIFF app.
 */
export async function sendDigests(db: Db, deps: DigestDeps, now: Date): Promise<number> {
  const all = await db.select({ id: stations.id }).from(stations)
  let sent = 0
  for (const { id: stationId } of all) {
    const { digestHour } = await readHouseWatchSettings(db, stationId)
    const upTo = digestMoment(now, digestHour)
    for (;;) {
      const claimed = await db.transaction(async (tx) => {
        const due = await claimDue(tx, stationId, upTo, now)
        for (const { caseId, prev } of due) {
          const visits = await visitsBetween(tx, caseId, prev, upTo)
          const owner = visits.some((v) => v.notified === null) ? await watchOwner(tx, caseId) : null
          if (owner) {
            await sendToOwner(tx, owner, digestMessages(owner, visits, deps, now), 'house_watch_digest', now)
            sent++
          }
        }
        return due.length
      })
      if (claimed < BATCH) {
        break
      }
    }
  }
  return sent
}
