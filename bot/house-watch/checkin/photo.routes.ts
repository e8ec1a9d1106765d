import { eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { patrolVisits } from '../../../db/schema/index.js'
import { AppError, NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import type { VisitPhotoLinks } from './photo-links.js'

/**
 * GET /api/media/patrol-visits/:id/photo?exp&sig: a visit photo for whoever holds the signed link (LINE's servers
 * fetching an image message, the owner opening it). Tampered or expired → 403; a visit without a photo (or purged)
 * → 404.
 */
export const visitPhotoRoutes: FastifyPluginAsyncZod<{
  db: Db
  photoLinks: VisitPhotoLinks
  cipher: Pick<PiiCipher, 'decryptBytes'>
  now?: () => Date
}> = async (app, { db, photoLinks, cipher, now }) => {
  const clock = now ?? (() => new Date())
  app.get(
    '/api/media/patrol-visits/:id/photo',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ exp: z.string().max(20).optional(), sig: z.string().max(100).optional() }),
      },
    },
    async (req, reply) => {
      const check = photoLinks.check(req.params.id, req.query.exp, req.query.sig, clock())
      if (check !== 'ok') {
        const expired = check === 'expired'
        throw new AppError(
          expired ? 'link_expired' : 'link_invalid',
          403,
          expired ? 'this photo link has expired' : 'this photo link is not valid',
          expired ? 'ลิงก์รูปภาพหมดอายุแล้ว' : 'ลิงก์รูปภาพไม่ถูกต้อง',
        )
      }
      const [visit] = await db
        .select({ type: patrolVisits.photoContentType, enc: patrolVisits.photoBytesEnc })
        .from(patrolVisits)
        .where(eq(patrolVisits.id, req.params.id))
      if (!visit?.enc || !visit.type) {
        throw new NotFoundError('photo not found', 'ไม่พบรูปภาพ')
      }
      return reply
        .header('content-type', visit.type)
        .header('content-disposition', `inline; filename="visit.${visit.type === 'image/png' ? 'png' : 'jpg'}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(cipher.decryptBytes(visit.enc))
    },
  )
}
