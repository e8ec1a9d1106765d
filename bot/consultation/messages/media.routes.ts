import { eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { attachments } from '../../../db/schema/index.js'
import { attachmentContent } from '../../cases/attachment-content.js'
import { AppError, NotFoundError } from '../../errors.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import type { MediaLinks } from './media-links.js'

class MediaLinkError extends AppError {
  constructor(code: 'link_invalid' | 'link_expired') {
    super(
      code,
      403,
      code === 'link_expired' ? 'this file link has expired' : 'this file link is not valid',
      code === 'link_expired' ? 'ลิงก์ไฟล์หมดอายุแล้ว กรุณาขอไฟล์ใหม่จากเจ้าหน้าที่ในแชต' : 'ลิงก์ไฟล์ไม่ถูกต้อง',
    )
  }
}

/**
 * GET /api/media/:id?exp&sig: an officer's file sent to a citizen, for whoever holds the signed link (LINE's servers
 * fetching an image message's picture, the citizen opening a file in LINE's browser). Tampered or expired → 403;
 * only officers' uploads (never a citizen's media, which have a timeline entry of their own) are served.
 */
export const mediaRoutes: FastifyPluginAsyncZod<{
  db: Db
  mediaLinks: MediaLinks
  cipher: Pick<PiiCipher, 'decryptBytes'>
  now?: () => Date
}> = async (app, { db, mediaLinks, cipher, now }) => {
  const clock = now ?? (() => new Date())
  app.get(
    '/api/media/:id',
    {
      schema: {
        hide: true,
        params: z.object({ id: z.uuid() }),
        querystring: z.object({ exp: z.string().max(20).optional(), sig: z.string().max(100).optional() }),
      },
    },
    async (req, reply) => {
      const check = mediaLinks.check(req.params.id, req.query.exp, req.query.sig, clock())
      if (check !== 'ok') {
        throw new MediaLinkError(check === 'expired' ? 'link_expired' : 'link_invalid')
      }
      const [file] = await db.select().from(attachments).where(eq(attachments.id, req.params.id)).limit(1)
      if (!file || file.caseEventId !== null) {
        throw new NotFoundError('file not found', 'ไม่พบไฟล์')
      }
      const name = (file.fileName ?? 'file').replace(/[^\w.-]+/g, '_').slice(0, 100) || 'file'
      const inline = file.contentType === 'image/jpeg' || file.contentType === 'image/png'
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', `${inline ? 'inline' : 'attachment'}; filename="${name}"`)
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'private, max-age=3600')
        .send(attachmentContent(cipher, file))
    },
  )
}
