import { createHash } from 'node:crypto'
import { and, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  attachments,
  type Case,
  type Citizen,
  caseEvents,
  cases,
  consents,
  houseWatches,
  type Station,
} from '../../../db/schema/index.js'
import type { OpenCaseInput } from '../../cases/open-case.js'
import type { SearchHasher } from '../../cases/search-hash.js'
import type { HouseWatchChannel } from '../../contracts/house-watch.js'
import { checkPhoto, type EnrolDraft, type EnrolIssue, validateEnrolment } from '../../contracts/house-watch-enrol.js'
import { AppError } from '../../errors.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { readHouseWatchSettings } from '../settings/read.js'
import { approveWatch, type OwnerPageUrl } from './approve.js'
import { HW_CONSENT_PURPOSE } from './consent.js'
import { extendWatch, sameHouseWatch, watchSummary } from './extend.js'
import { insideJurisdiction, type NeighbourAnswer, rightStationFor } from './jurisdiction.js'

/** 400 `validation_failed`, one detail per field in Thai and English; nothing has been stored. */
export class EnrolValidationError extends AppError {
  constructor(readonly issues: EnrolIssue[]) {
    super(
      'validation_failed',
      400,
      `the house-watch request has ${issues.length} problem(s): ${issues.map((i) => i.field).join(', ')}`,
      'ข้อมูลในแบบฟอร์มยังไม่ถูกต้อง กรุณาแก้ไขช่องที่แจ้งไว้',
      issues,
    )
  }
}

export type EnrolDeps = {
  cipher: PiiCipher
  hasher: Pick<SearchHasher, 'hashesFor'>
  openCase: (tx: Tx, input: Omit<OpenCaseInput, 'adminLiffId'>) => Promise<{ case: Case }>
  ownerPage: OwnerPageUrl
}

export type EnrolInput = {
  citizen: Citizen
  station: Station
  draft: EnrolDraft
  photo?: { contentType: string; bytes: Buffer } | null
  channel: HouseWatchChannel
  /** Same key again (double tap, network retry) → the same answer, nothing new stored. */
  idempotencyKey: string
  now: Date
}

export type EnrolResult =
  | { outcome: 'outside'; right: NeighbourAnswer | undefined }
  | { outcome: 'created' | 'extended' | 'repeat'; case: Case; startsOn: string; endsOn: string }

/** Hash purpose of the owner's phone (its own space, as lost documents' fields have theirs). */
const PHONE_HASH = 'house_watch_phone'
/** The duty officer answers a request within a day (the inbox's "overdue"). */
const APPROVAL_SLA_MS = 24 * 60 * 60 * 1000
const OPEN_STATUSES = ['submitted', 'awaiting_info', 'approved', 'active']

async function earlierAnswer(tx: Tx, citizenId: string, key: string) {
  const [row] = await tx
    .select({ c: cases, w: houseWatches })
    .from(caseEvents)
    .innerJoin(cases, eq(cases.id, caseEvents.caseId))
    .innerJoin(houseWatches, eq(houseWatches.caseId, cases.id))
    .where(
      and(
        eq(cases.citizenId, citizenId),
        eq(cases.kind, 'house_watch'),
        sql`${caseEvents.data}->>'idempotencyKey' = ${key}`,
      ),
    )
    .limit(1)
  return row
}

/**
 * Enrols a house in the caller's transaction: validates all of it (nothing is stored otherwise), answers a house
 * outside the station's area with the right station (no case), widens the owner's open watch of the same house
 * instead of opening a second, or opens the case (RYG-HW-…) with its encrypted detail and the consent, then approves
 * it at once when the station's setting is 'auto'.
 */
export function createHouseWatchEnroller({ cipher, hasher, openCase, ownerPage }: EnrolDeps) {
  return async function enrol(tx: Tx, input: EnrolInput): Promise<EnrolResult> {
    const { citizen, station, now } = input
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`hw:${citizen.id}:${input.idempotencyKey}`}, 0))`,
    )
    const earlier = await earlierAnswer(tx, citizen.id, input.idempotencyKey)
    if (earlier) {
      return { outcome: 'repeat', case: earlier.c, startsOn: earlier.w.startsOn, endsOn: earlier.w.endsOn }
    }
    const settings = await readHouseWatchSettings(tx, station.id)
    const { issues, enrolment } = validateEnrolment(input.draft, { now, maxDays: settings.maxDays })
    const photoIssue = input.photo ? checkPhoto({ ...input.photo, size: input.photo.bytes.length }) : null
    if (!enrolment || photoIssue) {
      throw new EnrolValidationError([...issues, ...(photoIssue ? [photoIssue] : [])])
    }
    if (!insideJurisdiction(station.jurisdiction, enrolment.location)) {
      return { outcome: 'outside', right: await rightStationFor(tx, station.id, enrolment.location) }
    }
    const personal = {
      ownerName: enrolment.ownerName,
      phoneEnc: cipher.encrypt(enrolment.phone),
      phoneHash: cipher.keyedHash(PHONE_HASH, enrolment.phone),
      phoneLast: enrolment.phone.slice(-4),
      emergencyName: enrolment.emergencyName,
      emergencyPhoneEnc: cipher.encrypt(enrolment.emergencyPhone),
      notes: enrolment.notes,
      notify: enrolment.notify,
      language: citizen.language,
    }
    const storePhoto = async (caseId: string) => {
      if (!input.photo) {
        return undefined
      }
      const [row] = await tx
        .insert(attachments)
        .values({
          caseId,
          contentType: input.photo.contentType,
          fileName: `house.${input.photo.contentType.split('/')[1] ?? 'jpg'}`,
          size: input.photo.bytes.length,
          sha256: createHash('sha256').update(input.photo.bytes).digest('hex'),
          bytesEnc: cipher.encryptBytes(input.photo.bytes),
          createdAt: now,
        })
        .returning({ id: attachments.id })
      return row?.id
    }
    await tx
      .insert(consents)
      .values({ citizenId: citizen.id, purpose: HW_CONSENT_PURPOSE, version: enrolment.consentVersion, givenAt: now })

    const open = await sameHouseWatch(tx, citizen.id, enrolment, OPEN_STATUSES)
    if (open) {
      const photoId = await storePhoto(open.c.id)
      const extended = await extendWatch(tx, open, {
        enrolment,
        personal: { ...personal, ...(photoId ? { housePhotoId: photoId } : {}) },
        idempotencyKey: input.idempotencyKey,
        now,
      })
      return { outcome: 'extended', case: open.c, ...extended }
    }

    const approval = settings.approval
    const opened = await openCase(tx, {
      station,
      kind: 'house_watch',
      citizenId: citizen.id,
      summary: watchSummary(enrolment.address.subdistrict, enrolment.startsOn, enrolment.endsOn),
      location: { latitude: enrolment.location.lat, longitude: enrolment.location.lng },
      ...(approval === 'duty_officer' ? { dueAt: new Date(now.getTime() + APPROVAL_SLA_MS) } : {}),
      // Officers find the case by the owner's name or phone (keyed hashes, never plain text).
      searchHashes: hasher.hashesFor({ name: enrolment.ownerName, phone: enrolment.phone }),
      data: { channel: input.channel, idempotencyKey: input.idempotencyKey, approval },
      alertStatus: approval === 'auto' ? 'approved' : 'submitted',
      now,
    })
    const photoId = await storePhoto(opened.case.id)
    await tx.insert(houseWatches).values({
      caseId: opened.case.id,
      channel: input.channel,
      ...personal,
      address: enrolment.address,
      latitude: enrolment.location.lat,
      longitude: enrolment.location.lng,
      locationSource: enrolment.location.source,
      startsOn: enrolment.startsOn,
      endsOn: enrolment.endsOn,
      housePhotoId: photoId ?? null,
      consentVersion: enrolment.consentVersion,
      createdAt: now,
      updatedAt: now,
    })
    const { startsOn, endsOn } = enrolment
    if (approval === 'auto') {
      // The receipt says "approved" and carries the owner's page: no second message.
      const approved = await approveWatch(tx, opened.case, { officerId: null, now, notify: false, ownerPage })
      return { outcome: 'created', case: approved.case, startsOn, endsOn }
    }
    return { outcome: 'created', case: opened.case, startsOn, endsOn }
  }
}
export type HouseWatchEnroller = ReturnType<typeof createHouseWatchEnroller>

/** Open watches of a citizen (the owner's page and the chat read them). */
export function openWatchesWhere(citizenId: string) {
  return and(eq(cases.citizenId, citizenId), inArray(cases.status, OPEN_STATUSES), isNull(houseWatches.endedAt))
}
