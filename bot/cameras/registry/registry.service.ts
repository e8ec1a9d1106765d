import { and, asc, count, eq, ilike, or, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.js'
import { type Camera, cameras, citizens } from '../../../db/schema/index.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import type { CameraStats, CameraView } from '../../contracts/camera-registry.js'
import {
  CAMERA_OWNER_TYPES,
  CAMERA_STATUSES,
  type CameraContactPreference,
  type CameraOwnerType,
  type CameraStatus,
  type CameraVerification,
} from '../../contracts/cameras.js'
import { AppError, NotFoundError } from '../../errors.js'
import type { Audit, AuditEntryInput } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { importCameras } from './import.js'
import { verificationMessage } from './verify-message.js'
import { cameraView } from './view.js'

export type CameraFilter = {
  ownerType?: CameraOwnerType | undefined
  status?: CameraStatus | undefined
  verification?: CameraVerification | undefined
  q?: string | undefined
  limit: number
}

/** What an officer may set on a camera (create: the required ones; edit: any subset). */
export type CameraFields = {
  code: string
  name: string
  ownerType: CameraOwnerType
  ownerName: string | null
  latitude: number
  longitude: number
  directionDeg: number | null
  fieldOfViewDeg: number | null
  rangeMeters: number | null
  covers: string | null
  retentionDays: number | null
  liveView: boolean
  status: CameraStatus
  contactPreference: CameraContactPreference | null
  note: string | null
}

/** Who acts, for the audit line (from the route: auditFrom + the officer). */
export type Acting = Pick<AuditEntryInput, 'officer' | 'actor' | 'ip' | 'userAgent'> & {
  officerId: string | null
  stationId: string
}

export class CameraCodeTakenError extends AppError {
  constructor(code: string) {
    super('camera_code_taken', 409, `camera code ${code} is already in the registry`, `รหัสกล้อง ${code} มีอยู่แล้ว`)
  }
}

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`)

/**
 * The station's camera registry (issue #15, point 1): the list and its filters, the counts, create / edit / retire,
 * the CSV import (upsert by code) and the verification of private owners' registrations. Officers who may not edit
 * see verified cameras only: the pending queue (and rejected registrations) are for cameras.edit.
 */
export function createCameraRegistry(deps: {
  db: Db
  audit: Audit
  cipher: Pick<PiiCipher, 'decrypt'>
  /** The owner's page in the citizen LIFF app, linked from the verification message. */
  myCamerasUrl: string
}) {
  const { db, audit, cipher, myCamerasUrl } = deps

  async function load(tx: Db | Tx, stationId: string, id: string, canEdit: boolean): Promise<Camera> {
    const [row] = await tx
      .select()
      .from(cameras)
      .where(and(eq(cameras.id, id), eq(cameras.stationId, stationId)))
      .limit(1)
    if (!row || (!canEdit && row.verification !== 'verified')) {
      throw new NotFoundError('camera not found', 'ไม่พบกล้อง')
    }
    return row
  }

  async function list(stationId: string, f: CameraFilter, canEdit: boolean) {
    const where: SQL[] = [eq(cameras.stationId, stationId)]
    const verification = canEdit ? f.verification : 'verified'
    if (verification) {
      where.push(eq(cameras.verification, verification))
    }
    if (f.ownerType) {
      where.push(eq(cameras.ownerType, f.ownerType))
    }
    if (f.status) {
      where.push(eq(cameras.status, f.status))
    }
    const q = f.q?.trim()
    if (q) {
      const like = `%${escapeLike(q)}%`
      const text = or(ilike(cameras.code, like), ilike(cameras.name, like), ilike(cameras.ownerName, like))
      if (text) {
        where.push(or(text, ilike(cameras.covers, like)) ?? text)
      }
    }
    const cond = and(...where)
    const [rows, [total]] = await Promise.all([
      db.select().from(cameras).where(cond).orderBy(asc(cameras.code)).limit(f.limit),
      db.select({ n: count() }).from(cameras).where(cond),
    ])
    return { items: rows.map(cameraView), total: total?.n ?? 0 }
  }

  async function stats(stationId: string): Promise<CameraStats> {
    const rows = await db
      .select({ ownerType: cameras.ownerType, status: cameras.status, verification: cameras.verification, n: count() })
      .from(cameras)
      .where(eq(cameras.stationId, stationId))
      .groupBy(cameras.ownerType, cameras.status, cameras.verification)
    const byOwnerType = Object.fromEntries(CAMERA_OWNER_TYPES.map((t) => [t, 0])) as CameraStats['byOwnerType']
    const byStatus = Object.fromEntries(CAMERA_STATUSES.map((t) => [t, 0])) as CameraStats['byStatus']
    let pending = 0
    let total = 0
    for (const r of rows) {
      if (r.verification === 'pending') {
        pending += r.n
      }
      if (r.verification !== 'verified') {
        continue
      }
      byOwnerType[r.ownerType] += r.n
      byStatus[r.status] += r.n
      total += r.n
    }
    return { total, byOwnerType, byStatus, pending }
  }

  async function create(who: Acting, input: CameraFields): Promise<CameraView> {
    return db.transaction(async (tx) => {
      const [taken] = await tx
        .select({ id: cameras.id })
        .from(cameras)
        .where(and(eq(cameras.stationId, who.stationId), eq(cameras.code, input.code)))
      if (taken) {
        throw new CameraCodeTakenError(input.code)
      }
      const now = new Date()
      const [row] = await tx
        .insert(cameras)
        .values({
          ...input,
          stationId: who.stationId,
          verification: 'verified',
          verifiedBy: who.officerId,
          verifiedAt: now,
        })
        .returning()
      if (!row) {
        throw new Error('camera insert returned no row')
      }
      await audit.record(tx, {
        ...who,
        action: 'camera.create',
        entityType: 'camera',
        entityId: row.id,
        details: { code: row.code },
      })
      return cameraView(row)
    })
  }

  async function update(who: Acting, id: string, patch: Partial<CameraFields>, action = 'camera.update') {
    return db.transaction(async (tx) => {
      const before = await load(tx, who.stationId, id, true)
      if (patch.code && patch.code !== before.code) {
        const [taken] = await tx
          .select({ id: cameras.id })
          .from(cameras)
          .where(and(eq(cameras.stationId, who.stationId), eq(cameras.code, patch.code)))
        if (taken) {
          throw new CameraCodeTakenError(patch.code)
        }
      }
      const [row] = await tx
        .update(cameras)
        .set({ ...patch, updatedAt: new Date() })
        .where(eq(cameras.id, id))
        .returning()
      if (!row) {
        throw new NotFoundError('camera not found', 'ไม่พบกล้อง')
      }
      const changed = Object.keys(patch).filter((k) => before[k as keyof Camera] !== row[k as keyof Camera])
      await audit.record(tx, {
        ...who,
        action,
        entityType: 'camera',
        entityId: id,
        details: { code: row.code, changed },
      })
      return cameraView(row)
    })
  }

  /**
   * An officer's decision on a private owner's registration: verified (others see it from now on) or rejected (with
   * the officer's note). The owner is told in LINE (Thai or English by their OA language) in the same transaction.
   */
  async function verify(who: Acting, id: string, decision: 'verify' | 'reject', note: string | null) {
    return db.transaction(async (tx) => {
      const before = await load(tx, who.stationId, id, true)
      const now = new Date()
      const [row] = await tx
        .update(cameras)
        .set({
          verification: decision === 'verify' ? 'verified' : 'rejected',
          verifiedBy: who.officerId,
          verifiedAt: now,
          ...(note ? { note } : {}),
          updatedAt: now,
        })
        .where(eq(cameras.id, id))
        .returning()
      if (!row) {
        throw new NotFoundError('camera not found', 'ไม่พบกล้อง')
      }
      let told = false
      if (row.citizenId && before.verification !== row.verification) {
        const [owner] = await tx.select().from(citizens).where(eq(citizens.id, row.citizenId)).limit(1)
        if (owner) {
          const sent = await sendToCitizen(tx, owner, [verificationMessage(row, decision, note, myCamerasUrl)], {
            stationId: row.stationId,
            purpose: decision === 'verify' ? 'camera-verified' : 'camera-rejected',
            kind: 'cameras',
            now,
          })
          told = sent.outboundIds.length > 0
        }
      }
      await audit.record(tx, {
        ...who,
        action: decision === 'verify' ? 'camera.verify' : 'camera.reject',
        entityType: 'camera',
        entityId: id,
        details: { code: row.code, from: before.verification, ownerTold: told },
      })
      return { camera: cameraView(row), ownerTold: told }
    })
  }

  /** The owner's phone, decrypted for an officer who will call them: audited. */
  async function revealPhone(who: Acting, id: string, canEdit: boolean) {
    return db.transaction(async (tx) => {
      const row = await load(tx, who.stationId, id, canEdit)
      await audit.record(tx, {
        ...who,
        action: 'camera.reveal_phone',
        entityType: 'camera',
        entityId: id,
        details: { code: row.code },
      })
      return { phone: row.contactPhoneEnc ? cipher.decrypt(row.contactPhoneEnc) : null }
    })
  }

  return {
    list,
    stats,
    importCsv: (who: Acting, text: string, mode: 'all' | 'good_rows') => importCameras({ db, audit }, who, text, mode),
    create,
    update,
    retire: (who: Acting, id: string) => update(who, id, { status: 'removed' }, 'camera.retire'),
    verify,
    revealPhone,
    get: async (stationId: string, id: string, canEdit: boolean) => cameraView(await load(db, stationId, id, canEdit)),
  }
}
export type CameraRegistry = ReturnType<typeof createCameraRegistry>
