import { createHash, randomUUID } from 'node:crypto'
import type { Tx } from '../../../db/client.js'
import { attachments, type Case, caseEvents, type EvidenceFile, evidenceFiles } from '../../../db/schema/index.js'
import {
  EVIDENCE_CONTENT_TYPES,
  EVIDENCE_TYPE_ALIASES,
  type EvidenceContentType,
  evidenceTooLargeText,
} from '../../contracts/cameras-evidence.js'
import { AppError, BadRequestError } from '../../errors.js'

/** The 413 of an evidence upload: Thai and English, the way to hand it over instead (the station, the reference). */
export class EvidenceTooLargeError extends AppError {
  constructor(reference: string, maxBytes: number) {
    const text = evidenceTooLargeText(reference, Math.round(maxBytes / 1024 / 1024))
    super('file_too_large', 413, text.en, text.th, { maxBytes })
  }
}

export class EvidenceTypeError extends AppError {
  constructor() {
    super(
      'file_type_refused',
      415,
      'evidence is taken as MP4 or MOV video, JPEG or PNG pictures, or a ZIP (a recorder’s own export)',
      'รับเฉพาะวิดีโอ MP4 หรือ MOV รูปภาพ JPEG หรือ PNG หรือไฟล์ ZIP (ไฟล์ส่งออกจากเครื่องบันทึก)',
    )
  }
}

/** The declared type as the station keeps it, or null when it is not one it takes. */
export function evidenceType(header: string | undefined): EvidenceContentType | null {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? ''
  const mapped = EVIDENCE_TYPE_ALIASES[type] ?? type
  return (EVIDENCE_CONTENT_TYPES as readonly string[]).includes(mapped) ? (mapped as EvidenceContentType) : null
}

/**
 * Whether the first bytes are what the type says (a renamed document is not a clip): JPEG FF D8 FF, PNG's signature,
 * ZIP's "PK\3\4", and an ISO media file's box ("ftyp", or a QuickTime file's "moov"/"mdat"/"wide"/"free" first).
 */
export function looksLike(type: EvidenceContentType, bytes: Buffer): boolean {
  const box = bytes.subarray(4, 8).toString('latin1')
  switch (type) {
    case 'image/jpeg':
      return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff
    case 'image/png':
      return bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
    case 'application/zip':
      return bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))
    case 'video/mp4':
      return box === 'ftyp'
    case 'video/quicktime':
      return ['ftyp', 'moov', 'mdat', 'wide', 'free', 'skip', 'pnot'].includes(box)
  }
}

/** A file name as sent (URI-encoded header), without path parts or control characters; null when none. */
export function cleanFileName(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.length === 0) {
    return null
  }
  let name: string
  try {
    name = decodeURIComponent(header)
  } catch {
    throw new BadRequestError('X-File-Name must be URI-encoded', 'ชื่อไฟล์ไม่ถูกต้อง')
  }
  return (
    name
      .replace(/[\\/]/g, '_')
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, 200) || null
  )
}

export type EvidenceInput = {
  bytes: Buffer
  contentType: string | undefined
  fileName: string | null
  cameraId: string | null
  footageRequestId: string | null
  by: { citizenId: string } | { officerId: string }
}

/**
 * Keeps one evidence file of a case, in the caller's transaction: the bytes encrypted in `attachments` with the
 * SHA-256 of the bytes as received (not linked to a timeline entry: the case's generic attachment routes do not
 * serve evidence, only evidence.read does), its `evidence_files` row (size, uploader, camera, request) and the
 * custody entry 'received' on the timeline (internal: never shown to the citizen of the case).
 */
export async function storeEvidence(
  tx: Tx,
  cipher: { encryptBytes(bytes: Buffer): string },
  c: Pick<Case, 'id' | 'referenceNumber'>,
  input: EvidenceInput,
  maxBytes: number,
  now: Date,
): Promise<EvidenceFile> {
  if (input.bytes.length > maxBytes) {
    throw new EvidenceTooLargeError(c.referenceNumber, maxBytes)
  }
  const type = evidenceType(input.contentType)
  if (!type || !looksLike(type, input.bytes)) {
    throw new EvidenceTypeError()
  }
  const sha256 = createHash('sha256').update(input.bytes).digest('hex')
  const [file] = await tx
    .insert(attachments)
    .values({
      caseId: c.id,
      contentType: type,
      fileName: input.fileName,
      size: input.bytes.length,
      sha256,
      bytesEnc: cipher.encryptBytes(input.bytes),
      createdAt: now,
    })
    .returning({ id: attachments.id })
  if (!file) {
    throw new Error('attachment insert returned no row')
  }
  const id = randomUUID()
  const officerId = 'officerId' in input.by ? input.by.officerId : null
  const [event] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      type: 'evidence',
      // A camera owner is not the case's citizen: the receipt is the system's (data.from says who sent it).
      actorType: officerId ? 'officer' : 'system',
      officerId,
      internal: true,
      data: {
        action: 'received',
        from: officerId ? 'officer' : 'camera_owner',
        evidenceId: id,
        sha256,
        size: input.bytes.length,
        contentType: type,
        footageRequestId: input.footageRequestId,
      },
      createdAt: now,
    })
    .returning({ id: caseEvents.id })
  const [row] = await tx
    .insert(evidenceFiles)
    .values({
      id,
      caseId: c.id,
      attachmentId: file.id,
      footageRequestId: input.footageRequestId,
      cameraId: input.cameraId,
      sha256,
      size: input.bytes.length,
      uploadedByCitizenId: 'citizenId' in input.by ? input.by.citizenId : null,
      uploadedByOfficerId: officerId,
      caseEventId: event?.id ?? null,
      receivedAt: now,
    })
    .returning()
  if (!row) {
    throw new Error('evidence insert returned no row')
  }
  return row
}
