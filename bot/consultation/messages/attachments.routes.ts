import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { BadRequestError } from '../../errors.js'
import { adminErrors, errorSchema } from '../../http/api-docs.js'
import { actingOfficer, casesTags as tags } from '../../officers/acting.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import type { Uploads } from './uploads.js'

const attachmentMetaSchema = z.object({
  id: z.uuid(),
  contentType: z.string(),
  fileName: z.string().nullable(),
  size: z.number().int(),
  createdAt: z.iso.datetime(),
})

function fileNameOf(header: string | string[] | undefined): string | null {
  if (typeof header !== 'string' || header.length === 0) {
    return null
  }
  try {
    // Strip path parts and control characters: the name is shown to the citizen and in the officers' app.
    const name = decodeURIComponent(header)
      .replace(/[\\/]/g, '_')
      .replace(/\p{Cc}/gu, '')
      .trim()
      .slice(0, 200)
    return name || null
  } catch {
    throw new BadRequestError('X-File-Name must be URI-encoded', 'ชื่อไฟล์ไม่ถูกต้อง')
  }
}

/**
 * POST /api/admin/cases/:id/attachments: the file's raw bytes (Content-Type its type, X-File-Name its URI-encoded
 * name) → 201 AttachmentMeta, sent with the next message (attachmentIds). Its own scope: only this route reads
 * bodies of any type, up to the media limit.
 */
export const attachmentUploadRoutes: FastifyPluginAsyncZod<{ uploads: Uploads }> = async (app, { uploads }) => {
  app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: uploads.maxBytes + 1 }, (_req, body, done) =>
    done(null, body),
  )
  app.post(
    '/api/admin/cases/:id/attachments',
    {
      onRequest: requirePermission('cases.act'),
      bodyLimit: uploads.maxBytes + 1,
      schema: {
        tags,
        security: SESSION_SECURITY,
        summary: "Upload a file for the citizen (raw bytes; sent with the next message's attachmentIds)",
        params: z.object({ id: z.string().max(64) }),
        response: { 201: attachmentMetaSchema, 413: errorSchema, 415: errorSchema, ...adminErrors },
      },
    },
    async (req, reply) => {
      if (!Buffer.isBuffer(req.body)) {
        throw new BadRequestError('send the file as the raw body', 'กรุณาส่งไฟล์เป็นข้อมูลดิบ')
      }
      const meta = await uploads.upload(actingOfficer(req), req.params.id, {
        bytes: req.body,
        contentType: req.headers['content-type'] ?? 'application/octet-stream',
        fileName: fileNameOf(req.headers['x-file-name']),
      })
      return reply.code(201).send(meta)
    },
  )
}
