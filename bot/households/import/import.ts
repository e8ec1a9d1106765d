import { and, count, eq, inArray, sql } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { households, zoneAddresses } from '../../../db/schema/index.js'
import { addressKey, type ImportResult } from '../../contracts/households.js'
import type { ZoneAddressRow } from './csv.js'

const BATCH = 500

/**
 * Saves the zone's address list in the caller's transaction: new keys inserted, known keys updated (a re-import
 * corrects the list rather than doubling it), then every household of the station matched again by key.
 */
export async function saveZoneAddresses(
  tx: Tx,
  stationId: string,
  rows: ZoneAddressRow[],
  now: Date,
): Promise<ImportResult> {
  const before = await countOf(tx, stationId)
  for (let i = 0; i < rows.length; i += BATCH) {
    const chunk = rows.slice(i, i + BATCH)
    await tx
      .insert(zoneAddresses)
      .values(chunk.map((r) => ({ ...r, stationId, importedAt: now })))
      .onConflictDoUpdate({
        target: [zoneAddresses.stationId, zoneAddresses.key],
        set: {
          houseNo: sql`excluded.house_no`,
          moo: sql`excluded.moo`,
          village: sql`excluded.village`,
          soi: sql`excluded.soi`,
          road: sql`excluded.road`,
          subdistrict: sql`excluded.subdistrict`,
          municipality: sql`excluded.municipality`,
          district: sql`excluded.district`,
          latitude: sql`excluded.latitude`,
          longitude: sql`excluded.longitude`,
          importedAt: sql`excluded.imported_at`,
        },
      })
  }
  await rematchHouseholds(tx, stationId)
  const total = await countOf(tx, stationId)
  // Keys are unique in a file (readZoneAddresses refuses a repeat), so what is not new was updated.
  const inserted = total - before
  return { rows: rows.length, inserted, updated: rows.length - inserted, total }
}

async function countOf(tx: Tx, stationId: string): Promise<number> {
  const [row] = await tx.select({ n: count() }).from(zoneAddresses).where(eq(zoneAddresses.stationId, stationId))
  return Number(row?.n ?? 0)
}

/** The municipality the list gives a tambon (the most common, for a tambon split between two). */
export async function municipalityOf(tx: Tx, stationId: string, subdistrict: string): Promise<string | null> {
  const [row] = await tx
    .select({ m: zoneAddresses.municipality, n: count() })
    .from(zoneAddresses)
    .where(and(eq(zoneAddresses.stationId, stationId), eq(zoneAddresses.subdistrict, subdistrict.trim())))
    .groupBy(zoneAddresses.municipality)
    .orderBy(sql`2 desc`)
    .limit(1)
  return row?.m ?? null
}

/** Matches every household of the station to the list by its address key (and takes the list's municipality). */
export async function rematchHouseholds(tx: Tx, stationId: string): Promise<void> {
  const all = await tx
    .select({
      id: households.id,
      address: households.address,
      zoneAddressId: households.zoneAddressId,
      municipality: households.municipality,
    })
    .from(households)
    .where(eq(households.stationId, stationId))
  if (all.length === 0) {
    return
  }
  const keys = [...new Set(all.map((h) => addressKey(h.address)))]
  const zone = new Map<string, { id: string; municipality: string | null }>()
  for (let i = 0; i < keys.length; i += BATCH) {
    const found = await tx
      .select({ id: zoneAddresses.id, key: zoneAddresses.key, municipality: zoneAddresses.municipality })
      .from(zoneAddresses)
      .where(and(eq(zoneAddresses.stationId, stationId), inArray(zoneAddresses.key, keys.slice(i, i + BATCH))))
    for (const z of found) {
      zone.set(z.key, z)
    }
  }
  const byTambon = new Map<string, string | null>()
  for (const h of all) {
    const z = zone.get(addressKey(h.address))
    let municipality = z?.municipality ?? null
    if (!z) {
      const t = h.address.subdistrict.trim()
      if (!byTambon.has(t)) {
        byTambon.set(t, await municipalityOf(tx, stationId, t))
      }
      municipality = byTambon.get(t) ?? null
    }
    if ((z?.id ?? null) !== h.zoneAddressId || municipality !== h.municipality) {
      await tx
        .update(households)
        .set({ zoneAddressId: z?.id ?? null, municipality })
        .where(eq(households.id, h.id))
    }
  }
}
