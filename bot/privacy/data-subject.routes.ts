import { and, asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db, Tx } from '../../db/client.js'
import { type Citizen, consents, dataRequests } from '../../db/schema/index.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { citizenIdOf, requireLiffAuth } from '../http/liff-auth.js'
import type { IdTokenVerifier } from '../line/id-token.js'

/** A service's part of a citizen's data export (PDPA s.30 access, s.31 portability): their own data, in full. */
export type ExportSection = { name: string; collect(tx: Tx, citizen: Citizen): Promise<unknown> }

export type DataSubjectRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  sections: readonly ExportSection[]
}

/** PDPA s.30: a request is answered within 30 days. */
export const ANSWER_WITHIN_DAYS = 30
const DAY_MS = 24 * 60 * 60 * 1000

const deletionResponse = z.object({
  request: z.object({ id: z.string(), status: z.string(), createdAt: z.iso.datetime() }),
  dueBy: z.iso.datetime(),
  messageTh: z.string(),
  messageEn: z.string(),
})

/**
 * The citizen's PDPA rights from the LIFF app: download everything the OA holds about them (JSON, numbers in full:
 * it is their own data) and ask for deletion (a data_requests row the station answers within 30 days).
 */
export const dataSubjectRoutes: FastifyPluginAsyncZod<DataSubjectRoutesOptions> = async (app, opts) => {
  const { db, citizens } = opts
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()

  r.get(
    '/api/liff/me/export',
    { schema: { tags: ['liff'], response: { 200: z.record(z.string(), z.unknown()) } } },
    async (req, reply) => {
      const lineUserId = citizenIdOf(req)
      const body = await db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, lineUserId)
        const out: Record<string, unknown> = {
          exportedAt: new Date().toISOString(),
          citizen: {
            lineUserId: citizen.lineUserId,
            displayName: citizen.displayName,
            language: citizen.language,
            followState: citizen.followState,
            followedAt: citizen.followedAt?.toISOString() ?? null,
            createdAt: citizen.createdAt.toISOString(),
          },
          consents: await tx
            .select()
            .from(consents)
            .where(eq(consents.citizenId, citizen.id))
            .orderBy(asc(consents.givenAt)),
          dataRequests: await tx
            .select()
            .from(dataRequests)
            .where(eq(dataRequests.citizenId, citizen.id))
            .orderBy(asc(dataRequests.createdAt)),
        }
        for (const section of opts.sections) {
          out[section.name] = await section.collect(tx, citizen)
        }
        await tx
          .insert(dataRequests)
          .values({ citizenId: citizen.id, kind: 'export', status: 'done', completedAt: new Date() })
        return out
      })
      req.log.info({ sections: opts.sections.map((s) => s.name) }, 'citizen exported their data')
      reply.header('content-disposition', 'attachment; filename="my-data.json"')
      return body
    },
  )

  r.post(
    '/api/liff/me/deletion-request',
    { schema: { tags: ['liff'], response: { 202: deletionResponse } } },
    async (req, reply) => {
      const lineUserId = citizenIdOf(req)
      const row = await db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, lineUserId)
        const [pending] = await tx
          .select()
          .from(dataRequests)
          .where(
            and(
              eq(dataRequests.citizenId, citizen.id),
              eq(dataRequests.kind, 'delete'),
              eq(dataRequests.status, 'pending'),
            ),
          )
          .limit(1)
        if (pending) {
          return pending // asking twice is one request
        }
        const [created] = await tx.insert(dataRequests).values({ citizenId: citizen.id, kind: 'delete' }).returning()
        if (!created) {
          throw new Error('data request insert returned no row')
        }
        return created
      })
      req.log.info({ dataRequestId: row.id }, 'citizen asked for deletion')
      const dueBy = new Date(row.createdAt.getTime() + ANSWER_WITHIN_DAYS * DAY_MS)
      reply.code(202)
      return {
        request: { id: row.id, status: row.status, createdAt: row.createdAt.toISOString() },
        dueBy: dueBy.toISOString(),
        messageTh: `ได้รับคำขอลบข้อมูลแล้ว สถานีจะดำเนินการและแจ้งผลภายใน ${ANSWER_WITHIN_DAYS} วัน ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 30 ข้อมูลที่กฎหมายกำหนดให้ต้องเก็บไว้ (เช่น บันทึกประจำวัน) อาจลบไม่ได้ เจ้าหน้าที่จะแจ้งเหตุผล`,
        messageEn: `Your deletion request is received. The station will handle it and tell you the result within ${ANSWER_WITHIN_DAYS} days, as the Personal Data Protection Act B.E. 2562, section 30, requires. Records the law requires the station to keep (such as the daily log) may not be deleted; an officer will tell you why.`,
      }
    },
  )
}
