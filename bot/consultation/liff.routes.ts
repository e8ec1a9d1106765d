import { asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db, Tx } from '../../db/client.js'
import { type Citizen, stations } from '../../db/schema/index.js'
import { sendToCitizen } from '../cases/citizen-outbox.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { CONSULTATION_TOPIC_LABELS, CONSULTATION_TOPICS } from '../contracts/consultations.js'
import { AppError, NotFoundError } from '../errors.js'
import { citizenIdOf, requireLiffAuth } from '../http/liff-auth.js'
import { addRateLimit } from '../http/rate-limit.js'
import type { IdTokenVerifier } from '../line/id-token.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { endItem, say } from './chat/kit.js'
import { receiptText } from './chat/receipt.js'
import { activeTopics } from './chat/topics.js'
import { consultationAnswersLiffRoutes, type OutcomeCipher, outcomeLedTo, outcomeOf } from './liff-answers.routes.js'
import { myConsultationsLiffRoutes } from './liff-thread.routes.js'
import { type OpenConsultation, openThreadOf } from './open-consultation.js'

export type ConsultationLiffRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  open: OpenConsultation
  /** Common answers' outcome tokens, and the thread decrypted for its own citizen (my consultations). */
  cipher: OutcomeCipher & Pick<PiiCipher, 'decryptBytes'>
  rateLimit?: { max: number; timeWindowMs: number } | false
}

/** One open consultation at a time: the LIFF page sends the citizen back to the chat where it goes on. */
export class ConsultationOpenError extends AppError {
  constructor(referenceNumber: string) {
    super(
      'consultation_open',
      409,
      `consultation ${referenceNumber} is still open: continue it in the chat`,
      `เรื่องปรึกษา ${referenceNumber} ยังเปิดอยู่ พิมพ์ต่อในแชตได้เลย`,
      { referenceNumber },
    )
  }
}

/** The citizen's station (their own, else the first configured: a new friend may not have one yet). */
export async function stationFor(tx: Tx, citizen: Citizen) {
  const where = citizen.stationId ? eq(stations.id, citizen.stationId) : undefined
  const [station] = await tx.select().from(stations).where(where).orderBy(asc(stations.createdAt)).limit(1)
  if (!station) {
    throw new NotFoundError('no station is configured', 'ยังไม่มีข้อมูลสถานี')
  }
  return station
}

const topicSchema = z.enum(CONSULTATION_TOPICS)
export const consultationStartSchema = z.object({
  topics: z.array(z.object({ topic: topicSchema, labelTh: z.string(), labelEn: z.string() })),
  open: z.object({ referenceNumber: z.string(), caseId: z.uuid() }).nullable(),
})
export const consultationOpenedSchema = z.object({
  caseId: z.uuid(),
  referenceNumber: z.string(),
  expectedBy: z.iso.datetime().nullable(),
  outOfHours: z.boolean(),
  opensAt: z.iso.datetime().nullable(),
})

/**
 * The citizen LIFF app's consultation start (issue #12, point 1): the station's topics and any consultation still
 * open (GET), and the question (POST): the same consultation the chat opens (opened via 'liff'), its receipt sent to
 * the chat, where the conversation with the officer goes on.
 */
export const consultationLiffRoutes: FastifyPluginAsyncZod<ConsultationLiffRoutesOptions> = async (app, opts) => {
  const { db, citizens, open } = opts
  await addRateLimit(app, opts.rateLimit)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  await app.register(consultationAnswersLiffRoutes, { db, citizens, cipher: opts.cipher, stationFor })
  await app.register(myConsultationsLiffRoutes, { db, citizens, cipher: opts.cipher })
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']

  r.get(
    '/api/liff/consultation',
    {
      schema: {
        tags,
        summary: "The topics the station offers, and the citizen's consultation still open (if any)",
        response: { 200: consultationStartSchema },
      },
    },
    async (req) => {
      const name = req.liffIdentity?.name
      return db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, citizenIdOf(req), name ? { displayName: name } : {})
        const station = await stationFor(tx, citizen)
        const topics = await activeTopics(tx, station.id)
        const thread = await openThreadOf(tx, citizen.id, new Date())
        return {
          topics: topics.map((topic) => ({
            topic,
            labelTh: CONSULTATION_TOPIC_LABELS[topic].th,
            labelEn: CONSULTATION_TOPIC_LABELS[topic].en,
          })),
          open:
            thread && !thread.closed ? { referenceNumber: thread.case.referenceNumber, caseId: thread.case.id } : null,
        }
      })
    },
  )

  r.post(
    '/api/liff/consultation',
    {
      schema: {
        tags,
        summary: 'Ask a question: opens a consultation; its receipt goes to the chat',
        body: z.object({
          topic: topicSchema,
          question: z.string().trim().min(1).max(2000),
          /** The common answers shown before ("still need an officer"): their row is linked to this case. */
          outcome: z.string().min(1).max(500).optional(),
        }),
        response: { 201: consultationOpenedSchema },
      },
    },
    async (req, reply) => {
      const name = req.liffIdentity?.name
      const now = new Date()
      const opened = await db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, citizenIdOf(req), name ? { displayName: name } : {})
        const thread = await openThreadOf(tx, citizen.id, now)
        if (thread && !thread.closed) {
          throw new ConsultationOpenError(thread.case.referenceNumber)
        }
        const station = await stationFor(tx, citizen)
        const { topic, question, outcome } = req.body
        const outcomeId = outcome === undefined ? undefined : outcomeOf(opts.cipher, outcome, citizen.id)
        const o = await open(tx, { station, citizen, topic, via: 'liff', now, question: { text: question } })
        if (outcomeId !== undefined) {
          await outcomeLedTo(tx, outcomeId, o.case.id, now)
        }
        const lang = citizen.language
        const text = receiptText(lang, {
          ref: o.case.referenceNumber,
          topic,
          now,
          expectedBy: o.expectedBy,
          outOfHours: o.outOfHours,
          opensAt: o.opensAt,
          question,
        })
        // The conversation goes on in the chat: the receipt there, with "end" at hand.
        await sendToCitizen(tx, citizen, [say(text, [endItem(lang, o.case.id)])], {
          stationId: station.id,
          purpose: 'consultation_receipt',
          now,
        })
        return o
      })
      reply.code(201)
      return {
        caseId: opened.case.id,
        referenceNumber: opened.case.referenceNumber,
        expectedBy: opened.expectedBy?.toISOString() ?? null,
        outOfHours: opened.outOfHours,
        opensAt: opened.opensAt?.toISOString() ?? null,
      }
    },
  )
}
