import type { messagingApi } from '@line/bot-sdk'
import { and, asc, eq, isNull } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  type ConsultationAnswer,
  consultationAnswerOutcomes,
  consultationAnswers,
  type Language,
} from '../../../db/schema/index.js'
import type { ConsultationTopic } from '../../contracts/consultations.js'
import type { LineMessage } from '../../line/line-client.js'

/** A short carousel: the first few answers in the station's order (a long list is read by nobody in a chat). */
export const MAX_COMMON_ANSWERS = 5

export async function commonAnswers(tx: Tx, stationId: string, topic: ConsultationTopic) {
  return tx
    .select()
    .from(consultationAnswers)
    .where(
      and(
        eq(consultationAnswers.stationId, stationId),
        eq(consultationAnswers.topic, topic),
        eq(consultationAnswers.active, true),
      ),
    )
    .orderBy(asc(consultationAnswers.position), asc(consultationAnswers.createdAt))
    .limit(MAX_COMMON_ANSWERS)
}

/** Which answers were shown (the dashboard counts them); the outcome is decided by the citizen's next tap. */
export async function recordShown(
  tx: Tx,
  args: { stationId: string; topic: ConsultationTopic; answers: ConsultationAnswer[]; now: Date },
): Promise<number> {
  const [row] = await tx
    .insert(consultationAnswerOutcomes)
    .values({
      stationId: args.stationId,
      topic: args.topic,
      answerIds: args.answers.map((a) => a.id),
      createdAt: args.now,
    })
    .returning({ id: consultationAnswerOutcomes.id })
  if (!row) {
    throw new Error('outcome insert returned no row')
  }
  return row.id
}

/** "This answered it" (true) or "still need an officer" (false), once: a second tap changes nothing. */
export async function decideOutcome(tx: Tx, id: number, sufficed: boolean, now: Date) {
  await tx
    .update(consultationAnswerOutcomes)
    .set({ sufficed, decidedAt: now })
    .where(and(eq(consultationAnswerOutcomes.id, id), isNull(consultationAnswerOutcomes.sufficed)))
}

/** The consultation the citizen went on to: the dashboard can follow a "not sufficed" to its case. */
export async function linkOutcome(tx: Tx, id: number, caseId: string) {
  await tx.update(consultationAnswerOutcomes).set({ caseId }).where(eq(consultationAnswerOutcomes.id, id))
}

function bubble(lang: Language, a: ConsultationAnswer): messagingApi.FlexBubble {
  const title = lang === 'th' ? a.titleTh : a.titleEn
  const body = lang === 'th' ? a.bodyTh : a.bodyEn
  return {
    type: 'bubble',
    size: 'kilo',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: '#0B2F6B',
      contents: [{ type: 'text', text: title.slice(0, 200) || '-', color: '#FFFFFF', weight: 'bold', wrap: true }],
    },
    body: {
      type: 'box',
      layout: 'vertical',
      contents: [{ type: 'text', text: body.slice(0, 1500) || '-', size: 'sm', wrap: true }],
    },
  }
}

/** The answers as a carousel, one card each, in the citizen's language (altText lists the titles). */
export function answersCarousel(lang: Language, intro: string, answers: ConsultationAnswer[]): LineMessage {
  const titles = answers.map((a) => (lang === 'th' ? a.titleTh : a.titleEn)).join(' / ')
  return {
    type: 'flex',
    altText: `${intro} ${titles}`.slice(0, 400),
    contents: { type: 'carousel', contents: answers.map((a) => bubble(lang, a)) },
  }
}
