import { and, asc, count, desc, eq, ilike, isNotNull, or, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.js'
import { householdMembers, households, zoneAddresses } from '../../../db/schema/index.js'
import type { Coverage, CoverageRow, HouseholdAreas, HouseholdListItem } from '../../contracts/households.js'
import { formatAddress } from '../../contracts/lost-documents/address-format.js'

type Exec = Db | Tx
const n = (v: unknown) => Number(v ?? 0)
const areaKey = (m: string | null, s: string) => `${m ?? ''}\u0000${s}`

/**
 * Coverage of the zone (issue #14, point 1): imported addresses per tambon and municipality against the registered
 * households matched to them, with the households' people and LINE users. A household not matched to the list counts
 * in its own tambon's households (not in "registered": the denominator is the list). The map gets a ~100 m grid of
 * counts, never a house's own pin.
 */
export async function readCoverage(db: Exec, stationId: string): Promise<Coverage> {
  const listed = await db
    .select({ m: zoneAddresses.municipality, s: zoneAddresses.subdistrict, total: count() })
    .from(zoneAddresses)
    .where(eq(zoneAddresses.stationId, stationId))
    .groupBy(zoneAddresses.municipality, zoneAddresses.subdistrict)
  const lineUsers = sql<number>`(select count(*) from ${householdMembers} hm where hm.household_id = ${households.id})`
  const regs = await db
    .select({
      m: sql<string | null>`coalesce(${zoneAddresses.municipality}, ${households.municipality})`,
      s: sql<string>`coalesce(${zoneAddresses.subdistrict}, ${households.subdistrict})`,
      matched: isNotNull(households.zoneAddressId),
      zoneAddressId: households.zoneAddressId,
      members: households.members,
      lineUsers,
    })
    .from(households)
    .leftJoin(zoneAddresses, eq(zoneAddresses.id, households.zoneAddressId))
    .where(eq(households.stationId, stationId))
  const rows = new Map<string, CoverageRow>()
  const row = (m: string | null, s: string) => {
    const k = areaKey(m, s)
    let r = rows.get(k)
    if (!r) {
      r = { municipality: m, subdistrict: s, total: 0, registered: 0, households: 0, members: 0, lineUsers: 0 }
      rows.set(k, r)
    }
    return r
  }
  for (const l of listed) {
    row(l.m, l.s).total = n(l.total)
  }
  const registeredAddresses = new Set<string>()
  for (const h of regs) {
    const r = row(h.m, h.s)
    if (h.zoneAddressId && !registeredAddresses.has(h.zoneAddressId)) {
      registeredAddresses.add(h.zoneAddressId)
      r.registered++
    }
    r.households++
    r.members += n(h.members)
    r.lineUsers += n(h.lineUsers)
  }
  const bySubdistrict = [...rows.values()].sort(
    (a, b) =>
      (a.municipality ?? '\uffff').localeCompare(b.municipality ?? '\uffff', 'th') ||
      a.subdistrict.localeCompare(b.subdistrict, 'th'),
  )
  const byM = new Map<string, Omit<CoverageRow, 'subdistrict'>>()
  for (const r of bySubdistrict) {
    const k = r.municipality ?? ''
    const m = byM.get(k) ?? {
      municipality: r.municipality,
      total: 0,
      registered: 0,
      households: 0,
      members: 0,
      lineUsers: 0,
    }
    m.total += r.total
    m.registered += r.registered
    m.households += r.households
    m.members += r.members
    m.lineUsers += r.lineUsers
    byM.set(k, m)
  }
  const [users] = await db
    .select({ n: sql<number>`count(distinct ${householdMembers.citizenId})` })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(households.stationId, stationId))
  const grid = await db
    .select({
      lat: sql<number>`round(${households.latitude}::numeric, 3)::float8`,
      lng: sql<number>`round(${households.longitude}::numeric, 3)::float8`,
      n: count(),
    })
    .from(households)
    .where(and(eq(households.stationId, stationId), isNotNull(households.latitude), isNotNull(households.longitude)))
    .groupBy(sql`1`, sql`2`)
  const sum = (k: 'total' | 'households' | 'members') => bySubdistrict.reduce((t, r) => t + r[k], 0)
  return {
    total: sum('total'),
    registered: registeredAddresses.size,
    households: regs.length,
    unmatched: regs.filter((h) => !h.zoneAddressId).length,
    members: sum('members'),
    lineUsers: n(users?.n),
    byMunicipality: [...byM.values()],
    bySubdistrict,
    density: grid.map((g) => [n(g.lat), n(g.lng), n(g.n)]),
  }
}

/** Municipalities → tambons → sois of the zone's list and its households: what an announcement's audience picks. */
export async function readAreas(db: Exec, stationId: string): Promise<HouseholdAreas> {
  const listed = await db
    .select({ m: zoneAddresses.municipality, s: zoneAddresses.subdistrict, soi: zoneAddresses.soi, n: count() })
    .from(zoneAddresses)
    .where(eq(zoneAddresses.stationId, stationId))
    .groupBy(zoneAddresses.municipality, zoneAddresses.subdistrict, zoneAddresses.soi)
  const regs = await db
    .select({ m: households.municipality, s: households.subdistrict, soi: households.soi, n: count() })
    .from(households)
    .where(eq(households.stationId, stationId))
    .groupBy(households.municipality, households.subdistrict, households.soi)
  type Soi = { name: string; households: number; addresses: number }
  type Sub = { name: string; addresses: number; households: number; sois: Map<string, Soi> }
  const tree = new Map<string, { name: string | null; subs: Map<string, Sub> }>()
  const at = (m: string | null, s: string, soi: string | null) => {
    const mk = m ?? ''
    let mun = tree.get(mk)
    if (!mun) {
      mun = { name: m, subs: new Map() }
      tree.set(mk, mun)
    }
    let sub = mun.subs.get(s)
    if (!sub) {
      sub = { name: s, addresses: 0, households: 0, sois: new Map() }
      mun.subs.set(s, sub)
    }
    let so: Soi | undefined
    if (soi) {
      so = sub.sois.get(soi)
      if (!so) {
        so = { name: soi, households: 0, addresses: 0 }
        sub.sois.set(soi, so)
      }
    }
    return { sub, soi: so }
  }
  for (const l of listed) {
    const { sub, soi } = at(l.m, l.s, l.soi)
    sub.addresses += n(l.n)
    if (soi) {
      soi.addresses += n(l.n)
    }
  }
  for (const r of regs) {
    const { sub, soi } = at(r.m, r.s, r.soi)
    sub.households += n(r.n)
    if (soi) {
      soi.households += n(r.n)
    }
  }
  const th = (a: string, b: string) => a.localeCompare(b, 'th', { numeric: true })
  return {
    municipalities: [...tree.values()]
      .sort((a, b) => (a.name === null ? 1 : b.name === null ? -1 : th(a.name, b.name)))
      .map((m) => ({
        name: m.name,
        subdistricts: [...m.subs.values()]
          .sort((a, b) => th(a.name, b.name))
          .map((s) => ({
            name: s.name,
            addresses: s.addresses,
            households: s.households,
            sois: [...s.sois.values()].sort((a, b) => th(a.name, b.name)),
          })),
      })),
  }
}

export type ListQuery = { subdistrict?: string; soi?: string; q?: string; limit: number; offset: number }

/** The officers' list of households: the address on one line, counts, no one's name (newest first). */
export async function listHouseholds(
  db: Exec,
  stationId: string,
  query: ListQuery,
): Promise<{ households: HouseholdListItem[]; total: number }> {
  const where: SQL[] = [eq(households.stationId, stationId)]
  if (query.subdistrict) {
    where.push(eq(households.subdistrict, query.subdistrict))
  }
  if (query.soi) {
    where.push(eq(households.soi, query.soi))
  }
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`
    const found = or(ilike(sql`${households.address}->>'houseNo'`, like), ilike(households.soi, like))
    if (found) {
      where.push(found)
    }
  }
  const cond = and(...where)
  const [total] = await db.select({ n: count() }).from(households).where(cond)
  const rows = await db
    .select({
      h: households,
      lineUsers: sql<number>`(select count(*) from ${householdMembers} hm where hm.household_id = ${households.id})`,
    })
    .from(households)
    .where(cond)
    .orderBy(desc(households.createdAt), asc(households.id))
    .limit(query.limit)
    .offset(query.offset)
  return {
    total: n(total?.n),
    households: rows.map(({ h, lineUsers }) => ({
      id: h.id,
      address: formatAddress('th', h.address as unknown as Record<string, string | undefined>),
      subdistrict: h.subdistrict,
      municipality: h.municipality,
      soi: h.soi,
      members: h.members,
      lineUsers: n(lineUsers),
      language: h.language,
      source: h.source,
      matched: h.zoneAddressId != null,
      createdAt: h.createdAt.toISOString(),
    })),
  }
}
