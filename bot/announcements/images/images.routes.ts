import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { BadRequestError, NotFoundError } from '../../errors.js'
import { adminErrors, errorSchema } from '../../http/api-docs.js'
import type { PublicUrl } from '../../http/public-url.js'
import { actingOfficer } from '../../officers/acting.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import type { AnnouncementImages } from './images.js'

const tags = ['admin-broadcasts']

export const IMAGE_PATH = '/api/announcement-images'

const uploadedSchema = z.object({
  id: z.uuid(),
  originalContentUrl: z.string(),
  previewImageUrl: z.string(),
  width: z.number().int(),
  height: z.number().int(),
})

/** Where LINE fetches an image: PUBLIC_BASE_URL (in emulator mode, the address the browser used). */
function imageUrls(base: string, id: string) {
  return { original: `${base}${IMAGE_PATH}/${id}`, preview: `${base}${IMAGE_PATH}/${id}/preview` }
}

/**
 * POST /api/admin/broadcasts/images: the picture's raw bytes (Content-Type any image type) → 201 { id,
 * originalContentUrl, previewImageUrl, width, height }, ready for a LINE image message or a Flex hero. Not a picture,
 * unreadable, empty or too small → 422 with a code. Its own scope: only this route reads raw bodies, up to 20 MB.
 */
export const announcementImageUploadRoutes: FastifyPluginAsyncZod<{
  images: AnnouncementImages
  publicBaseUrl: string
  publicUrl: PublicUrl
}> = async (app, { images, publicBaseUrl, publicUrl }) => {
  const base = new URL(publicBaseUrl).origin
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: images.maxUploadBytes }, (_req, body, done) =>
    done(null, body),
  )
  app.post(
    '/api/admin/broadcasts/images',
    {
      onRequest: requirePermission('broadcasts.send'),
      bodyLimit: images.maxUploadBytes,
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: 'Upload a picture for an announcement (raw bytes; resized to LINE’s limits, served at durable URLs)',
        response: { 201: uploadedSchema, 413: errorSchema, 422: errorSchema, ...adminErrors },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) {
        throw new BadRequestError('send the picture as the raw body', 'กรุณาส่งรูปภาพเป็นข้อมูลดิบ')
      }
      const stored = await images.upload(actingOfficer(req), req.body)
      const urls = imageUrls(base, stored.id)
      return reply.code(201).send({
        id: stored.id,
        originalContentUrl: publicUrl(req, urls.original),
        previewImageUrl: publicUrl(req, urls.preview),
        width: stored.width,
        height: stored.height,
      })
    },
  )
}

/**
 * GET /api/announcement-images/:id and /:id/preview: public (LINE's servers and every recipient's app fetch them,
 * long after the send), found only by the random UUID, never changing: cached for a year.
 */
export const announcementImageRoutes: FastifyPluginAsyncZod<{ images: AnnouncementImages }> = async (
  app,
  { images },
) => {
  for (const which of ['original', 'preview'] as const) {
    app.get(
      which === 'original' ? `${IMAGE_PATH}/:id` : `${IMAGE_PATH}/:id/preview`,
      { schema: { hide: true, params: z.object({ id: z.uuid() }) } },
      async (req, reply) => {
        const file = await images.content(req.params.id, which)
        if (!file) {
          throw new NotFoundError('image not found', 'ไม่พบรูปภาพ')
        }
        const etag = `"${file.sha256}"`
        reply
          .header('etag', etag)
          .header('cache-control', 'public, max-age=31536000, immutable')
          .header('content-type', file.contentType)
          .header(
            'content-disposition',
            `inline; filename="${which}.${file.contentType === 'image/png' ? 'png' : 'jpg'}"`,
          )
        if (req.headers['if-none-match'] === etag) {
          return reply.code(304).send()
        }
        return reply.send(file.bytes)
      },
    )
  }
}
