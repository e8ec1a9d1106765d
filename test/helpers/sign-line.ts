import { createHmac, randomUUID } from 'node:crypto'

export const TEST_CHANNEL_SECRET = 'emulator-channel-secret'

export function sign(body: string | Buffer, secret = TEST_CHANNEL_SECRET): string {
  return createHmac('sha256', secret).update(body).digest('base64')
}

let seq = 0
/** A LINE text message event, as LINE sends it (enough for the pipe; the emulator builds the full shape). */
export function textEvent(userId: string, text: string, at = Date.now()) {
  seq += 1
  return {
    type: 'message',
    mode: 'active',
    timestamp: at,
    webhookEventId: `01TEST${String(seq).padStart(8, '0')}${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`,
    deliveryContext: { isRedelivery: false },
    source: { type: 'user', userId },
    replyToken: randomUUID().replaceAll('-', ''),
    message: { id: String(1e15 + seq), type: 'text', text, quoteToken: randomUUID() },
  }
}

export function callback(events: object[], destination = `U${'0'.repeat(32)}`) {
  return JSON.stringify({ destination, events })
}
