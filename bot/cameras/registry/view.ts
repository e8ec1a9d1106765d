import type { Camera } from '../../../db/schema/index.js'
import type { CameraView } from '../../contracts/camera-registry.js'

/** A camera row → what officers see (no phone: it stays encrypted; `hasPhone` says whether there is one). */
export function cameraView(c: Camera): CameraView {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    ownerType: c.ownerType,
    ownerName: c.ownerName,
    fromLine: c.citizenId !== null,
    hasPhone: c.contactPhoneEnc !== null,
    contactPreference: c.contactPreference,
    latitude: c.latitude,
    longitude: c.longitude,
    directionDeg: c.directionDeg,
    fieldOfViewDeg: c.fieldOfViewDeg,
    rangeMeters: c.rangeMeters,
    covers: c.covers,
    retentionDays: c.retentionDays,
    liveView: c.liveView,
    status: c.status,
    verification: c.verification,
    verifiedAt: c.verifiedAt?.toISOString() ?? null,
    note: c.note,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  }
}
