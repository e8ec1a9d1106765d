import { randomBytes } from 'node:crypto'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { dataRequests } from '../../db/schema/index.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { citizenIdOf, requireLiffAuth } from '../http/liff-auth.js'
import type { IdTokenVerifier } from '../line/id-token.js'
import { collectExport } from './export.js'
import { renderExportPage } from './export-page.js'
import type { ExportSection } from './parts.js'
import { ANSWER_WITHIN_DAYS, askForErasure } from './requests.js'

export type { ExportSection } from './parts.js'

export type DataSubjectRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  /** Every domain's part of the export (bot/compose lists them). */
  sections: readonly ExportSection[]
  now?: () => Date
}

const bilingual = z.object({ th: z.string(), en: z.string() })
const textOrBilingual = z.union([z.string(), bilingual])
type BlockOut = {
  title: z.infer<typeof bilingual>
  rows: { label: z.infer<typeof bilingual>; value: string | z.infer<typeof bilingual> }[]
  blocks?: BlockOut[]
}
const block: z.ZodType<BlockOut> = z.lazy(() =>
  z.object({
    title: bilingual,
    rows: z.array(z.object({ label: bilingual, value: textOrBilingual })),
    blocks: z.array(block).optional(),
  }),
)
const viewResponse = z.object({
  page: z.object({
    exportedAt: bilingual,
    sections: z.array(z.object({ title: bilingual, blocks: z.array(block), empty: bilingual })),
  }),
})

const deletionResponse = z.object({
  request: z.object({ id: z.string(), status: z.string(), createdAt: z.iso.datetime() }),
  dueBy: z.iso.datetime(),
  messageTh: z.string(),
  messageEn: z.string(),
})

/**
 * The citizen's PDPA rights from the LIFF app. Access (s.30) and portability (s.31): everything the OA holds about
 * them, of every kind of case, numbers in full (it is their own data), as a readable page (`format=view` for the
 * LIFF app, `format=html` as a file to keep) and as machine-readable JSON with real UTF-8 Thai (`format=json`).
 * Erasure (s.33): a request the station answers within 30 days (bot/privacy/requests.service.ts).
 */
export const dataSubjectRoutes: FastifyPluginAsyncZod<DataSubjectRoutesOptions> = async (app, opts) => {
  const { db, citizens } = opts
  const now = opts.now ?? (() => new Date())
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/api/liff/me/export',
    {
      schema: {
        tags: ['liff'],
        querystring: z.object({ format: z.enum(['json', 'html', 'view']).default('json') }),
        response: {
          200: z
            .union([viewResponse, z.string()])
            .describe('json: the data (a UTF-8 file); html: a readable page (a file); view: the page for the LIFF app'),
        },
      },
    },
    async (req, reply) => {
      const lineUserId = citizenIdOf(req)
      const at = now()
      const { format } = req.query
      const out = await db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, lineUserId)
        const built = await collectExport(tx, citizen, opts.sections, at)
        await tx
          .insert(dataRequests)
          .values({ citizenId: citizen.id, kind: 'export', status: 'done', createdAt: at, completedAt: at })
        return built
      })
      req.log.info({ format, sections: opts.sections.map((s) => s.name) }, 'citizen exported their data')
      if (format === 'view') {
        return { page: out.page }
      }
      if (format === 'html') {
        const nonce = randomBytes(16).toString('base64')
        return reply
          .type('text/html; charset=utf-8')
          .header('content-security-policy', `default-src 'none'; style-src 'nonce-${nonce}'; frame-ancestors 'none'`)
          .header('content-disposition', 'attachment; filename="my-data.html"')
          .send(renderExportPage(out.page, nonce))
      }
      // Pretty-printed, Thai as UTF-8 characters (JSON.stringify never escapes them): readable in any editor.
      return reply
        .type('application/json; charset=utf-8')
        .header('content-disposition', 'attachment; filename="my-data.json"')
        .send(JSON.stringify(out.data, null, 2))
    },
  )

  r.post(
    '/api/liff/me/deletion-request',
    { schema: { tags: ['liff'], response: { 202: deletionResponse } } },
    async (req, reply) => {
      const lineUserId = citizenIdOf(req)
      const row = await db.transaction(async (tx) => askForErasure(tx, await citizens.ensure(tx, lineUserId), now()))
      req.log.info({ dataRequestId: row.id }, 'citizen asked for erasure')
      const dueBy = new Date(row.createdAt.getTime() + ANSWER_WITHIN_DAYS * 86_400_000)
      reply.code(202)
      return {
        request: { id: row.id, status: row.status, createdAt: row.createdAt.toISOString() },
        dueBy: dueBy.toISOString(),
        messageTh: `ได้รับคำขอให้ลบข้อมูลแล้ว (พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 33) สถานีจะพิจารณาและแจ้งผลทาง LINE ภายใน ${ANSWER_WITHIN_DAYS} วัน ข้อมูลที่กฎหมายกำหนดให้ต้องเก็บไว้ (เช่น บันทึกประจำวัน) อาจลบไม่ได้ เจ้าหน้าที่จะแจ้งเหตุผล`,
        messageEn: `Your erasure request is received (Personal Data Protection Act B.E. 2562, section 33). The station will decide and tell you in LINE within ${ANSWER_WITHIN_DAYS} days. Records the law requires the station to keep (such as the daily log) may not be erased; an officer will tell you why.`,
      }
    },
  )
}
