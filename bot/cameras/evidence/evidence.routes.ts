import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import { EVIDENCE_CONTENT_TYPES } from '../../contracts/cameras-evidence.js'
import { BadRequestError } from '../../errors.js'
import { adminErrors, errorSchema } from '../../http/api-docs.js'
import { actingOfficer, casesTags } from '../../officers/acting.js'
import { SESSION_SECURITY as security } from '../../officers/bearer.js'
import { requirePermission } from '../../officers/permissions.js'
import type { EvidenceService } from './evidence.service.js'
import { cleanFileName, EvidenceTooLargeError } from './store.js'
import { registerEvidenceBody } from './upload-body.js'
import { evidenceZip } from './zip.js'

const tags = casesTags
const caseParams = z.object({ id: z.string().max(64) })
const evidenceSchema = z.object({
  id: z.uuid(),
  fileName: z.string().nullable(),
  contentType: z.string(),
  sha256: z.string(),
  size: z.number().int(),
  receivedAt: z.string(),
  camera: z.object({ id: z.uuid(), code: z.string(), name: z.string() }).nullable(),
  footageRequestId: z.uuid().nullable(),
  uploader: z.object({ type: z.enum(['citizen', 'officer', 'unknown']), name: z.string().nullable() }),
})

/** A name for a Content-Disposition header: ASCII fallback plus the UTF-8 name (RFC 6266 / 5987). */
function disposition(kind: 'inline' | 'attachment', name: string): string {
  const ascii = name.replace(/[^\w.-]+/g, '_').slice(0, 100) || 'evidence'
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name.slice(0, 150))}`
}

/**
 * The officers' evidence routes (issue #15, point 5), all behind evidence.read: a case's files with their hashes,
 * one file's bytes (every opening recorded as custody 'viewed' and audited), an officer's upload (a file brought to
 * the station), and the zip export with its manifest (custody 'exported').
 */
export const evidenceRoutes: FastifyPluginAsyncZod<{ evidence: EvidenceService }> = async (app, { evidence }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const guard = requirePermission('evidence.read')

  r.get(
    '/api/admin/cases/:id/evidence',
    {
      onRequest: guard,
      schema: {
        tags,
        security,
        summary: "A case's evidence files: SHA-256, size, uploader, time, source camera",
        params: caseParams,
        response: {
          200: z.object({ referenceNumber: z.string(), maxBytes: z.number().int(), files: z.array(evidenceSchema) }),
          ...adminErrors,
        },
      },
    },
    async (req, reply) => {
      reply.header('cache-control', 'no-store')
      return { ...(await evidence.list(actingOfficer(req), req.params.id)), maxBytes: evidence.maxBytes }
    },
  )

  r.get(
    '/api/admin/evidence/:id/content',
    {
      onRequest: guard,
      schema: {
        tags,
        security,
        summary: "An evidence file's bytes (custody 'viewed' on the case timeline; audited)",
        params: z.object({ id: z.string().max(64) }),
        querystring: z.object({ download: z.enum(['1']).optional() }),
        response: { 200: z.unknown().describe('the file, binary, with its content type'), ...adminErrors },
      },
    },
    async (req, reply) => {
      const file = await evidence.open(actingOfficer(req), req.params.id)
      // Pictures and video open in the browser (types the station checked by their first bytes); the rest downloads.
      const inline = !req.query.download && /^(image|video)\//.test(file.contentType)
      return reply
        .header('content-type', file.contentType)
        .header('content-disposition', disposition(inline ? 'inline' : 'attachment', file.fileName ?? 'evidence'))
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; media-src 'self'; img-src 'self'; sandbox")
        .header('x-evidence-sha256', file.sha256)
        .header('cache-control', 'private, no-store')
        .send(file.content)
    },
  )

  r.get(
    '/api/admin/cases/:id/evidence.zip',
    {
      onRequest: guard,
      schema: {
        tags,
        security,
        summary: "A zip of the case's evidence files with manifest.json and manifest.csv (custody 'exported')",
        params: caseParams,
        response: { 200: z.unknown().describe('application/zip'), ...adminErrors },
      },
    },
    async (req, reply) => {
      const x = await evidence.export(actingOfficer(req), req.params.id)
      return reply
        .header('content-type', 'application/zip')
        .header('content-disposition', disposition('attachment', `evidence-${x.referenceNumber}.zip`))
        .header('cache-control', 'private, no-store')
        .send(evidenceZip(x))
    },
  )

  await app.register(async (scope) => {
    registerEvidenceBody(scope, {
      maxBytes: evidence.maxBytes,
      tooLarge: () => new EvidenceTooLargeError('', evidence.maxBytes),
    })
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/admin/cases/:id/evidence',
      {
        onRequest: guard,
        bodyLimit: evidence.maxBytes + 1,
        schema: {
          tags,
          security,
          summary: `An officer adds an evidence file (raw bytes; Content-Type one of ${EVIDENCE_CONTENT_TYPES.join(', ')}; X-File-Name URI-encoded)`,
          params: caseParams,
          querystring: z.object({ cameraId: z.string().max(64).optional(), requestId: z.string().max(64).optional() }),
          response: { 201: evidenceSchema, 413: errorSchema, 415: errorSchema, ...adminErrors },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          throw new BadRequestError('send the file as the raw body', 'กรุณาแนบไฟล์')
        }
        const stored = await evidence.upload(
          actingOfficer(req),
          req.params.id,
          {
            bytes: req.body,
            contentType: req.headers['content-type'],
            fileName: cleanFileName(req.headers['x-file-name']),
          },
          { cameraId: req.query.cameraId, footageRequestId: req.query.requestId },
        )
        return reply.code(201).send(stored)
      },
    )
  })
}
