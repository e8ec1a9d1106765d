import type { Feature, QuickReplyItem, TurnResult } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'
import { openThreadOf } from '../open-consultation.js'
import { tc } from '../texts/index.js'
import { endItem, pb, qrPostback, say } from './kit.js'

/** LINE takes at most five messages in one reply. */
const MAX_REPLY_MESSAGES = 5

/**
 * Another service answered while the citizen's consultation is open (the menu, the rich menu's station tile, "my
 * reports", a language switch): its answer is followed by a line saying the consultation is still open, with "back
 * to my question" and "end" in front of the answer's own quick replies (LINE shows only the last message's). Not
 * after a flow was started (a lost-document report's question must keep its buttons), nor past five messages.
 */
export function withWayBack(feature: Feature): Feature {
  return {
    ...feature,
    async handle(turn, ctx) {
      const result = await feature.handle(turn, ctx)
      if (!result || result.messages.length === 0 || result.messages.length >= MAX_REPLY_MESSAGES) {
        return result
      }
      const flowAfter = result.state === undefined ? turn.state : result.state
      if (flowAfter) {
        return result
      }
      const thread = await openThreadOf(turn.tx, turn.citizen.id, turn.now)
      if (!thread || thread.closed) {
        return result
      }
      return appendWayBack(result, result.language ?? turn.lang, thread.case)
    },
  }
}

function appendWayBack(result: TurnResult, lang: 'th' | 'en', c: { id: string; referenceNumber: string }): TurnResult {
  const messages = [...result.messages]
  const last = messages.pop() as LineMessage & { quickReply?: { items: QuickReplyItem[] } }
  const { quickReply, ...bare } = last
  const items = [
    qrPostback(tc(lang, 'thread.back'), pb('back', { c: c.id })),
    endItem(lang, c.id),
    ...(quickReply?.items ?? []),
  ]
  return {
    ...result,
    messages: [...messages, bare as LineMessage, say(tc(lang, 'thread.wayBack', { ref: c.referenceNumber }), items)],
  }
}
