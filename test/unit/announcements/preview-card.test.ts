import { describe, expect, it } from 'vitest'
import {
  type AnnouncementDraft,
  announcementCard,
  announcementMessages,
  aspectRatio,
  draftProblems,
} from '../../../bot/contracts/announcement-card.js'
import { messageRules } from '../../../bot/emulator/spec/message-rules.js'
import { specValidator } from '../../../bot/emulator/spec/spec-validator.js'

// Issue #14: what the composer builds must be what LINE accepts (the emulator's own spec validator and limits).
function lineErrors(messages: unknown[]) {
  const v = specValidator('messaging-api.yml')
  return [...v.validate('PushMessageRequest', { to: `U${'0'.repeat(32)}`, messages }), ...messageRules(messages)]
}

const image = {
  originalContentUrl: 'https://rsz.example/api/announcement-images/0b9c/',
  previewImageUrl: 'https://rsz.example/api/announcement-images/0b9c/preview',
  width: 1365,
  height: 2048,
}
const draft = (patch: Partial<AnnouncementDraft>): AnnouncementDraft => ({
  kind: 'card',
  th: { headline: 'ปิดถนนสุขุมวิท', body: 'วันที่ 5 ธ.ค. 2569 เวลา 06:00–12:00 น.', linkLabel: 'ดูแผนที่' },
  en: { headline: '', body: '', linkLabel: '' },
  image,
  linkUrl: 'https://rsz.example/map',
  topic: { th: 'ปิดถนน / การจราจร', en: 'Road closures and traffic' },
  ...patch,
})

describe('announcement messages', () => {
  it('a card with picture, topic, headline, body and a link button is a valid Flex message', () => {
    const messages = announcementMessages(draft({}))
    expect(messages.en).toBeUndefined()
    expect(lineErrors(messages.th)).toEqual([])
    const card = messages.th[0] as { contents: { hero: { aspectRatio: string }; footer: unknown } }
    expect(card.contents.hero.aspectRatio).toBe('1365:2048')
    expect(JSON.stringify(card)).toContain('ดูแผนที่')
  })

  it('English readers get their own messages only when English was written', () => {
    const both = announcementMessages(
      draft({ en: { headline: 'Sukhumvit closed', body: '5 Dec 2026, 06:00–12:00', linkLabel: 'See the map' } }),
    )
    expect(lineErrors(both.en ?? [])).toEqual([])
    expect(JSON.stringify(both.en)).toContain('Road closures and traffic')
    expect(JSON.stringify(both.th)).not.toContain('Sukhumvit')
  })

  it('text and image kinds; a long text is cut to LINE’s limits; a tall picture is clamped to 1:3', () => {
    const text = announcementMessages(
      draft({ kind: 'text', th: { headline: 'หัวข้อ', body: 'ก'.repeat(6000), linkLabel: '' } }),
    )
    expect(lineErrors(text.th)).toEqual([])
    expect((text.th[0] as { text: string }).text.length).toBe(5000)
    const pic = announcementMessages(draft({ kind: 'image', th: { headline: '', body: '', linkLabel: '' } }))
    expect(pic.th).toHaveLength(1)
    expect(lineErrors(pic.th)).toEqual([])
    expect(aspectRatio({ width: 100, height: 900 })).toBe('100:300')
    expect(lineErrors([announcementCard({ headline: '', body: '', image: null, link: null })])).toEqual([])
    // The checker itself refuses what LINE refuses.
    expect(
      lineErrors([{ type: 'flex', altText: 'x', contents: { type: 'bubble', hero: { type: 'image' } } }]),
    ).not.toEqual([])
  })

  it('says what keeps a draft from being sent', () => {
    expect(draftProblems(draft({}))).toEqual([])
    expect(draftProblems(draft({ kind: 'image', image: null }))).toEqual(['no_image'])
    expect(draftProblems(draft({ linkUrl: 'http://x.example' }))).toEqual(['bad_link'])
    expect(draftProblems(draft({ kind: 'text', th: { headline: '', body: ' ', linkLabel: '' } }))).toEqual(['no_text'])
  })
})
