import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import type { CitizensService } from '../../citizens/citizens.service.js'
import { FOOTAGE_ANSWERS, FOOTAGE_REQUEST_STATUSES, MAX_EVIDENCE_UPLOAD_BYTES } from '../../contracts/cameras.js'
import { EVIDENCE_CONTENT_TYPES } from '../../contracts/cameras-evidence.js'
import { BadRequestError } from '../../errors.js'
import { errorSchema } from '../../http/api-docs.js'
import { citizenIdOf, requireLiffAuth } from '../../http/liff-auth.js'
import { addRateLimit } from '../../http/rate-limit.js'
import type { IdTokenVerifier } from '../../line/id-token.js'
import { cleanFileName, EvidenceTooLargeError } from '../evidence/store.js'
import { registerEvidenceBody } from '../evidence/upload-body.js'
import { answerFootageRequest } from '../requests/answer.js'
import { ownerRequest, ownerRequests, ownerRequestView, RequestClosedError, requestNotFound } from './owner-requests.js'
import type { OwnerUploads } from './upload.js'

export type OwnerRequestsRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  uploads: OwnerUploads
  now?: () => Date
  rateLimit?: { max: number; timeWindowMs: number } | false
}

const both = z.object({ th: z.string(), en: z.string() })
const requestSchema = z.object({
  id: z.uuid(),
  referenceNumber: z.string(),
  camera: z.object({ code: z.string(), name: z.string(), covers: z.string().nullable() }),
  windowFrom: z.string(),
  windowTo: z.string(),
  window: both,
  ask: z.string(),
  deadlineAt: z.string(),
  deadline: both,
  overdue: z.boolean(),
  status: z.enum(FOOTAGE_REQUEST_STATUSES),
  statusTh: z.string(),
  statusEn: z.string(),
  answeredAt: z.string().nullable(),
  answerNote: z.string().nullable(),
  canAnswer: z.boolean(),
  canUpload: z.boolean(),
  files: z.array(z.object({ id: z.uuid(), size: z.number().int(), sha256: z.string(), receivedAt: z.string() })),
})
const detailSchema = z.object({
  request: requestSchema,
  upload: z.object({ maxBytes: z.number().int(), contentTypes: z.array(z.string()) }),
})
const params = z.object({ id: z.string().max(64) })
const tags = ['liff']

/**
 * The camera owner's side of footage requests in the citizen LIFF app (issue #15, point 4): the requests addressed
 * to their cameras, one request (the case's reference only), the answer, and the upload of the clip or pictures.
 * A request of another owner's camera is a 404 for all of these, the same as one that does not exist.
 */
export const ownerRequestsRoutes: FastifyPluginAsyncZod<OwnerRequestsRoutesOptions> = async (app, opts) => {
  const { db, citizens, uploads } = opts
  const clock = opts.now ?? (() => new Date())
  await addRateLimit(app, opts.rateLimit)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const citizenOf = (tx: Parameters<CitizensService['ensure']>[0], req: Parameters<typeof citizenIdOf>[0]) =>
    citizens.ensure(tx, citizenIdOf(req))
  const detail = (req: Parameters<typeof citizenIdOf>[0], id: string) =>
    db.transaction(async (tx) => ({
      request: await ownerRequestView(tx, (await citizenOf(tx, req)).id, id, clock()),
      upload: { maxBytes: uploads.maxBytes, contentTypes: [...EVIDENCE_CONTENT_TYPES] },
    }))

  r.get(
    '/api/liff/footage-requests',
    {
      schema: {
        tags,
        summary: "Footage requests addressed to the citizen's cameras (open ones, and the last 30 days' others)",
        response: { 200: z.object({ requests: z.array(requestSchema) }) },
      },
    },
    async (req) =>
      db.transaction(async (tx) => ({ requests: await ownerRequests(tx, (await citizenOf(tx, req)).id, clock()) })),
  )

  r.get(
    '/api/liff/footage-requests/:id',
    {
      schema: {
        tags,
        summary: 'One footage request: case reference, camera, time window, what is asked, deadline, status',
        params,
        response: { 200: detailSchema, 404: errorSchema },
      },
    },
    async (req) => detail(req, req.params.id),
  )

  r.post(
    '/api/liff/footage-requests/:id/answer',
    {
      schema: {
        tags,
        summary: 'The owner answers: have it / nothing recorded / already overwritten / refuse',
        params,
        body: z.object({ answer: z.enum(FOOTAGE_ANSWERS), note: z.string().trim().max(500).nullish() }),
        response: { 200: detailSchema, 404: errorSchema, 409: errorSchema },
      },
    },
    async (req) => {
      const citizen = await db.transaction((tx) => citizenOf(tx, req))
      const result = await answerFootageRequest(
        db,
        { requestId: req.params.id, citizenId: citizen.id, answer: req.body.answer, note: req.body.note || null },
        clock(),
      )
      if (!result.ok) {
        throw result.code === 'closed' ? new RequestClosedError() : requestNotFound()
      }
      return detail(req, req.params.id)
    },
  )

  // The upload has a scope of its own: only here is a body of any type read, streamed against the limit.
  await app.register(async (scope) => {
    const reference = new WeakMap<object, string>()
    // Before a byte of the body is read: whose request it is (404 otherwise), and its case's reference for the 413.
    scope.addHook('preParsing', async (req) => {
      const id = (req.params as { id?: string }).id ?? ''
      const ref = await db.transaction(async (tx) => {
        const row = await ownerRequest(tx, (await citizenOf(tx, req)).id, id)
        return row.referenceNumber
      })
      reference.set(req, ref)
    })
    registerEvidenceBody(scope, {
      maxBytes: uploads.maxBytes,
      tooLarge: (req) => new EvidenceTooLargeError(reference.get(req) ?? '', uploads.maxBytes),
    })
    scope.withTypeProvider<ZodTypeProvider>().post(
      '/api/liff/footage-requests/:id/files',
      {
        bodyLimit: uploads.maxBytes + 1,
        schema: {
          tags,
          summary: `Upload a clip or pictures (raw bytes; Content-Type one of ${EVIDENCE_CONTENT_TYPES.join(', ')}; X-File-Name URI-encoded; at most ${MAX_EVIDENCE_UPLOAD_BYTES / 1024 / 1024} MB)`,
          params,
          response: {
            201: z.object({ id: z.uuid(), sha256: z.string(), size: z.number().int(), receivedAt: z.string() }),
            404: errorSchema,
            409: errorSchema,
            413: errorSchema,
            415: errorSchema,
          },
        },
      },
      async (req, reply) => {
        if (!Buffer.isBuffer(req.body) || req.body.length === 0) {
          throw new BadRequestError('send the file as the raw body', 'กรุณาแนบไฟล์')
        }
        const citizen = await db.transaction((tx) => citizenOf(tx, req))
        const stored = await uploads.upload(citizen.id, req.params.id, {
          bytes: req.body,
          contentType: req.headers['content-type'],
          fileName: cleanFileName(req.headers['x-file-name']),
        })
        return reply.code(201).send({
          id: stored.id,
          sha256: stored.sha256,
          size: stored.size,
          receivedAt: stored.receivedAt.toISOString(),
        })
      },
    )
  })
}
