import { and, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.js'
import { cameras, caseEvents, cases, type FootageRequest, footageRequests } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import type { FootageAnswer } from '../../contracts/cameras.js'

export type AnswerResult = { ok: true; request: FootageRequest } | { ok: false; code: 'not_found' | 'closed' }

/** An owner may answer (or change their answer) until a file came, or the request was closed or cancelled. */
const ANSWERABLE: ReadonlySet<string> = new Set(['open', 'have_it', 'nothing_recorded', 'overwritten', 'refused'])

/**
 * A private owner's answer to a footage request, from the LINE postback or the LIFF page. The request must be addressed
 * to that citizen (its camera's owner): any other request, or one that does not exist, is `not_found` (a citizen
 * learns nothing of requests that are not theirs). The answer, a timeline entry and the officers' live-stream
 * notice go in one transaction; the same answer twice writes nothing new.
 */
export async function answerFootageRequest(db: Db, input: AnswerInput, now: Date = new Date()): Promise<AnswerResult> {
  if (!UUID.test(input.requestId)) {
    return { ok: false, code: 'not_found' }
  }
  return db.transaction((tx) => answerInTx(tx, input, now))
}

export type AnswerInput = { requestId: string; citizenId: string; answer: FootageAnswer; note?: string | null }
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The same answer in the caller's transaction (the chat's postback runs inside its turn). */
export async function answerInTx(tx: Tx, input: AnswerInput, now: Date): Promise<AnswerResult> {
  if (!UUID.test(input.requestId)) {
    return { ok: false, code: 'not_found' }
  }
  {
    const [row] = await tx
      .select({ r: footageRequests, c: cases })
      .from(footageRequests)
      .innerJoin(cameras, eq(cameras.id, footageRequests.cameraId))
      .innerJoin(cases, eq(cases.id, footageRequests.caseId))
      .where(and(eq(footageRequests.id, input.requestId), eq(cameras.citizenId, input.citizenId)))
      .for('update', { of: footageRequests })
      .limit(1)
    if (!row) {
      return { ok: false, code: 'not_found' } as const
    }
    if (!ANSWERABLE.has(row.r.status)) {
      return { ok: false, code: 'closed' } as const
    }
    const note = input.note?.trim().slice(0, 1000) || null
    if (row.r.status === input.answer && (note === null || note === row.r.answerNote)) {
      return { ok: true, request: row.r } as const
    }
    const [updated] = await tx
      .update(footageRequests)
      .set({ status: input.answer, answeredAt: now, answerNote: note ?? row.r.answerNote, updatedAt: now })
      .where(eq(footageRequests.id, row.r.id))
      .returning()
    if (!updated) {
      throw new Error('footage request update returned no row')
    }
    await tx.insert(caseEvents).values({
      caseId: row.c.id,
      type: 'footage_request',
      actorType: 'citizen',
      internal: true,
      body: note,
      data: { requestId: updated.id, answer: input.answer, cameraId: updated.cameraId },
      createdAt: now,
    })
    const [touched] = await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, row.c.id)).returning()
    await notifyCaseChange(tx, touched ?? row.c, 'updated')
    return { ok: true, request: updated } as const
  }
}
