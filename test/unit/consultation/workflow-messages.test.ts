import { describe, expect, it } from 'vitest'
import { RATING_ACTION, ratingQuestion } from '../../../bot/consultation/workflow/close.js'
import { escalationCard, waitedThai } from '../../../bot/consultation/workflow/escalation.js'
import type { Case } from '../../../db/schema/index.js'

const at = (iso: string) => new Date(iso)

describe('consultation workflow messages', () => {
  it('the rating question: five postbacks 5→1 within LINE’s label limit, in the citizen’s language', () => {
    for (const lang of ['th', 'en'] as const) {
      const m = ratingQuestion(lang, { id: 'c1', referenceNumber: 'RYG-CON-2569-000001' })
      expect(m.type).toBe('text')
      const items = m.quickReply?.items ?? []
      expect(items).toHaveLength(5)
      for (const [i, item] of items.entries()) {
        const action = item.action as { type: string; label: string; data: string }
        expect(action.type).toBe('postback')
        expect(action.label.length).toBeLessThanOrEqual(20)
        expect(Object.fromEntries(new URLSearchParams(action.data))).toEqual({
          a: RATING_ACTION,
          c: 'c1',
          r: String(5 - i),
        })
      }
      expect(m.type === 'text' && m.text).toContain('RYG-CON-2569-000001')
    }
  })

  it('how long a citizen has waited, as officers read it', () => {
    const from = at('2026-12-01T01:00:00Z')
    expect(waitedThai(from, at('2026-12-01T01:35:00Z'))).toBe('35 นาที')
    expect(waitedThai(from, at('2026-12-01T05:12:00Z'))).toBe('4 ชม. 12 นาที')
    expect(waitedThai(from, at('2026-12-03T04:00:00Z'))).toBe('2 วัน 3 ชม.')
    expect(waitedThai(from, at('2026-12-02T01:00:30Z'))).toBe('1 วัน')
  })

  it('the escalation card keeps the case card’s link and adds the topic and the wait', () => {
    const c = {
      id: '7b0e7a43-0a7e-4d55-9f4d-2f2f0e0f0a01',
      kind: 'consultation',
      referenceNumber: 'RYG-CON-2569-000042',
      status: 'waiting',
      priority: 'normal',
      summary: '',
      createdAt: at('2026-12-01T01:00:00Z'),
      dueAt: at('2026-12-01T05:00:00Z'),
      latitude: null,
      longitude: null,
    } as unknown as Case
    const card = escalationCard(c, 'labour', 'liff-admin', at('2026-12-01T05:30:00Z'))
    const json = JSON.stringify(card)
    expect(card.altText).toBe('⏰ ปรึกษากฎหมาย RYG-CON-2569-000042 ยังไม่มีผู้ตอบ')
    expect(json).toContain('แรงงาน / นายจ้าง')
    expect(json).toContain('รอคำตอบมาแล้ว 4 ชม. 30 นาที')
    expect(json).toContain(`https://liff.line.me/liff-admin/cases/${c.id}`)
  })
})
