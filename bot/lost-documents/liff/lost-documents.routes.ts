import { randomUUID } from 'node:crypto'
import { asc, eq } from 'drizzle-orm'
import type { FastifyRequest } from 'fastify'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db, Tx } from '../../../db/client.js'
import { type Citizen, stations } from '../../../db/schema/index.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import { STATUS_LABELS } from '../../cases/statuses.js'
import type { CitizensService } from '../../citizens/citizens.service.js'
import { NotFoundError } from '../../errors.js'
import { citizenIdOf, requireLiffAuth } from '../../http/liff-auth.js'
import type { PublicUrl } from '../../http/public-url.js'
import { addRateLimit } from '../../http/rate-limit.js'
import type { Language } from '../../i18n/index.js'
import type { IdTokenVerifier } from '../../line/id-token.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { receiptMessage } from '../report.flex.js'
import { draftFromBody, reportBodySchema } from '../report.schema.js'
import { listReports, reportDetail } from '../reports.queries.js'
import type { ReportSubmitter } from '../submit.service.js'
import { formResponse } from './form.js'
import {
  detailJson,
  detailResponseSchema,
  formSchema,
  listResponseSchema,
  submitResponseSchema,
  viewJson,
} from './schemas.js'

export type LostDocumentRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  cipher: PiiCipher
  submit: ReportSubmitter
  pdfUrl(caseId: string, lang: Language): string
  /** `https://liff.line.me/{LIFF_ID_CITIZEN}/path`: the receipt's "track status" button. */
  liffUrl(path: string): string
  rateLimit?: { max: number; timeWindowMs: number } | false
  /** The PDF link as the citizen's browser can open it (emulator mode: the address it used). Default: as built. */
  publicUrl?: PublicUrl
}

const labels = (status: string) => STATUS_LABELS[status] ?? { th: status, en: status }

/** The citizen's own station, or the deployment's first one (a citizen seen only through LIFF has none yet). */
async function stationFor(tx: Tx, citizen: Citizen) {
  const where = citizen.stationId ? eq(stations.id, citizen.stationId) : undefined
  const [station] = await tx.select().from(stations).where(where).orderBy(asc(stations.createdAt)).limit(1)
  if (!station) {
    throw new NotFoundError('no station is configured', 'ยังไม่มีข้อมูลสถานี')
  }
  return station
}

const idParams = z.object({ id: z.string().max(64) })

/**
 * The citizen's lost-document API under /api/liff: the form (types, consent, pre-fill), the submission (idempotent,
 * receipt pushed to the chat) and "my reports". Only the signed-in citizen's own reports: another citizen's case ID
 * is a 404, never a 403.
 */
export const lostDocumentLiffRoutes: FastifyPluginAsyncZod<LostDocumentRoutesOptions> = async (app, opts) => {
  const { db, citizens } = opts
  const pdfFor = (req: FastifyRequest, caseId: string, lang: Language) => {
    const url = opts.pdfUrl(caseId, lang)
    return opts.publicUrl ? opts.publicUrl(req, url) : url
  }
  await addRateLimit(app, opts.rateLimit)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']
  const ensure = (tx: Tx, lineUserId: string, name: string | undefined) =>
    citizens.ensure(tx, lineUserId, name ? { displayName: name } : {})

  r.get('/api/liff/lost-documents/form', { schema: { tags, response: { 200: formSchema } } }, async (req) => {
    const lineUserId = citizenIdOf(req)
    return db.transaction(async (tx) =>
      formResponse(tx, await ensure(tx, lineUserId, req.liffIdentity?.name), opts.cipher),
    )
  })

  r.post(
    '/api/liff/lost-documents',
    { schema: { tags, body: reportBodySchema, response: { 200: submitResponseSchema, 201: submitResponseSchema } } },
    async (req, reply) => {
      const lineUserId = citizenIdOf(req)
      const header = req.headers['idempotency-key']
      const key = (typeof header === 'string' && header.trim()) || req.body.idempotencyKey || randomUUID()
      const now = new Date()
      const out = await db.transaction(async (tx) => {
        const citizen = await ensure(tx, lineUserId, req.liffIdentity?.name)
        const station = await stationFor(tx, citizen)
        const draft = draftFromBody(req.body)
        const result = await opts.submit(tx, {
          citizen,
          station,
          draft,
          channel: 'liff',
          idempotencyKey: key.slice(0, 100),
          now,
        })
        const view = await reportDetail(tx, citizen.id, result.caseId, opts.cipher)
        if (!view) {
          throw new NotFoundError('report not found', 'ไม่พบเรื่องที่แจ้ง')
        }
        const lang = citizen.language
        if (result.created) {
          const links = {
            ...(view.issued ? { pdfUrl: opts.pdfUrl(view.id, lang) } : {}),
            trackUrl: opts.liffUrl(`my-reports/${view.id}`),
          }
          await sendToCitizen(tx, citizen, [receiptMessage(view, lang, links)], {
            stationId: station.id,
            purpose: 'lost-document-receipt',
            now,
          })
        }
        return { created: result.created, view, lang }
      })
      reply.code(out.created ? 201 : 200)
      return { created: out.created, report: viewJson(out.view, labels, pdfFor(req, out.view.id, out.lang)) }
    },
  )

  r.get('/api/liff/my-reports', { schema: { tags, response: { 200: listResponseSchema } } }, async (req) => {
    const lineUserId = citizenIdOf(req)
    const { views, lang } = await db.transaction(async (tx) => {
      const citizen = await ensure(tx, lineUserId, req.liffIdentity?.name)
      return { views: await listReports(tx, citizen.id, 100), lang: citizen.language }
    })
    return { items: views.map((v) => viewJson(v, labels, pdfFor(req, v.id, lang))) }
  })

  r.get(
    '/api/liff/my-reports/:id',
    { schema: { tags, params: idParams, response: { 200: detailResponseSchema } } },
    async (req) => {
      const lineUserId = citizenIdOf(req)
      const { detail, lang } = await db.transaction(async (tx) => {
        const citizen = await ensure(tx, lineUserId, req.liffIdentity?.name)
        return { detail: await reportDetail(tx, citizen.id, req.params.id, opts.cipher), lang: citizen.language }
      })
      if (!detail) {
        throw new NotFoundError('report not found', 'ไม่พบเรื่องนี้')
      }
      return { report: detailJson(detail, labels, pdfFor(req, detail.id, lang)) }
    },
  )
}
