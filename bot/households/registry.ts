import { randomInt } from 'node:crypto'
import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import {
  type Citizen,
  type Household,
  householdMembers,
  households,
  type Station,
  zoneAddresses,
} from '../../db/schema/index.js'
import { ANNOUNCEMENT_TOPICS, type AnnouncementTopic, type HouseholdSource } from '../contracts/announcements.js'
import type { LatLng, ThaiAddress } from '../contracts/house-watch.js'
import {
  addressKey,
  type HouseholdInput,
  type HouseholdView,
  INVITE_CODE_ALPHABET,
  INVITE_CODE_LENGTH,
  type InvitePreview,
} from '../contracts/households.js'
import { AppError, NotFoundError } from '../errors.js'
import { municipalityOf } from './import/import.js'

/** The station's area check, wired from house watch by the composition root (bot/compose/households.ts). */
export type AreaCheck = {
  inside(area: unknown, at: LatLng): boolean
  rightStation(
    tx: Tx,
    stationId: string,
    at: LatLng,
  ): Promise<{ nameTh: string; nameEn: string; phone: string } | undefined>
}

/** 422 `outside_jurisdiction`: the pin is not in the station's area; the station to ask instead, when known. */
export class OutsideAreaError extends AppError {
  constructor(station: Station, right: { nameTh: string; nameEn: string; phone: string } | undefined) {
    super(
      'outside_jurisdiction',
      422,
      right
        ? `This place is outside ${station.nameEn}'s area. It belongs to ${right.nameEn} (call ${right.phone}).`
        : `This place is outside ${station.nameEn}'s area: move the pin to your house in the area.`,
      right
        ? `ตำแหน่งนี้อยู่นอกเขตพื้นที่ของ${station.nameTh} อยู่ในเขตของ${right.nameTh} (โทร ${right.phone})`
        : `ตำแหน่งนี้อยู่นอกเขตพื้นที่ของ${station.nameTh} กรุณาปักหมุดที่บ้านของคุณในเขตพื้นที่`,
      { station: right ?? null },
    )
  }
}

export class AlreadyMemberError extends AppError {
  constructor() {
    super(
      'already_member',
      409,
      'You already belong to a household: leave it first to register or join another.',
      'คุณเป็นสมาชิกของบ้านหนึ่งอยู่แล้ว กรุณาออกจากบ้านเดิมก่อนลงทะเบียนหรือเข้าร่วมบ้านอื่น',
    )
  }
}

export class InvalidInviteError extends AppError {
  constructor() {
    super(
      'invite_not_found',
      404,
      'This invite code is not valid: ask the household member for the code again.',
      'ไม่พบรหัสเชิญนี้ กรุณาขอรหัสจากสมาชิกในบ้านอีกครั้ง',
    )
  }
}

export class NotOwnerError extends AppError {
  constructor() {
    super(
      'not_owner',
      403,
      'Only the member who registered the household can change it.',
      'เฉพาะผู้ลงทะเบียนบ้านเท่านั้นที่แก้ไขข้อมูลได้',
    )
  }
}

/** A fresh invite code (crypto random, the unambiguous alphabet). */
export function newInviteCode(): string {
  let code = ''
  for (let i = 0; i < INVITE_CODE_LENGTH; i++) {
    code += INVITE_CODE_ALPHABET[randomInt(INVITE_CODE_ALPHABET.length)]
  }
  return code
}

/** The code as typed: upper case, no spaces or dashes. */
export function cleanCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '')
}

/** The imported address this one matches, by the normalised key; null when the list has no such house. */
export async function matchZoneAddress(tx: Tx, stationId: string, address: ThaiAddress) {
  const [row] = await tx
    .select({ id: zoneAddresses.id, municipality: zoneAddresses.municipality })
    .from(zoneAddresses)
    .where(and(eq(zoneAddresses.stationId, stationId), eq(zoneAddresses.key, addressKey(address))))
    .limit(1)
  return row ?? null
}

/** The citizen's household (the first they joined) with their role, or null. */
export async function householdOf(tx: Tx, citizenId: string) {
  const [row] = await tx
    .select({ h: households, role: householdMembers.role })
    .from(householdMembers)
    .innerJoin(households, eq(households.id, householdMembers.householdId))
    .where(eq(householdMembers.citizenId, citizenId))
    .orderBy(asc(householdMembers.joinedAt))
    .limit(1)
  return row ?? null
}

async function lineUsersOf(tx: Tx, householdId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
  return Number(row?.n ?? 0)
}

export async function viewOf(
  tx: Tx,
  h: Household,
  role: 'owner' | 'member',
  inviteUrl: (code: string) => string,
): Promise<HouseholdView> {
  return {
    id: h.id,
    role,
    source: h.source,
    address: h.address,
    location: h.latitude != null && h.longitude != null ? { lat: h.latitude, lng: h.longitude } : null,
    members: h.members,
    language: h.language,
    topics: h.topics as AnnouncementTopic[],
    lineUsers: await lineUsersOf(tx, h.id),
    matched: h.zoneAddressId != null,
    invite: role === 'owner' ? { code: h.inviteCode, url: inviteUrl(h.inviteCode) } : null,
  }
}

/** The columns derived from the address: what audiences filter on and the coverage match. */
async function placeColumns(tx: Tx, stationId: string, address: ThaiAddress, location: LatLng | null) {
  const zone = await matchZoneAddress(tx, stationId, address)
  // An address the list lacks (a new house, a typo) still belongs to its tambon's municipality.
  const municipality = zone ? zone.municipality : await municipalityOf(tx, stationId, address.subdistrict)
  return {
    address,
    subdistrict: address.subdistrict.trim(),
    soi: address.soi?.trim() || null,
    municipality,
    zoneAddressId: zone?.id ?? null,
    latitude: location?.lat ?? null,
    longitude: location?.lng ?? null,
  }
}

/** Checks the pin against the station's area; throws OutsideAreaError with the right station. */
export async function checkArea(tx: Tx, area: AreaCheck, station: Station, at: LatLng) {
  if (!area.inside(station.jurisdiction, at)) {
    throw new OutsideAreaError(station, await area.rightStation(tx, station.id, at))
  }
}

/** Creates a household with the citizen as its owner (one statement each; the invite code retried on a clash). */
export async function createHousehold(
  tx: Tx,
  input: {
    station: Station
    citizen: Citizen
    address: ThaiAddress
    location: LatLng | null
    members?: number
    language?: 'th' | 'en'
    topics?: AnnouncementTopic[]
    source: HouseholdSource
    now: Date
  },
): Promise<Household> {
  const place = await placeColumns(tx, input.station.id, input.address, input.location)
  for (let attempt = 0; ; attempt++) {
    const [h] = await tx
      .insert(households)
      .values({
        stationId: input.station.id,
        inviteCode: newInviteCode(),
        ...place,
        members: input.members ?? 1,
        language: input.language ?? input.citizen.language,
        topics: input.topics ?? [...ANNOUNCEMENT_TOPICS],
        source: input.source,
        createdByCitizenId: input.citizen.id,
        createdAt: input.now,
        updatedAt: input.now,
      })
      .onConflictDoNothing({ target: households.inviteCode })
      .returning()
    if (h) {
      await tx
        .insert(householdMembers)
        .values({ householdId: h.id, citizenId: input.citizen.id, role: 'owner', joinedAt: input.now })
      return h
    }
    if (attempt > 5) {
      throw new Error('could not draw a free invite code')
    }
  }
}

/** Registers the citizen's household from the LIFF form (they must not belong to one already). */
export async function registerHousehold(
  tx: Tx,
  area: AreaCheck,
  input: { station: Station; citizen: Citizen; body: HouseholdInput; now: Date },
) {
  await lockCitizen(tx, input.citizen.id)
  if (await householdOf(tx, input.citizen.id)) {
    throw new AlreadyMemberError()
  }
  await checkArea(tx, area, input.station, input.body.location)
  return createHousehold(tx, {
    station: input.station,
    citizen: input.citizen,
    address: input.body.address,
    location: input.body.location,
    members: input.body.members,
    language: input.body.language,
    topics: input.body.topics,
    source: 'liff',
    now: input.now,
  })
}

/** The owner edits the household (address, pin, people, language, topics). */
export async function updateHousehold(
  tx: Tx,
  area: AreaCheck,
  input: { station: Station; citizen: Citizen; body: HouseholdInput; now: Date },
) {
  const mine = await householdOf(tx, input.citizen.id)
  if (!mine) {
    throw new NotFoundError('you have not registered a household', 'คุณยังไม่ได้ลงทะเบียนบ้าน')
  }
  if (mine.role !== 'owner') {
    throw new NotOwnerError()
  }
  await checkArea(tx, area, input.station, input.body.location)
  const place = await placeColumns(tx, mine.h.stationId, input.body.address, input.body.location)
  const [h] = await tx
    .update(households)
    .set({
      ...place,
      members: input.body.members,
      language: input.body.language,
      topics: input.body.topics,
      updatedAt: input.now,
    })
    .where(eq(households.id, mine.h.id))
    .returning()
  return { h: h ?? mine.h, role: mine.role }
}

/** A household by its invite code (the join page's preview, the join). */
export async function byInviteCode(tx: Tx, code: string) {
  const [h] = await tx
    .select()
    .from(households)
    .where(eq(households.inviteCode, cleanCode(code)))
    .limit(1)
  return h ?? null
}

export async function invitePreview(tx: Tx, code: string): Promise<InvitePreview> {
  const h = await byInviteCode(tx, code)
  if (!h) {
    throw new InvalidInviteError()
  }
  return { soi: h.soi, subdistrict: h.subdistrict, members: h.members, lineUsers: await lineUsersOf(tx, h.id) }
}

/** Joins the household of the code; joining one's own household again is a no-op. */
export async function joinHousehold(tx: Tx, citizen: Citizen, code: string, now: Date) {
  await lockCitizen(tx, citizen.id)
  const h = await byInviteCode(tx, code)
  if (!h) {
    throw new InvalidInviteError()
  }
  const mine = await householdOf(tx, citizen.id)
  if (mine && mine.h.id !== h.id) {
    throw new AlreadyMemberError()
  }
  if (!mine) {
    await tx
      .insert(householdMembers)
      .values({ householdId: h.id, citizenId: citizen.id, role: 'member', joinedAt: now })
  }
  return { h, role: mine?.role ?? ('member' as const) }
}

/**
 * Leaves the household. The last member leaving removes it (an address nobody lives at is not kept); an owner leaving
 * hands the household to the member who joined first.
 */
export async function leaveHousehold(tx: Tx, citizenId: string): Promise<{ left: boolean; removed: boolean }> {
  const mine = await householdOf(tx, citizenId)
  if (!mine) {
    return { left: false, removed: false }
  }
  return { left: true, removed: await removeMember(tx, mine.h.id, citizenId) }
}

/** Removes a member; deletes the household when nobody is left, else makes sure it has an owner. */
export async function removeMember(tx: Tx, householdId: string, citizenId: string): Promise<boolean> {
  await tx
    .delete(householdMembers)
    .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.citizenId, citizenId)))
  const rest = await tx
    .select()
    .from(householdMembers)
    .where(eq(householdMembers.householdId, householdId))
    .orderBy(asc(householdMembers.joinedAt))
  if (rest.length === 0) {
    await tx.delete(households).where(eq(households.id, householdId))
    return true
  }
  const first = rest[0]
  if (first && !rest.some((m) => m.role === 'owner')) {
    await tx
      .update(householdMembers)
      .set({ role: 'owner' })
      .where(and(eq(householdMembers.householdId, householdId), eq(householdMembers.citizenId, first.citizenId)))
  }
  return false
}

/** Serialises a citizen's registry changes (a double tap never makes two households). */
async function lockCitizen(tx: Tx, citizenId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`household:${citizenId}`}, 0))`)
}
