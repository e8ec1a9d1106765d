import type { messagingApi } from '@line/bot-sdk'
import type { LineMessage } from './line-client.js'

/** LINE refuses a quick-reply label over 20 characters: labels are clipped here (the full words go in displayText). */
const label = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)

/** A quick-reply button that answers with a postback (what the bot reads) and shows `displayText` in the chat. */
export function qrPostback(text: string, data: string, displayText = text): messagingApi.QuickReplyItem {
  return { type: 'action', action: { type: 'postback', label: label(text), data, displayText } }
}

/** A text with quick replies (at most 13, as LINE allows; the text cut at LINE's 5,000 characters). */
export function say(text: string, items: messagingApi.QuickReplyItem[] = []): LineMessage {
  const quick = items.slice(0, 13)
  return { type: 'text', text: text.slice(0, 5000), ...(quick.length > 0 ? { quickReply: { items: quick } } : {}) }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** A row ID from a postback (anyone can forge one): checked before it reaches a uuid column. */
export const idOf = (value: string | null): string | null => (value && UUID.test(value) ? value : null)
