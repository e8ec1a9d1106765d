import { and, asc, eq, sql } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type ConsultationAnswer, consultationAnswers } from '../../../db/schema/index.js'
import type { CommonAnswer, ConsultationTopic } from '../../contracts/consultations.js'
import { NotFoundError } from '../../errors.js'
import type { AnswerCreate, AnswerPatch } from './settings.schema.js'

export function toCommonAnswer(a: ConsultationAnswer): CommonAnswer {
  return {
    id: a.id,
    topic: a.topic,
    titleTh: a.titleTh,
    titleEn: a.titleEn,
    bodyTh: a.bodyTh,
    bodyEn: a.bodyEn,
    position: a.position,
    active: a.active,
  }
}

/**
 * The station's common answers, of one topic or all, in the order the bot offers them (topic, position, then the
 * oldest first). `activeOnly` is the chat's view (A); officers see the inactive ones too.
 */
export async function listAnswers(
  tx: Tx,
  stationId: string,
  opts: { topic?: ConsultationTopic; activeOnly?: boolean } = {},
): Promise<CommonAnswer[]> {
  const rows = await tx
    .select()
    .from(consultationAnswers)
    .where(
      and(
        eq(consultationAnswers.stationId, stationId),
        opts.topic ? eq(consultationAnswers.topic, opts.topic) : undefined,
        opts.activeOnly ? eq(consultationAnswers.active, true) : undefined,
      ),
    )
    .orderBy(asc(consultationAnswers.topic), asc(consultationAnswers.position), asc(consultationAnswers.createdAt))
  return rows.map(toCommonAnswer)
}

async function find(tx: Tx, stationId: string, id: string): Promise<ConsultationAnswer> {
  const [row] = await tx
    .select()
    .from(consultationAnswers)
    .where(and(eq(consultationAnswers.id, id), eq(consultationAnswers.stationId, stationId)))
    .limit(1)
  if (!row) {
    // Another station's answer is "not found" too: officers manage only their own station's.
    throw new NotFoundError('no such common answer', 'ไม่พบคำตอบนี้')
  }
  return row
}

export async function createAnswer(tx: Tx, stationId: string, input: AnswerCreate): Promise<CommonAnswer> {
  let position = input.position
  if (position === undefined) {
    const [last] = await tx
      .select({ max: sql<number | null>`max(${consultationAnswers.position})` })
      .from(consultationAnswers)
      .where(and(eq(consultationAnswers.stationId, stationId), eq(consultationAnswers.topic, input.topic)))
    position = last?.max === null || last?.max === undefined ? 0 : Number(last.max) + 1
  }
  const [row] = await tx
    .insert(consultationAnswers)
    .values({ stationId, ...input, position, active: input.active ?? true })
    .returning()
  if (!row) {
    throw new Error('insert returned no row') // unreachable
  }
  return toCommonAnswer(row)
}

/** Returns the answer before and after, and the fields that really changed (for the audit line). */
export async function updateAnswer(tx: Tx, stationId: string, id: string, patch: AnswerPatch) {
  const before = toCommonAnswer(await find(tx, stationId, id))
  const [row] = await tx
    .update(consultationAnswers)
    .set({ ...patch, updatedAt: sql`now()` })
    .where(and(eq(consultationAnswers.id, id), eq(consultationAnswers.stationId, stationId)))
    .returning()
  if (!row) {
    throw new NotFoundError('no such common answer', 'ไม่พบคำตอบนี้')
  }
  const after = toCommonAnswer(row)
  const changed = (Object.keys(patch) as (keyof AnswerPatch)[]).filter((k) => before[k] !== after[k])
  return { before, after, changed }
}

/**
 * Deletes the answer. Its past outcomes (consultation_answer_outcomes.answer_ids) keep the id: the dashboard's
 * counts of earlier months stay, without a title.
 */
export async function deleteAnswer(tx: Tx, stationId: string, id: string): Promise<CommonAnswer> {
  const gone = toCommonAnswer(await find(tx, stationId, id))
  await tx
    .delete(consultationAnswers)
    .where(and(eq(consultationAnswers.id, id), eq(consultationAnswers.stationId, stationId)))
  return gone
}
