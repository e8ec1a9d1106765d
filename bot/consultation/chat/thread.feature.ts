import { interruptionOf, understandingOf } from '../../conversation/input.js'
import type { Feature, Turn } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { addCitizenMessage } from '../messages/thread.js'
import { openThreadOf, reopenByCitizen, type Thread } from '../open-consultation.js'
import { tc } from '../texts/index.js'
import type { CloseDeps } from '../workflow/close.js'
import { endByCitizen, typedEnd } from './end.js'
import { endItem, say, textOf } from './kit.js'
import { rate } from './rating.js'

/**
 * Acknowledge a message only when the citizen starts writing again after a pause: a reply spends the event's reply
 * token, and an officer answering within its life sends for free (issue #12, point 5), so a burst of messages is
 * answered once and the rest stay silent.
 */
export const ACK_AFTER_QUIET_MS = 15 * 60 * 1000

const SOCIAL = ['greeting', 'thanks', 'yes', 'no']

/** A clear request to another service ("ข้อมูลสถานี", "แจ้งเอกสารหาย", "ปรึกษากฎหมาย"): that service answers. */
function forOthers(turn: Turn): boolean {
  const m = understandingOf(turn.input)?.intent
  return Boolean(m && m.strength !== 'mention' && !SOCIAL.includes(m.id) && m.id !== 'cancel')
}

/** Only small talk ("ขอบคุณครับ", "ok", a sticker): after a close it is a goodbye, not a new question. */
function onlySocial(turn: Turn): boolean {
  const { input } = turn
  if (input.kind === 'other') {
    return input.messageType === 'sticker'
  }
  const m = understandingOf(input)?.intent
  return Boolean(m && m.strength !== 'mention' && SOCIAL.includes(m.id))
}

/** "5" typed while the rating question is open reads as the score. */
function typedScore(turn: Turn, thread: Thread): number | undefined {
  const text = textOf(turn.input)
  const k = thread.consultation
  const open = k.ratingAskedAt && !k.ratedAt && k.ratingExpiresAt && k.ratingExpiresAt > turn.now
  return open && text && /^[1-5]$/.test(text) ? Number(text) : undefined
}

/**
 * The consultation's thread (issue #12, point 3): while the citizen's consultation is open, whatever they send (text,
 * photo, video, voice, file, sticker, location; "สวัสดีครับ" too: it is said to the officer) joins it as `message_in`.
 * It reads no message inside a flow, and lets requests to other services through (the menu, the rich menu, "ข้อมูล
 * สถานี"): they answer, and then say how to come back (way-back.ts). Within the re-open window after a close, a
 * message re-opens the same consultation; small talk and stickers do not (a "thank you" is no new question).
 */
export function createThreadFeature({
  cipher,
  close,
}: {
  cipher: Pick<PiiCipher, 'encrypt'>
  close: CloseDeps
}): Feature {
  return {
    id: 'consultation_thread',
    async handle(turn, ctx) {
      const { tx, input, citizen, now, lang } = turn
      if (turn.state || input.kind === 'postback' || forOthers(turn)) {
        return undefined
      }
      const found = await openThreadOf(tx, citizen.id, now)
      if (!found) {
        return undefined
      }
      const ref = found.case.referenceNumber
      const menu = [endItem(lang, found.case.id), ...ctx.mainMenu(lang).items]
      const text = textOf(input)
      if (!found.closed && text && typedEnd(text)) {
        return endByCitizen(turn, ctx, close, found.case.id)
      }
      if (!found.closed && interruptionOf(input) === 'cancel') {
        return { messages: [say(tc(lang, 'thread.cancel', { ref }), menu)] }
      }
      if (found.closed) {
        const score = typedScore(turn, found)
        if (score) {
          return rate(turn, ctx, { caseId: found.case.id, rating: score })
        }
        if (onlySocial(turn) || interruptionOf(input) === 'cancel') {
          return undefined
        }
      }
      const thread = found.closed ? await reopenByCitizen(tx, found, now) : found
      const quiet = found.consultation.lastCitizenMessageAt
      await addCitizenMessage(tx, { cipher }, { ...thread, event: turn.event, input, now })
      if (found.closed) {
        return { messages: [say(tc(lang, 'thread.reopened', { ref }), menu)] }
      }
      if (quiet && now.getTime() - quiet.getTime() < ACK_AFTER_QUIET_MS) {
        return { messages: [] }
      }
      const message = turn.event.message as { type?: string } | undefined
      const what = message?.type
      const ack =
        what === 'image' || what === 'video' || what === 'audio' || what === 'file'
          ? tc(lang, 'thread.ackMedia', { ref, what: tc(lang, `thread.media.${what}`) })
          : tc(lang, 'thread.ack', { ref })
      return { messages: [say(ack, menu)] }
    },
  }
}
