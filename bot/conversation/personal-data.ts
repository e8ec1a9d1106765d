import { eq } from 'drizzle-orm'
import { conversationStates } from '../../db/schema/index.js'
import type { PersonalDataPart } from '../privacy/parts.js'

/** A chat's state (a flow in progress holds the answers so far, encrypted) is the citizen's: erased with them. */
export const conversationPersonalData: PersonalDataPart = {
  name: 'conversation',
  async eraseCitizen(tx, citizen) {
    const removed = await tx
      .delete(conversationStates)
      .where(eq(conversationStates.chatKey, citizen.lineUserId))
      .returning({ chatKey: conversationStates.chatKey })
    return { conversation_states: removed.length }
  },
}
