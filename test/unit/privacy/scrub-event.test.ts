import { describe, expect, it } from 'vitest'
import { isScrubbed, scrubLineEvent } from '../../../bot/privacy/scrub-event.js'

const base = {
  webhookEventId: '01HXYZ',
  timestamp: 1_780_000_000_000,
  mode: 'active',
  replyToken: 'reply-token-secret',
  source: { type: 'user', userId: `U${'a'.repeat(32)}` },
  deliveryContext: { isRedelivery: false },
}
const kept = {
  webhookEventId: '01HXYZ',
  timestamp: 1_780_000_000_000,
  mode: 'active',
  source: { type: 'user', userId: `U${'a'.repeat(32)}` },
  deliveryContext: { isRedelivery: false },
  scrubbed: true,
}

describe('scrubLineEvent: what a processed inbox event keeps', () => {
  it('a text message: its ID and type, not the text, quote token, emojis or mentions', () => {
    const out = scrubLineEvent({
      ...base,
      type: 'message',
      message: {
        id: '5001',
        type: 'text',
        text: 'เลขบัตร 1234567890121 โทร 0812345678',
        quoteToken: 'q',
        emojis: [{ index: 0, productId: 'p', emojiId: 'e' }],
        mention: { mentionees: [{ index: 0, length: 3, userId: 'U1' }] },
      },
    })
    expect(out).toEqual({ ...kept, type: 'message', message: { id: '5001', type: 'text' } })
    expect(JSON.stringify(out)).not.toMatch(/1234567890121|0812345678|reply-token/)
  })

  it('a location: no coordinates, title or address', () => {
    const out = scrubLineEvent({
      ...base,
      type: 'message',
      message: {
        id: '5002',
        type: 'location',
        title: 'บ้าน',
        address: '99/9 ซอยลับ',
        latitude: 12.68,
        longitude: 101.28,
      },
    })
    expect(out.message).toEqual({ id: '5002', type: 'location' })
  })

  it('a sticker: no keywords or text; a file: no file name', () => {
    const sticker = scrubLineEvent({
      ...base,
      type: 'message',
      message: { id: '1', type: 'sticker', packageId: '1', stickerId: '2', keywords: ['sad'], text: 'ร้องไห้' },
    })
    expect(sticker.message).toEqual({ id: '1', type: 'sticker' })
    const file = scrubLineEvent({
      ...base,
      type: 'message',
      message: { id: '2', type: 'file', fileName: 'บัตร.pdf', fileSize: 3 },
    })
    expect(file.message).toEqual({ id: '2', type: 'file' })
  })

  it('a postback: neither its data (the flows answers) nor its params (dates of birth)', () => {
    const out = scrubLineEvent({
      ...base,
      type: 'postback',
      postback: { data: 'a=ld&x=idn&v=1234567890121', params: { date: '1980-01-01' } },
    })
    expect(out).toEqual({ ...kept, type: 'postback', postback: {} })
  })

  it('follow, unfollow, join, member events, unsend: IDs only', () => {
    expect(scrubLineEvent({ ...base, type: 'follow', follow: { isUnblocked: true } })).toEqual({
      ...kept,
      type: 'follow',
    })
    const group = { type: 'group', groupId: `C${'b'.repeat(32)}`, userId: `U${'c'.repeat(32)}` }
    expect(
      scrubLineEvent({
        ...base,
        source: group,
        type: 'memberJoined',
        joined: { members: [{ type: 'user', userId: 'U9' }] },
      }),
    ).toMatchObject({ source: group, joined: { members: [{ type: 'user', userId: 'U9' }] } })
    expect(scrubLineEvent({ ...base, type: 'unsend', unsend: { messageId: '77' } })).toMatchObject({
      unsend: { messageId: '77' },
    })
  })

  it('an unknown event type or field LINE adds later is dropped (an allow-list), and it is idempotent', () => {
    const out = scrubLineEvent({ ...base, type: 'somethingNew', somethingNew: { secret: 'x' }, extra: 'y' })
    expect(out).toEqual({ ...kept, type: 'somethingNew' })
    expect(scrubLineEvent(out)).toEqual(out)
    expect(isScrubbed(out)).toBe(true)
    expect(isScrubbed(base)).toBe(false)
    expect(scrubLineEvent('not an object')).toEqual({ scrubbed: true })
  })
})
