import { and, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { cameras, caseEvents, type FootageRequest, footageRequests } from '../../../db/schema/index.js'
import type { FootageAnswer } from '../../contracts/cameras.js'

/**
 * A camera owner's answer to a footage request (LINE postback or the LIFF page). MINIMAL stand-in owned by
 * cam-requests (their version replaces this file at merge): checks the citizen owns the request's camera, sets the
 * status, answered_at and answer_note, and writes a 'footage_request' timeline entry.
 */
export async function answerFootageRequest(
  db: Db,
  input: { requestId: string; citizenId: string; answer: FootageAnswer; note?: string | null },
  now: Date = new Date(),
): Promise<{ ok: true; request: FootageRequest } | { ok: false; code: 'not_found' | 'closed' }> {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select({ request: footageRequests })
      .from(footageRequests)
      .innerJoin(cameras, eq(cameras.id, footageRequests.cameraId))
      .where(and(eq(footageRequests.id, input.requestId), eq(cameras.citizenId, input.citizenId)))
      .limit(1)
      .for('update', { of: footageRequests })
    if (!row) {
      return { ok: false, code: 'not_found' }
    }
    if (['received', 'closed', 'cancelled'].includes(row.request.status)) {
      return { ok: false, code: 'closed' }
    }
    const [request] = await tx
      .update(footageRequests)
      .set({ status: input.answer, answeredAt: now, answerNote: input.note ?? null, updatedAt: now })
      .where(eq(footageRequests.id, input.requestId))
      .returning()
    if (!request) {
      return { ok: false, code: 'not_found' }
    }
    await tx.insert(caseEvents).values({
      caseId: request.caseId,
      type: 'footage_request',
      actorType: 'citizen',
      internal: true,
      data: { action: 'answered', requestId: request.id, answer: input.answer },
      createdAt: now,
    })
    return { ok: true, request }
  })
}
