import { randomBytes } from 'node:crypto'
import { and, asc, count, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Camera, type Citizen, cameras, consents, type Station } from '../../../db/schema/index.js'
import type { MyCamera, MyCameraInput } from '../../contracts/camera-registry.js'
import { AppError, BadRequestError, NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { CAMERA_CONSENT_PURPOSE, CAMERA_CONSENT_VERSION } from './consent.js'

/** An owner may register this many cameras (a shop row, a house with a few). */
export const MAX_CAMERAS_PER_OWNER = 20

export class TooManyCamerasError extends AppError {
  constructor() {
    super(
      'too_many_cameras',
      409,
      `at most ${MAX_CAMERAS_PER_OWNER} cameras per owner`,
      `ลงทะเบียนได้ไม่เกิน ${MAX_CAMERAS_PER_OWNER} กล้อง`,
    )
  }
}

const notFound = () => new NotFoundError('camera not found', 'ไม่พบกล้อง')

/** The owner's view of their camera: their phone decrypted (it is theirs). */
export function myCamera(c: Camera, cipher: Pick<PiiCipher, 'decrypt'>): MyCamera {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    latitude: c.latitude,
    longitude: c.longitude,
    directionDeg: c.directionDeg,
    fieldOfViewDeg: c.fieldOfViewDeg,
    covers: c.covers,
    retentionDays: c.retentionDays,
    contactPreference: c.contactPreference,
    phone: c.contactPhoneEnc ? cipher.decrypt(c.contactPhoneEnc) : null,
    status: c.status,
    verification: c.verification,
    createdAt: c.createdAt.toISOString(),
  }
}

/** A code for a camera registered from LINE: the station's code, L (LINE), 8 base-32 letters: "RYG-L-7KQ2M9XA". */
function lineCode(stationCode: string): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789'
  const bytes = randomBytes(8)
  return `${stationCode}-L-${[...bytes].map((b) => alphabet[b % alphabet.length]).join('')}`
}

/**
 * A private owner's cameras from the citizen LIFF app (issue #15, point 2): register (pending until an officer
 * verifies), list, edit, report offline / removed / working again. Only the citizen's own: another owner's camera is
 * a 404, the same as one that does not exist. The phone is encrypted with the PII cipher.
 */
export function createCameraOwners(deps: { cipher: Pick<PiiCipher, 'encrypt' | 'decrypt'> }) {
  const { cipher } = deps

  async function own(tx: Tx, citizenId: string, id: string): Promise<Camera> {
    const [row] = await tx
      .select()
      .from(cameras)
      .where(and(eq(cameras.id, id), eq(cameras.citizenId, citizenId)))
      .limit(1)
    if (!row) {
      throw notFound()
    }
    return row
  }

  function fields(input: MyCameraInput) {
    return {
      name: input.name,
      latitude: input.latitude,
      longitude: input.longitude,
      directionDeg: input.directionDeg,
      fieldOfViewDeg: input.fieldOfViewDeg,
      covers: input.covers,
      retentionDays: input.retentionDays,
      contactPreference: input.contactPreference,
      contactPhoneEnc: input.phone ? cipher.encrypt(input.phone) : null,
    }
  }

  function checkConsent(input: MyCameraInput) {
    if (input.consentVersion !== CAMERA_CONSENT_VERSION) {
      throw new AppError(
        'consent_outdated',
        409,
        'the consent notice has changed: read it again',
        'ข้อความความยินยอมมีการเปลี่ยนแปลง กรุณาอ่านอีกครั้ง',
        { version: CAMERA_CONSENT_VERSION },
      )
    }
    if (input.contactPreference === 'phone' && !input.phone) {
      throw new BadRequestError('a phone number is needed to be called', 'กรุณากรอกเบอร์โทรเพื่อให้เจ้าหน้าที่ติดต่อ')
    }
  }

  return {
    async mine(tx: Tx, citizenId: string): Promise<MyCamera[]> {
      const rows = await tx
        .select()
        .from(cameras)
        .where(eq(cameras.citizenId, citizenId))
        .orderBy(asc(cameras.createdAt))
      return rows.map((c) => myCamera(c, cipher))
    },

    async one(tx: Tx, citizenId: string, id: string): Promise<MyCamera> {
      return myCamera(await own(tx, citizenId, id), cipher)
    },

    async register(tx: Tx, citizen: Citizen, station: Station, input: MyCameraInput, now: Date): Promise<MyCamera> {
      checkConsent(input)
      const [n] = await tx.select({ n: count() }).from(cameras).where(eq(cameras.citizenId, citizen.id))
      if ((n?.n ?? 0) >= MAX_CAMERAS_PER_OWNER) {
        throw new TooManyCamerasError()
      }
      const [row] = await tx
        .insert(cameras)
        .values({
          ...fields(input),
          stationId: station.id,
          code: lineCode(station.code),
          ownerType: 'private',
          ownerName: citizen.displayName?.slice(0, 200) ?? null,
          citizenId: citizen.id,
          verification: 'pending',
          status: 'active',
          consentVersion: input.consentVersion,
          consentedAt: now,
          createdAt: now,
          updatedAt: now,
        })
        .returning()
      if (!row) {
        throw new Error('camera insert returned no row')
      }
      await tx
        .insert(consents)
        .values({ citizenId: citizen.id, purpose: CAMERA_CONSENT_PURPOSE, version: input.consentVersion, givenAt: now })
      return myCamera(row, cipher)
    },

    /**
     * The owner edits their camera. A rejected registration edited goes back to the queue ('pending'); a verified
     * one stays verified (the officers see the change in the registry).
     */
    async update(tx: Tx, citizenId: string, id: string, input: MyCameraInput, now: Date): Promise<MyCamera> {
      checkConsent(input)
      const before = await own(tx, citizenId, id)
      const [row] = await tx
        .update(cameras)
        .set({
          ...fields(input),
          ...(before.verification === 'rejected'
            ? { verification: 'pending' as const, verifiedAt: null, verifiedBy: null }
            : {}),
          consentVersion: input.consentVersion,
          consentedAt: now,
          updatedAt: now,
        })
        .where(eq(cameras.id, id))
        .returning()
      if (!row) {
        throw notFound()
      }
      return myCamera(row, cipher)
    },

    /** The owner says it stopped recording, was taken down, or works again. */
    async report(tx: Tx, citizenId: string, id: string, status: 'active' | 'offline' | 'removed', now: Date) {
      await own(tx, citizenId, id)
      const [row] = await tx.update(cameras).set({ status, updatedAt: now }).where(eq(cameras.id, id)).returning()
      if (!row) {
        throw notFound()
      }
      return myCamera(row, cipher)
    },
  }
}
export type CameraOwners = ReturnType<typeof createCameraOwners>
