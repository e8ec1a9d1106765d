import { createHash } from 'node:crypto'
import type { Db } from '../../../db/client.js'
import { attachments } from '../../../db/schema/index.js'
import { acceptedContentType, MAX_MEDIA_BYTES } from '../../cases/case-media.js'
import { findStationCase } from '../../cases/case-view.js'
import type { AttachmentMeta } from '../../contracts/admin-api.js'
import { AppError, BadRequestError } from '../../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'

export class UploadRefusedError extends AppError {
  constructor(code: 'file_too_large' | 'file_type_refused', maxBytes: number) {
    super(
      code,
      code === 'file_too_large' ? 413 : 415,
      code === 'file_too_large'
        ? `the file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB`
        : 'the station sends pictures, video, voice and PDF only',
      code === 'file_too_large'
        ? `ไฟล์ใหญ่เกิน ${Math.round(maxBytes / 1024 / 1024)} MB`
        : 'ส่งได้เฉพาะรูปภาพ วิดีโอ เสียง และ PDF',
    )
  }
}

/**
 * An officer's file for the citizen, uploaded before the answer that sends it (POST /cases/:id/attachments): the
 * same limits as the citizen's media (size, type), kept encrypted with its SHA-256 like them, not yet linked to a
 * timeline entry (the answer names it in data.attachmentIds). Audited (name and size, never the bytes).
 */
export function createUploads({
  db,
  audit,
  cipher,
  maxBytes = MAX_MEDIA_BYTES,
  now = () => new Date(),
}: {
  db: Db
  audit: Audit
  cipher: Pick<PiiCipher, 'encryptBytes'>
  maxBytes?: number
  now?: () => Date
}) {
  return {
    maxBytes,
    async upload(
      who: ActingOfficer,
      caseId: string,
      file: { bytes: Buffer; contentType: string; fileName: string | null },
    ): Promise<AttachmentMeta> {
      const contentType = file.contentType.split(';')[0]?.trim().toLowerCase() ?? ''
      if (file.bytes.length > maxBytes) {
        throw new UploadRefusedError('file_too_large', maxBytes)
      }
      if (!acceptedContentType(contentType)) {
        throw new UploadRefusedError('file_type_refused', maxBytes)
      }
      if (file.bytes.length === 0) {
        throw new BadRequestError('the file is empty', 'ไฟล์ว่างเปล่า')
      }
      return db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId)
        if (c.kind !== 'consultation') {
          throw new BadRequestError('files are sent on consultations only', 'ส่งไฟล์ได้เฉพาะเรื่องปรึกษากฎหมาย')
        }
        const at = now()
        const [row] = await tx
          .insert(attachments)
          .values({
            caseId: c.id,
            contentType,
            fileName: file.fileName,
            size: file.bytes.length,
            sha256: createHash('sha256').update(file.bytes).digest('hex'),
            bytesEnc: cipher.encryptBytes(file.bytes),
            createdAt: at,
          })
          .returning({ id: attachments.id })
        if (!row) {
          throw new Error('attachment insert returned no row')
        }
        await audit.record(
          tx,
          byOfficer(who, 'case.attachment_upload', c.id, {
            attachmentId: row.id,
            size: file.bytes.length,
            contentType,
          }),
        )
        return {
          id: row.id,
          contentType,
          fileName: file.fileName,
          size: file.bytes.length,
          createdAt: at.toISOString(),
        }
      })
    },
  }
}
export type Uploads = ReturnType<typeof createUploads>
