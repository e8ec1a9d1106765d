import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { NotFoundError } from '../../errors.js'
import { citizenIdOf, requireLiffAuth } from '../../http/liff-auth.js'
import type { IdTokenVerifier } from '../../line/id-token.js'
import { type Stickers, sendSticker } from './stickers.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/**
 * GET /api/liff/house-watch/:caseId/sticker.pdf: the owner's own sticker (the citizen LIFF app's ID token), for an
 * approved watch still running; another's case, an unknown one or an ended watch are all simply not found.
 */
export const ownerStickerRoutes: FastifyPluginAsyncZod<{ verifier: IdTokenVerifier; stickers: Stickers }> = async (
  app,
  { verifier, stickers },
) => {
  requireLiffAuth(app, verifier)
  app.get(
    '/api/liff/house-watch/:caseId/sticker.pdf',
    {
      schema: {
        tags: ['liff'],
        summary: "The owner's QR sticker for their house (A6 PDF)",
        params: z.object({ caseId: z.string().max(64) }),
      },
    },
    async (req, reply) => {
      if (!UUID.test(req.params.caseId)) {
        throw new NotFoundError('no sticker for this house watch', 'ไม่พบสติกเกอร์ของการฝากบ้านนี้')
      }
      return sendSticker(reply, await stickers.forOwner(citizenIdOf(req), req.params.caseId))
    },
  )
}
