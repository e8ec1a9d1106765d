import { createEvidenceService } from '../cameras/evidence/evidence.service.js'
import { createOwnerUploads } from '../cameras/owner-requests/upload.js'
import { MAX_EVIDENCE_UPLOAD_BYTES } from '../contracts/cameras.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * CCOC evidence (issue #15, points 4 owner side and 5): the camera owners' uploads from the LIFF app (kept encrypted
 * with their SHA-256, the asking officer told in LINE) and the officers' evidence service (list, audited opening,
 * upload, zip export with the chain of custody on the case timeline). Routes are registered in bot/app.ts.
 */
export function composeCamerasEvidence({ config, db, cipher, logger }: Infra, { audit }: OfficersDomain, wire: Wire) {
  return {
    ownerUploads: wire(createOwnerUploads, {
      db,
      cipher,
      logger,
      adminLiffId: config.line.liffIdAdmin,
      maxBytes: MAX_EVIDENCE_UPLOAD_BYTES,
    }),
    evidence: wire(createEvidenceService, { db, audit, cipher, maxBytes: MAX_EVIDENCE_UPLOAD_BYTES }),
  }
}
export type CamerasEvidenceDomain = ReturnType<typeof composeCamerasEvidence>
