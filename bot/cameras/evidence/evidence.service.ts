import { and, asc, eq, inArray } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Db, Tx } from '../../../db/client.js'
import {
  attachments,
  type Case,
  cameras,
  caseEvents,
  cases,
  citizens,
  evidenceFiles,
  footageRequests,
  officers,
} from '../../../db/schema/index.js'
import { attachmentContent } from '../../cases/attachment-content.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { findStationCase } from '../../cases/case-view.js'
import { maskName } from '../../cases/mask.js'
import type { CustodyAction } from '../../contracts/cameras.js'
import { BadRequestError, NotFoundError } from '../../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { type EvidenceInput, storeEvidence } from './store.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One evidence file as the officers' list and the export's manifest show it. */
export type EvidenceView = {
  id: string
  fileName: string | null
  contentType: string
  sha256: string
  size: number
  receivedAt: string
  camera: { id: string; code: string; name: string } | null
  footageRequestId: string | null
  uploader: { type: 'citizen' | 'officer' | 'unknown'; name: string | null }
}

function evidenceNotFound() {
  return new NotFoundError('evidence file not found', 'ไม่พบไฟล์หลักฐาน')
}

const uploaderOfficer = alias(officers, 'uploader_officer')

async function listOf(tx: Tx, where: ReturnType<typeof and>): Promise<(EvidenceView & { attachmentId: string })[]> {
  const rows = await tx
    .select({
      e: evidenceFiles,
      fileName: attachments.fileName,
      contentType: attachments.contentType,
      cameraCode: cameras.code,
      cameraName: cameras.name,
      citizenName: citizens.displayName,
      officerName: uploaderOfficer.displayName,
    })
    .from(evidenceFiles)
    .innerJoin(attachments, eq(attachments.id, evidenceFiles.attachmentId))
    .leftJoin(cameras, eq(cameras.id, evidenceFiles.cameraId))
    .leftJoin(citizens, eq(citizens.id, evidenceFiles.uploadedByCitizenId))
    .leftJoin(uploaderOfficer, eq(uploaderOfficer.id, evidenceFiles.uploadedByOfficerId))
    .where(where)
    .orderBy(asc(evidenceFiles.receivedAt), asc(evidenceFiles.id))
  return rows.map(({ e, ...r }) => ({
    id: e.id,
    attachmentId: e.attachmentId,
    fileName: r.fileName,
    contentType: r.contentType,
    sha256: e.sha256,
    size: e.size,
    receivedAt: e.receivedAt.toISOString(),
    camera: e.cameraId && r.cameraCode ? { id: e.cameraId, code: r.cameraCode, name: r.cameraName ?? '' } : null,
    footageRequestId: e.footageRequestId,
    // A camera owner's LINE name is personal: masked like the case's citizen.
    uploader: e.uploadedByOfficerId
      ? { type: 'officer', name: r.officerName }
      : e.uploadedByCitizenId
        ? { type: 'citizen', name: maskName(r.citizenName) }
        : { type: 'unknown', name: null },
  }))
}

/** A custody entry on the case's timeline (internal; the officers' app shows it as the chain of custody). */
async function custody(
  tx: Tx,
  c: Case,
  who: ActingOfficer,
  action: CustodyAction,
  data: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await tx.insert(caseEvents).values({
    caseId: c.id,
    type: 'evidence',
    actorType: 'officer',
    officerId: who.officerId,
    internal: true,
    data: { action, ...data },
    createdAt: now,
  })
  await notifyCaseChange(tx, c, 'updated')
}

/**
 * The officers' side of evidence (issue #15, point 5): the list of a case's files with their hashes, opening one
 * (every opening is on the case's timeline as custody 'viewed' by whom, and in the audit log), an officer's own upload
 * (a file brought to the station), and the export (custody 'exported'). Only routes guarded by evidence.read call it.
 */
export function createEvidenceService({
  db,
  audit,
  cipher,
  maxBytes,
  now = () => new Date(),
}: {
  db: Db
  audit: Audit
  cipher: Pick<PiiCipher, 'encryptBytes' | 'decryptBytes'>
  maxBytes: number
  now?: () => Date
}) {
  return {
    maxBytes,

    async list(who: ActingOfficer, caseId: string): Promise<{ referenceNumber: string; files: EvidenceView[] }> {
      return db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId)
        const files = await listOf(tx, and(eq(evidenceFiles.caseId, c.id)))
        return { referenceNumber: c.referenceNumber, files: files.map(({ attachmentId: _, ...f }) => f) }
      })
    },

    /** The file's bytes, decrypted; the opening is recorded (timeline custody 'viewed', audit 'evidence.view'). */
    async open(who: ActingOfficer, evidenceId: string) {
      if (!UUID.test(evidenceId)) {
        throw evidenceNotFound()
      }
      return db.transaction(async (tx) => {
        const [row] = await tx
          .select({ e: evidenceFiles, c: cases, a: attachments })
          .from(evidenceFiles)
          .innerJoin(cases, eq(cases.id, evidenceFiles.caseId))
          .innerJoin(attachments, eq(attachments.id, evidenceFiles.attachmentId))
          .where(and(eq(evidenceFiles.id, evidenceId), eq(cases.stationId, who.stationId)))
          .limit(1)
        if (!row) {
          throw evidenceNotFound()
        }
        const at = now()
        await custody(tx, row.c, who, 'viewed', { evidenceId, sha256: row.e.sha256 }, at)
        await audit.record(tx, byOfficer(who, 'evidence.view', row.c.id, { evidenceId, sha256: row.e.sha256 }))
        return {
          content: attachmentContent(cipher, row.a),
          contentType: row.a.contentType,
          fileName: row.a.fileName,
          sha256: row.e.sha256,
        }
      })
    },

    /** A file an officer adds (brought to the station on a USB stick): the same checks and custody as an owner's. */
    async upload(
      who: ActingOfficer,
      caseId: string,
      file: Pick<EvidenceInput, 'bytes' | 'contentType' | 'fileName'>,
      from: { cameraId?: string | undefined; footageRequestId?: string | undefined },
    ): Promise<EvidenceView> {
      return db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId)
        let cameraId = from.cameraId ?? null
        const requestId = from.footageRequestId ?? null
        if (requestId) {
          const [request] = UUID.test(requestId)
            ? await tx
                .select()
                .from(footageRequests)
                .where(and(eq(footageRequests.id, requestId), eq(footageRequests.caseId, c.id)))
                .limit(1)
                .for('update')
            : []
          if (!request) {
            throw new BadRequestError('the footage request is not one of this case', 'ไม่พบคำขอภาพนี้ในเรื่องนี้')
          }
          cameraId = request.cameraId
        } else if (cameraId) {
          const [camera] = UUID.test(cameraId)
            ? await tx
                .select({ id: cameras.id })
                .from(cameras)
                .where(and(eq(cameras.id, cameraId), eq(cameras.stationId, who.stationId)))
            : []
          if (!camera) {
            throw new BadRequestError('no such camera at this station', 'ไม่พบกล้องนี้ในสถานี')
          }
        }
        const at = now()
        const stored = await storeEvidence(
          tx,
          cipher,
          c,
          { ...file, cameraId, footageRequestId: requestId, by: { officerId: who.officerId } },
          maxBytes,
          at,
        )
        if (requestId) {
          await tx
            .update(footageRequests)
            .set({ status: 'received', updatedAt: at })
            .where(and(eq(footageRequests.id, requestId), inArray(footageRequests.status, ['open', 'have_it'])))
        }
        await audit.record(
          tx,
          byOfficer(who, 'evidence.upload', c.id, { evidenceId: stored.id, size: stored.size, sha256: stored.sha256 }),
        )
        await notifyCaseChange(tx, c, 'updated')
        const [view] = await listOf(tx, and(eq(evidenceFiles.id, stored.id)))
        if (!view) {
          throw new Error('stored evidence vanished in its own transaction')
        }
        const { attachmentId: _, ...rest } = view
        return rest
      })
    },

    /**
     * The export's list, recorded first (custody 'exported' with the files' IDs and hashes, audit 'evidence.export'),
     * and a reader of each file's bytes for the zip that streams after this commits.
     */
    async export(who: ActingOfficer, caseId: string) {
      const at = now()
      const { c, files } = await db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId)
        const files = await listOf(tx, and(eq(evidenceFiles.caseId, c.id)))
        if (files.length === 0) {
          throw new NotFoundError('this case has no evidence files', 'เรื่องนี้ยังไม่มีไฟล์หลักฐาน')
        }
        const ids = files.map((f) => f.id)
        await custody(tx, c, who, 'exported', { evidenceIds: ids, count: ids.length }, at)
        await audit.record(tx, byOfficer(who, 'evidence.export', c.id, { count: ids.length, evidenceIds: ids }))
        return { c, files }
      })
      return {
        referenceNumber: c.referenceNumber,
        exportedAt: at,
        exportedBy: who.displayName,
        files,
        async bytesOf(attachmentId: string): Promise<Buffer> {
          const [a] = await db
            .select({ bytesEnc: attachments.bytesEnc, bytes: attachments.bytes })
            .from(attachments)
            .where(eq(attachments.id, attachmentId))
          if (!a) {
            throw new Error('an exported evidence file was deleted during the export')
          }
          return attachmentContent(cipher, a)
        },
      }
    },
  }
}
export type EvidenceService = ReturnType<typeof createEvidenceService>
export type EvidenceExport = Awaited<ReturnType<EvidenceService['export']>>
