import { describe, expect, it } from 'vitest'
import { typedEnd } from '../../../bot/consultation/chat/end.js'
import { receiptText, whenText } from '../../../bot/consultation/chat/receipt.js'
import { typedTopic } from '../../../bot/consultation/chat/topics.js'
import { consultationTexts } from '../../../bot/consultation/texts/index.js'
import { CONSULTATION_TOPICS } from '../../../bot/contracts/consultations.js'

const ALL = [...CONSULTATION_TOPICS]

describe('consultation chat: pure parts', () => {
  it('dates in Asia/Bangkok: "today" on the same Bangkok day, else the weekday and the Buddhist-Era date', () => {
    // 23:30 UTC on 8 Dec is already 06:30 on Wednesday 9 Dec in Bangkok.
    const now = new Date('2026-12-08T23:30:00Z')
    expect(whenText('th', new Date('2026-12-09T07:00:00Z'), now)).toBe('วันนี้ เวลา 14:00 น.')
    expect(whenText('en', new Date('2026-12-09T07:00:00Z'), now)).toBe('today at 14:00')
    expect(whenText('th', new Date('2026-12-14T01:30:00Z'), now)).toBe('วันจันทร์ที่ 14 ธ.ค. 2569 เวลา 08:30 น.')
    expect(whenText('en', new Date('2026-12-14T01:30:00Z'), now)).toBe('Monday, 14 Dec 2026 at 08:30')
  })

  it('the receipt: number, topic, opening out of hours, when to expect, disclaimer with 191', () => {
    const text = receiptText('th', {
      ref: 'RYG-CON-2569-000001',
      topic: 'scam',
      now: new Date('2026-12-11T11:00:00Z'),
      expectedBy: new Date('2026-12-14T05:30:00Z'),
      outOfHours: true,
      opensAt: new Date('2026-12-14T01:30:00Z'),
    })
    expect(text.split('\n\n')).toEqual([
      'รับเรื่องปรึกษาแล้วครับ',
      'เลขที่เรื่อง: RYG-CON-2569-000001\nหัวข้อ: ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์',
      'ขณะนี้อยู่นอกเวลาทำการ สถานีเปิดทำการอีกครั้ง วันจันทร์ที่ 14 ธ.ค. 2569 เวลา 08:30 น.\nเจ้าหน้าที่จะตอบในแชตนี้ภายในวันจันทร์ที่ 14 ธ.ค. 2569 เวลา 12:30 น.',
      expect.stringContaining('โทร 191'),
      'ส่งข้อความ รูปภาพ หรือไฟล์เพิ่มเติมในแชตนี้ได้เลย',
    ])
  })

  it.each([
    ['โดนโกงครับ', 'scam'],
    ['แก๊งคอลเซ็นเตอร์', 'scam'],
    ['หนี้นอกระบบค่ะ', 'debt'],
    ['อุบัติเหตุ', 'traffic'],
    ['นายจ้างครับ', 'labour'],
    ['เพื่อนบ้าน', 'property'],
    ['Online harassment', 'cyber'],
    ['something else', 'other'],
    ['ครอบครัว/มรดก', 'family'],
  ])('typed topic "%s" → %s', (text, topic) => {
    expect(typedTopic(text, ALL)).toBe(topic)
  })

  it('a topic the station does not offer, or no topic at all, is not read as one', () => {
    expect(typedTopic('โดนโกง', ['family', 'other'])).toBeUndefined()
    expect(typedTopic('สวัสดีครับ', ALL)).toBeUndefined()
  })

  it('"end" typed only as the whole message', () => {
    expect(typedEnd('จบการสนทนา')).toBe(true)
    expect(typedEnd('end chat')).toBe(true)
    expect(typedEnd('จบการสนทนาครับ')).toBe(true)
    expect(typedEnd('สัญญาจ้างจบเมื่อไหร่ครับ')).toBe(false)
    expect(typedEnd('the end of my contract')).toBe(false)
  })

  it("every text in both languages; quick-reply labels within LINE's 20 characters", () => {
    expect(Object.keys(consultationTexts.en).sort()).toEqual(Object.keys(consultationTexts.th).sort())
    for (const lang of ['th', 'en'] as const) {
      const t = consultationTexts[lang]
      const labels = [
        ...CONSULTATION_TOPICS.map((topic) => t[`topic.${topic}`]),
        t['answers.sufficed'],
        t['answers.more'],
        t['thread.end'],
        t['thread.back'],
        t['rating.noComment'],
        t['common.cancel'],
        t['menu.label'],
      ]
      for (const label of labels) {
        expect(label.length, label).toBeLessThanOrEqual(20)
      }
    }
  })
})
