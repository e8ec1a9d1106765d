import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { announcementImages } from '../../../db/schema/index.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import { IMAGE_LIMITS, prepareImage } from './resize.js'

export type StoredImage = { id: string; contentType: string; width: number; height: number; sha256: string }

/**
 * Announcement pictures (issue #14): an officer uploads one, it is resized to LINE's limits and kept in
 * `announcement_images` (a public notice, not personal data), then served to LINE at a durable URL by its random
 * UUID (routes in images.routes.ts). Audited with its size and hash, never the bytes.
 */
export function createAnnouncementImages({ db, audit }: { db: Db; audit: Audit }) {
  return {
    maxUploadBytes: IMAGE_LIMITS.maxUploadBytes,

    async upload(who: ActingOfficer, bytes: Buffer): Promise<StoredImage> {
      const image = await prepareImage(bytes)
      const sha256 = createHash('sha256').update(image.original).digest('hex')
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(announcementImages)
          .values({
            stationId: who.stationId,
            contentType: image.contentType,
            width: image.width,
            height: image.height,
            sha256,
            original: image.original.toString('base64'),
            preview: image.preview.toString('base64'),
            createdBy: who.officerId,
          })
          .returning({ id: announcementImages.id })
        if (!row) {
          throw new Error('announcement image insert returned no row')
        }
        await audit.record(tx, {
          officer: { officerId: who.officerId, stationId: who.stationId },
          action: 'broadcast.image_upload',
          entityType: 'announcement_image',
          entityId: row.id,
          ip: who.ip,
          userAgent: who.userAgent?.slice(0, 300),
          details: {
            uploadedBytes: bytes.length,
            bytes: image.original.length,
            width: image.width,
            height: image.height,
          },
        })
        return { id: row.id, contentType: image.contentType, width: image.width, height: image.height, sha256 }
      })
    },

    /** The bytes LINE (or the composer's preview) asks for; null when there is no such image. */
    async content(
      id: string,
      which: 'original' | 'preview',
    ): Promise<{ contentType: string; sha256: string; bytes: Buffer } | null> {
      const column = which === 'original' ? announcementImages.original : announcementImages.preview
      const [row] = await db
        .select({ contentType: announcementImages.contentType, sha256: announcementImages.sha256, data: column })
        .from(announcementImages)
        .where(eq(announcementImages.id, id))
        .limit(1)
      if (!row) {
        return null
      }
      return {
        // The preview is always JPEG; the original keeps its stored type.
        contentType: which === 'original' ? row.contentType : 'image/jpeg',
        sha256: which === 'original' ? row.sha256 : `${row.sha256}-p`,
        bytes: Buffer.from(row.data, 'base64'),
      }
    },
  }
}
export type AnnouncementImages = ReturnType<typeof createAnnouncementImages>
