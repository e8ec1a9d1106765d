import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db, Tx } from '../../db/client.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { CONSULTATION_TOPICS } from '../contracts/consultations.js'
import { AppError } from '../errors.js'
import { citizenIdOf } from '../http/liff-auth.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { commonAnswers, decideOutcome, linkOutcome, recordShown } from './chat/common-answers.js'
import { activeTopics } from './chat/topics.js'

export type OutcomeCipher = Pick<PiiCipher, 'encrypt' | 'decrypt'>

/** An outcome token that is not this citizen's (forged, altered, someone else's): as if there were none. */
export class OutcomeNotFoundError extends AppError {
  constructor() {
    super('outcome_not_found', 404, 'these common answers were not shown to you', 'ไม่พบคำตอบที่แสดงให้ท่าน')
  }
}

/**
 * The LIFF page's handle on the consultation_answer_outcomes row of the answers it showed: the row's ID and the
 * citizen's, encrypted and authenticated (AES-GCM), so no one can decide or link a row shown to someone else.
 */
export const outcomeToken = (cipher: OutcomeCipher, outcomeId: number, citizenId: string) =>
  cipher.encrypt(JSON.stringify({ o: outcomeId, c: citizenId }))

export function outcomeOf(cipher: OutcomeCipher, token: string, citizenId: string): number {
  try {
    const { o, c } = JSON.parse(cipher.decrypt(token)) as { o?: unknown; c?: unknown }
    if (typeof o === 'number' && c === citizenId) {
      return o
    }
  } catch {
    // not a token of ours: refused below like someone else's
  }
  throw new OutcomeNotFoundError()
}

/** "Still need an officer" then the question sent: the outcome is not sufficed, and leads to the new case. */
export async function outcomeLedTo(tx: Tx, outcomeId: number, caseId: string, now: Date) {
  await decideOutcome(tx, outcomeId, false, now)
  await linkOutcome(tx, outcomeId, caseId)
}

const answerSchema = z.object({
  id: z.uuid(),
  titleTh: z.string(),
  titleEn: z.string(),
  bodyTh: z.string(),
  bodyEn: z.string(),
})
export const consultationAnswersSchema = z.object({ outcome: z.string().nullable(), answers: z.array(answerSchema) })

/**
 * The LIFF page's common answers first (issue #12, point 2), like the chat: a topic's answers (the station's, in its
 * order, both languages) with the shown row recorded in the same table the chat uses, then the verdict ("this
 * answered it" ends there; "still need an officer" goes on to the question, which links the row to the case).
 * Registered inside consultationLiffRoutes (its ID-token check and rate limit apply).
 */
export const consultationAnswersLiffRoutes: FastifyPluginAsyncZod<{
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  cipher: OutcomeCipher
  stationFor: (tx: Tx, citizen: Awaited<ReturnType<CitizensService['ensure']>>) => Promise<{ id: string }>
}> = async (app, { db, citizens, cipher, stationFor }) => {
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']

  r.post(
    '/api/liff/consultation/answers',
    {
      schema: {
        tags,
        summary: "A topic's common answers, shown first (recorded for the dashboard)",
        body: z.object({ topic: z.enum(CONSULTATION_TOPICS) }),
        response: { 200: consultationAnswersSchema },
      },
    },
    async (req) => {
      const now = new Date()
      return db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, citizenIdOf(req), {})
        const station = await stationFor(tx, citizen)
        const { topic } = req.body
        if (!(await activeTopics(tx, station.id)).includes(topic)) {
          throw new AppError('topic_not_offered', 404, 'the station does not offer this topic', 'สถานีไม่ได้เปิดรับหัวข้อนี้')
        }
        const answers = await commonAnswers(tx, station.id, topic)
        if (answers.length === 0) {
          return { outcome: null, answers: [] }
        }
        const id = await recordShown(tx, { stationId: station.id, topic, answers, now })
        return {
          outcome: outcomeToken(cipher, id, citizen.id),
          answers: answers.map((a) => ({
            id: a.id,
            titleTh: a.titleTh,
            titleEn: a.titleEn,
            bodyTh: a.bodyTh,
            bodyEn: a.bodyEn,
          })),
        }
      })
    },
  )

  r.post(
    '/api/liff/consultation/answers/verdict',
    {
      schema: {
        tags,
        summary: '"This answered my question" (sufficed) or "still need an officer"',
        body: z.object({ outcome: z.string().min(1).max(500), sufficed: z.boolean() }),
        response: { 200: z.object({ recorded: z.literal(true) }) },
      },
    },
    async (req) => {
      await db.transaction(async (tx) => {
        const citizen = await citizens.ensure(tx, citizenIdOf(req), {})
        await decideOutcome(tx, outcomeOf(cipher, req.body.outcome, citizen.id), req.body.sufficed, new Date())
      })
      return { recorded: true as const }
    },
  )
}
