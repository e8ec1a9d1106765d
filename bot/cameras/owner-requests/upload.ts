import { and, eq, inArray } from 'drizzle-orm'
import type { Logger } from 'pino'
import type { Db, Tx } from '../../../db/client.js'
import { type Case, type EvidenceFile, footageRequests, officers } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { writeOutbox } from '../../line/outbox.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { type EvidenceInput, storeEvidence } from '../evidence/store.js'
import { isFinished, ownerRequest, RequestClosedError } from './owner-requests.js'

function megabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * Tells the officer who asked for the footage that a file came (a LINE text to the officer, Thai first, with the
 * case's link in the officers' app), in the caller's transaction (the outbox). An officer no longer active is not told.
 */
export async function notifyRequester(
  tx: Tx,
  input: { officerId: string; c: Pick<Case, 'id' | 'stationId' | 'referenceNumber'>; cameraCode: string; size: number },
  adminLiffId: string,
): Promise<void> {
  const [officer] = await tx
    .select({ lineUserId: officers.lineUserId })
    .from(officers)
    .where(and(eq(officers.id, input.officerId), eq(officers.active, true)))
    .limit(1)
  if (!officer) {
    return
  }
  const url = `https://liff.line.me/${adminLiffId}/cases/${input.c.id}`
  const text = [
    `📹 ได้รับไฟล์หลักฐานจากกล้อง ${input.cameraCode} เรื่อง ${input.c.referenceNumber} (${megabytes(input.size)})`,
    `Evidence file received from camera ${input.cameraCode} for case ${input.c.referenceNumber}.`,
    url,
  ].join('\n')
  await writeOutbox(tx, {
    to: officer.lineUserId,
    messages: [{ type: 'text', text }],
    stationId: input.c.stationId,
    purpose: 'evidence_received',
  })
}

/**
 * A camera owner's upload for a request addressed to them (issue #15, point 4): the file is kept as evidence of the
 * case (store.ts), the request becomes 'received', the case's live view hears of it and the officer who asked is told.
 * Another citizen's request, or none: 404. A closed or cancelled request: 409.
 */
export function createOwnerUploads({
  db,
  cipher,
  adminLiffId,
  maxBytes,
  logger,
  now = () => new Date(),
}: {
  db: Db
  cipher: Pick<PiiCipher, 'encryptBytes'>
  adminLiffId: string
  maxBytes: number
  logger: Pick<Logger, 'info'>
  now?: () => Date
}) {
  return {
    maxBytes,
    async upload(
      citizenId: string,
      requestId: string,
      file: Pick<EvidenceInput, 'bytes' | 'contentType' | 'fileName'>,
    ): Promise<EvidenceFile> {
      const at = now()
      const stored = await db.transaction(async (tx) => {
        const row = await ownerRequest(tx, citizenId, requestId, true)
        if (isFinished(row.request.status)) {
          throw new RequestClosedError()
        }
        const evidence = await storeEvidence(
          tx,
          cipher,
          row.case,
          { ...file, cameraId: row.camera.id, footageRequestId: row.request.id, by: { citizenId } },
          maxBytes,
          at,
        )
        await tx
          .update(footageRequests)
          .set({ status: 'received', answeredAt: row.request.answeredAt ?? at, updatedAt: at })
          .where(and(eq(footageRequests.id, row.request.id), inArray(footageRequests.status, STILL_WAITING)))
        await notifyRequester(
          tx,
          { officerId: row.request.requestedBy, c: row.case, cameraCode: row.camera.code, size: evidence.size },
          adminLiffId,
        )
        await notifyCaseChange(tx, row.case, 'updated')
        return evidence
      })
      logger.info({ evidenceId: stored.id, size: stored.size }, 'evidence received from a camera owner')
      return stored
    },
  }
}
export type OwnerUploads = ReturnType<typeof createOwnerUploads>

/** A file received moves a request that is not finished to 'received' (an earlier "nothing recorded" too). */
const STILL_WAITING = ['open', 'have_it', 'nothing_recorded', 'overwritten', 'refused', 'received'] as const
