import { eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { patrolVisits } from '../../../db/schema/index.js'
import type { SignedLinks } from '../../consultation/messages/media-links.js'
import { AppError, NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'

/** Where a patrol photo of an owner's daily summary is served (LINE's servers fetch image messages from it). */
export const visitPhotoPath = (visitId: string) => `/api/house-watch/photos/${visitId}`

class PhotoLinkError extends AppError {
  constructor(expired: boolean) {
    super(
      expired ? 'link_expired' : 'link_invalid',
      403,
      expired ? 'this photo link has expired' : 'this photo link is not valid',
      expired ? 'ลิงก์รูปถ่ายหมดอายุแล้ว ดูรูปได้ในหน้าฝากบ้านของท่าน' : 'ลิงก์รูปถ่ายไม่ถูกต้อง',
    )
  }
}

/**
 * GET /api/house-watch/photos/:visitId?exp&sig: a visit's photo behind a signed expiring link (no login: LINE fetches
 * it for the summary's image message). A purged visit has no photo: 404.
 */
export const visitPhotoLinkRoutes: FastifyPluginAsyncZod<{
  db: Db
  photoLinks: Pick<SignedLinks, 'check'>
  cipher: Pick<PiiCipher, 'decryptBytes'>
  now?: () => Date
}> = async (app, { db, photoLinks, cipher, now }) => {
  const clock = now ?? (() => new Date())
  app.get(
    '/api/house-watch/photos/:visitId',
    {
      schema: {
        hide: true,
        params: z.object({ visitId: z.uuid() }),
        querystring: z.object({ exp: z.string().max(20).optional(), sig: z.string().max(100).optional() }),
      },
    },
    async (req, reply) => {
      const check = photoLinks.check(req.params.visitId, req.query.exp, req.query.sig, clock())
      if (check !== 'ok') {
        throw new PhotoLinkError(check === 'expired')
      }
      const [v] = await db
        .select({ type: patrolVisits.photoContentType, enc: patrolVisits.photoBytesEnc })
        .from(patrolVisits)
        .where(eq(patrolVisits.id, req.params.visitId))
      if (!v?.enc) {
        throw new NotFoundError('photo not found', 'ไม่พบรูปถ่าย')
      }
      return reply
        .header('content-type', v.type ?? 'image/jpeg')
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(cipher.decryptBytes(v.enc))
    },
  )
}
