import { and, eq, ne, or, sql } from 'drizzle-orm'
import { accessRequests, inboundEvents, outboundMessages } from '../../db/schema/index.js'
import type { PersonalDataPart } from './parts.js'

/** The purpose of the LINE message that answers a citizen's PDPA request (it goes even to a "do not contact" user). */
export const PRIVACY_ANSWER_PURPOSE = 'privacy-answer'

/**
 * What the pipe keeps under a LINE user ID: their inbox events (already without their words once processed), the
 * messages the OA sent them (texts, signed links) and a request for officers' access they may have made. The
 * answer to their erasure request is kept until it is delivered (the retention job deletes it right after).
 */
export const lineTracesPersonalData: PersonalDataPart = {
  name: 'line',
  async eraseCitizen(tx, citizen) {
    const id = citizen.lineUserId
    const inbound = await tx
      .delete(inboundEvents)
      .where(or(eq(inboundEvents.lineUserId, id), eq(inboundEvents.chatKey, id)))
      .returning({ id: inboundEvents.id })
    const outbound = await tx
      .delete(outboundMessages)
      .where(
        and(
          eq(outboundMessages.to, id),
          or(ne(outboundMessages.purpose, PRIVACY_ANSWER_PURPOSE), ne(outboundMessages.status, 'pending')),
        ),
      )
      .returning({ id: outboundMessages.id })
    // A multicast row names hundreds of people: only this one leaves it.
    const multicast = await tx
      .update(outboundMessages)
      .set({ recipients: sql`array_remove(${outboundMessages.recipients}, ${id})` })
      .where(sql`${id} = any(${outboundMessages.recipients})`)
      .returning({ id: outboundMessages.id })
    const access = await tx
      .delete(accessRequests)
      .where(and(eq(accessRequests.lineUserId, id), ne(accessRequests.status, 'approved')))
      .returning({ id: accessRequests.id })
    return {
      inbound_events: inbound.length,
      outbound_messages: outbound.length + multicast.length,
      access_requests: access.length,
    }
  },
}
