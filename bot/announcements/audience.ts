import booleanPointInPolygon from '@turf/boolean-point-in-polygon'
import { and, eq, gte, isNotNull, lte, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { queryRows } from '../../db/client.js'
import { households } from '../../db/schema/index.js'
import type { AnnouncementTopic, Audience, PartialSendOrder } from '../contracts/announcements.js'
import { textArray, uuidArray } from './sql-arrays.js'

/**
 * Who an announcement reaches, as SQL: one row per LINE user (a citizen is one LINE user, however many matching
 * households they belong to: the conditions are EXISTS tests, never joins), with the flags the exclusions and the
 * partial-send orders need. Importable by other domains (a top-level file).
 *
 * Citizens without a station (the OA serves one station) count for every station's audiences.
 */
export type AudienceQuery = {
  stationId: string
  audience: Exclude<Audience, { type: 'all_friends' }>
  topic: AnnouncementTopic
}

export type AudienceMember = { citizenId: string; lineUserId: string; language: 'th' | 'en' }

/** How the recipients are ranked: the partial send's order (PARTIAL_SEND_ORDERS; registered first when whole). */
export function orderBy(order: PartialSendOrder | undefined): SQL {
  switch (order) {
    case 'house_watch_first':
      return sql`watching desc, registered desc, created_at asc, citizen_id asc`
    case 'newest_first':
      return sql`created_at desc, citizen_id asc`
    case 'registered_first':
      return sql`registered desc, created_at asc, citizen_id asc`
    default:
      // A whole send: everyone gets it, the order only fixes the requests (oldest citizens first).
      return sql`created_at asc, citizen_id asc`
  }
}

/**
 * The households inside a polygon drawn on the map: a bounding box in SQL, then the exact point-in-polygon test on
 * each candidate's pin (turf). Households without a pin are never inside.
 */
export async function householdsInArea(
  db: Db | Tx,
  stationId: string,
  area: { type: 'Polygon'; coordinates: number[][][] },
): Promise<string[]> {
  const points = area.coordinates.flat()
  const lngs = points.map((p) => p[0] ?? 0)
  const lats = points.map((p) => p[1] ?? 0)
  if (points.length === 0) {
    return []
  }
  const rows = await db
    .select({ id: households.id, lat: households.latitude, lng: households.longitude })
    .from(households)
    .where(
      and(
        eq(households.stationId, stationId),
        isNotNull(households.latitude),
        isNotNull(households.longitude),
        gte(households.longitude, Math.min(...lngs)),
        lte(households.longitude, Math.max(...lngs)),
        gte(households.latitude, Math.min(...lats)),
        lte(households.latitude, Math.max(...lats)),
      ),
    )
  return rows
    .filter((h) => booleanPointInPolygon([h.lng ?? 0, h.lat ?? 0], { type: 'Polygon', coordinates: area.coordinates }))
    .map((h) => h.id)
}

/** The EXISTS test that a citizen belongs to a matching household (areaIds: the polygon's households, resolved). */
function inHouseholds(q: AudienceQuery, areaIds: string[] | null): SQL {
  const a = q.audience.type === 'households' ? q.audience : null
  const filters: SQL[] = [sql`h.station_id = ${q.stationId}`, sql`${q.topic} = any(h.topics)`]
  if (a?.municipalities?.length) {
    filters.push(sql`h.municipality = any(${textArray(a.municipalities)})`)
  }
  if (a?.subdistricts?.length) {
    filters.push(sql`h.subdistrict = any(${textArray(a.subdistricts)})`)
  }
  if (a?.sois?.length) {
    filters.push(sql`h.soi = any(${textArray(a.sois)})`)
  }
  if (areaIds) {
    filters.push(sql`h.id = any(${uuidArray(areaIds)})`)
  }
  return sql`exists (select 1 from household_members m join households h on h.id = m.household_id
    where m.citizen_id = c.id and ${sql.join(filters, sql` and `)})`
}

function watching(stationId: string): SQL {
  return sql`exists (select 1 from cases k join house_watches w on w.case_id = k.id
    where k.citizen_id = c.id and k.kind = 'house_watch' and k.station_id = ${stationId} and w.ended_at is null)`
}

/**
 * Every candidate of the audience before exclusions: citizen_id, line_user_id, language, opted_out, blocked,
 * registered (in a household of the station), watching (an active house watch), created_at.
 */
export async function candidatesSql(db: Db | Tx, q: AudienceQuery, flags = true): Promise<SQL> {
  const { audience, stationId } = q
  const areaIds =
    audience.type === 'households' && audience.area ? await householdsInArea(db, stationId, audience.area) : null
  const where: SQL[] = [sql`(c.station_id = ${stationId} or c.station_id is null)`]
  if (audience.type === 'households') {
    where.push(inHouseholds(q, areaIds))
  } else if (audience.type === 'house_watch_owners') {
    where.push(watching(stationId))
  } else if (audience.type === 'list') {
    where.push(sql`c.id in (select unnest(l.citizen_ids) from audience_lists l
      where l.id = ${audience.listId} and l.station_id = ${stationId})`)
  }
  if (audience.language) {
    where.push(sql`c.language = ${audience.language}`)
  }
  const registered = sql`exists (select 1 from household_members m join households h on h.id = m.household_id
    where m.citizen_id = c.id and h.station_id = ${stationId})`
  // The ranking flags cost two look-ups per citizen: only the partial-send orders need them.
  const ranks = flags
    ? sql`${registered} as registered, ${watching(stationId)} as watching`
    : sql`false as registered, false as watching`
  return sql`select c.id as citizen_id, c.line_user_id, c.language,
      c.announcements_opted_out_at is not null as opted_out, c.follow_state = 'blocked' as blocked,
      ${ranks}, c.created_at
    from citizens c where ${sql.join(where, sql` and `)}`
}

/** The recipients: candidates minus those who blocked the OA or opted out of announcements. */
export async function recipientsSql(db: Db | Tx, q: AudienceQuery, flags = true): Promise<SQL> {
  return sql`select * from (${await candidatesSql(db, q, flags)}) a where not a.opted_out and not a.blocked`
}

export type AudienceCounts = {
  recipients: number
  byLanguage: { th: number; en: number }
  excluded: { optedOut: number; blocked: number }
}

/** The audience's size and what was left out, in one query. */
export async function countAudience(db: Db | Tx, q: AudienceQuery): Promise<AudienceCounts> {
  const [row] = await queryRows<{ th: number; en: number; opted_out: number; blocked: number }>(
    db,
    sql`select
      count(*) filter (where not opted_out and not blocked and language = 'th')::int as th,
      count(*) filter (where not opted_out and not blocked and language = 'en')::int as en,
      count(*) filter (where opted_out and not blocked)::int as opted_out,
      count(*) filter (where blocked)::int as blocked
    from (${await candidatesSql(db, q, false)}) a`,
  )
  const th = Number(row?.th ?? 0)
  const en = Number(row?.en ?? 0)
  return {
    recipients: th + en,
    byLanguage: { th, en },
    excluded: { optedOut: Number(row?.opted_out ?? 0), blocked: Number(row?.blocked ?? 0) },
  }
}

/** The audience's members, in the given order (the admin page's preview, other domains' use). */
export async function listAudience(
  db: Db | Tx,
  q: AudienceQuery,
  order?: PartialSendOrder,
  limit?: number,
): Promise<AudienceMember[]> {
  const rows = await queryRows<{ citizen_id: string; line_user_id: string; language: 'th' | 'en' }>(
    db,
    sql`select citizen_id, line_user_id, language from (${await recipientsSql(db, q)}) r
      order by ${orderBy(order)} ${limit === undefined ? sql`` : sql`limit ${limit}`}`,
  )
  return rows.map((r) => ({ citizenId: r.citizen_id, lineUserId: r.line_user_id, language: r.language }))
}
