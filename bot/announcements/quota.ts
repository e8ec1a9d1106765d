import { sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../db/client.js'
import type { AnnouncementTopic, Audience, AudienceEstimate } from '../contracts/announcements.js'
import type { QuotaFigures } from '../dashboard/quota-cache.js'
import { bangkokMonth } from '../line/delivery-counts.js'
import { countAudience } from './audience.js'
import { readSettings } from './settings.js'

export type QuotaDeps = {
  /** LINE's quota and this month's consumption (cached briefly; null when LINE cannot say). */
  quota: { get(): Promise<QuotaFigures | null> }
  /** LINE's friends count for `all_friends` (null when LINE cannot say). */
  followers: () => Promise<number | null>
  now: () => Date
}

/**
 * Messages (recipients) of announcements this Bangkok month: those LINE accepted (line_message_counts, kind
 * 'announcement') plus the requests still pending, which LINE has not counted yet: two announcements sent one after
 * the other never both fit into the same remainder.
 */
async function announcementUse(db: Db | Tx, stationId: string, at: Date) {
  const [row] = await queryRows<{ counted: number; pending: number }>(
    db,
    sql`select
      (select coalesce(sum(messages), 0)::int from line_message_counts
        where month = ${bangkokMonth(at)} and station_id = ${stationId} and kind = 'announcement') as counted,
      (select coalesce(sum(case when o.method = 'broadcast' then b.recipients else cardinality(o.recipients) end), 0)::int
         from outbound_messages o join broadcasts b on b.id = o.broadcast_id
        where o.status = 'pending' and b.station_id = ${stationId}) as pending`,
  )
  return { counted: Number(row?.counted ?? 0), pending: Number(row?.pending ?? 0) }
}

/** LINE's quota and the station's monthly budget, what is used of them and what is left (the audience aside). */
export type Limits = Pick<AudienceEstimate, 'quota' | 'budget'>

/** The quota and budget figures now (read BEFORE a fan-out writes its own requests, which would count as pending). */
export async function limits(db: Db | Tx, deps: QuotaDeps, stationId: string): Promise<Limits> {
  const [settings, use, lineQuota] = await Promise.all([
    readSettings(db, stationId),
    announcementUse(db, stationId, deps.now()),
    deps.quota.get(),
  ])
  const quota = lineQuota
    ? {
        limit: lineQuota.limit,
        used: lineQuota.used + use.pending,
        remaining: lineQuota.remaining === null ? null : Math.max(lineQuota.remaining - use.pending, 0),
      }
    : { limit: null, used: use.pending, remaining: null }
  const budget =
    settings.monthlyBudget === null
      ? null
      : {
          limit: settings.monthlyBudget,
          used: use.counted + use.pending,
          remaining: Math.max(settings.monthlyBudget - use.counted - use.pending, 0),
        }
  return { quota, budget }
}

/** An estimate from the audience's counts and the limits (fits: the quota and the budget both cover it). */
export function withLimits(
  counts: Omit<AudienceEstimate, 'quota' | 'budget' | 'fits' | 'estimated'>,
  l: Limits,
  estimated: boolean,
): AudienceEstimate {
  const left = allowance(l)
  return { ...counts, ...l, fits: left === null || counts.recipients <= left, estimated }
}

/** The audience's size and whether LINE's quota and the station's monthly budget cover it (AudienceEstimate). */
export async function estimate(
  db: Db | Tx,
  deps: QuotaDeps,
  q: { stationId: string; audience: Audience; topic: AnnouncementTopic },
): Promise<AudienceEstimate> {
  const l = await limits(db, deps, q.stationId)
  let counts: Omit<AudienceEstimate, 'quota' | 'budget' | 'fits' | 'estimated'>
  if (q.audience.type === 'all_friends') {
    const followers = await deps.followers()
    const [row] = await queryRows<{ th: number; en: number }>(
      db,
      sql`select count(*) filter (where language = 'th')::int as th, count(*) filter (where language = 'en')::int as en
        from citizens where follow_state = 'following' and (station_id = ${q.stationId} or station_id is null)`,
    )
    const th = Number(row?.th ?? 0)
    const en = Number(row?.en ?? 0)
    counts = { recipients: followers ?? th + en, byLanguage: { th, en }, excluded: { optedOut: 0, blocked: 0 } }
  } else {
    counts = await countAudience(db, { stationId: q.stationId, audience: q.audience, topic: q.topic })
  }
  return withLimits(counts, l, q.audience.type === 'all_friends')
}

/** How many recipients the quota and the budget allow now (null: no limit). */
export function allowance(e: Limits): number | null {
  const limits = [e.quota.remaining, e.budget?.remaining ?? null].filter((n): n is number => n !== null)
  return limits.length === 0 ? null : Math.min(...limits)
}
