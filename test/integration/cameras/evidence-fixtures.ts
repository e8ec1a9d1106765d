import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { type Camera, cameras, type FootageRequest, footageRequests, officers } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { befriend, fileCase } from '../cases/fixtures.js'

export { befriend }

/** An MP4 as a phone exports it, as far as the station's check goes: an ISO "ftyp" box, then `size` bytes in all. */
export function mp4(size: number): Buffer {
  const head = Buffer.from('00000018667479706d703432000000006d70343269736f6d', 'hex')
  return Buffer.concat([head, randomBytes(Math.max(0, size - head.length))])
}

export const JPEG = Buffer.concat([Buffer.from('ffd8ffe000104a464946000101', 'hex'), randomBytes(200)])

export const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

/** An officer who is also a LINE user of the emulator (so the "file received" message can be read). */
export async function requester(s: Stack, stationId: string, displayName = 'ร.ต.อ. ขอภาพ') {
  // A friend of the OA, like officers who use it (LINE delivers pushes to friends only); the greeting is read already.
  const { user } = await befriend(s, displayName)
  const [o] = await s.db.db
    .insert(officers)
    .values({ stationId, lineUserId: user.userId, displayName, role: 'duty_officer' })
    .returning()
  if (!o) {
    throw new Error('officer insert returned no row')
  }
  return { officer: o, user }
}

/**
 * A private camera registered by a citizen who joined through LINE, a case, and an open footage request of that
 * camera from an officer: written directly (registration and sending are other parts of issue #15).
 */
export async function ownerWithRequest(
  s: Stack,
  name: string,
  set: Partial<typeof footageRequests.$inferInsert> = {},
  lang: 'th' | 'en' = 'th',
): Promise<{
  owner: Awaited<ReturnType<typeof befriend>>
  caseId: string
  referenceNumber: string
  stationId: string
  camera: Camera
  request: FootageRequest
  asker: Awaited<ReturnType<typeof requester>>
}> {
  const owner = await befriend(s, name, lang)
  const c = await fileCase(s, { kind: 'sos', summary: 'รถจักรยานยนต์ถูกขโมย' })
  const asker = await requester(s, c.stationId)
  const [camera] = await s.db.db
    .insert(cameras)
    .values({
      stationId: c.stationId,
      code: `RYG-X-${randomUUID().slice(0, 6)}`,
      name: 'หน้าร้านสมใจ',
      ownerType: 'private',
      ownerName: 'ร้านสมใจ',
      citizenId: owner.citizen.id,
      latitude: 12.6814,
      longitude: 101.2816,
      covers: 'หน้าร้าน ถนนสุขุมวิท',
      retentionDays: 14,
      verification: 'verified',
    })
    .returning()
  if (!camera) {
    throw new Error('camera insert returned no row')
  }
  const now = Date.now()
  const [request] = await s.db.db
    .insert(footageRequests)
    .values({
      stationId: c.stationId,
      caseId: c.id,
      cameraId: camera.id,
      channel: 'line',
      windowFrom: new Date(now - 26 * 3_600_000),
      windowTo: new Date(now - 25 * 3_600_000),
      ask: 'ภาพรถจักรยานยนต์สีแดงผ่านหน้าร้าน',
      deadlineAt: new Date(now + 3 * 86_400_000),
      requestedBy: asker.officer.id,
      ...set,
    })
    .returning()
  if (!request) {
    throw new Error('footage request insert returned no row')
  }
  return { owner, caseId: c.id, referenceNumber: c.referenceNumber, stationId: c.stationId, camera, request, asker }
}
