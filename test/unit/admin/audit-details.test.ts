import { describe, expect, it } from 'vitest'
import { auditDetailsText } from '../../../liff/admin/src/i18n/audit-details.js'

// Issue #8 (verification): the officers' audit page showed details as raw JSON ({"reason":"…","to":"issued"}).
describe('audit details in words', () => {
  it('labels the keys officers meet, in Thai and English', () => {
    expect(auditDetailsText('th', { field: 'declarantName', reason: 'ตรวจสอบตัวตน' })).toBe(
      'ข้อมูล: declarantName · เหตุผล: ตรวจสอบตัวตน',
    )
    expect(auditDetailsText('en', { reason: 'not_an_officer' })).toBe('Reason: not_an_officer')
  })

  it('shows a change as before → after, booleans as words, and never JSON braces', () => {
    const text = auditDetailsText('th', { active: { from: true, to: false }, rows: 12, truncated: false })
    expect(text).toBe('ใช้งาน: ใช่ → ไม่ใช่ · จำนวนแถว: 12 · ตัดเหลือบางส่วน: ไม่ใช่')
    expect(auditDetailsText('en', { filters: { action: 'case.view', from: '' } })).toBe('Filters: (action case.view)')
    expect(text).not.toMatch(/[{}"]/)
  })

  it('puts words on values through the page tables (a field, a status)', () => {
    const words = { field: (v: string) => (v === 'declarantName' ? 'ชื่อ-นามสกุล' : v), to: (v: string) => `[${v}]` }
    expect(auditDetailsText('th', { field: 'declarantName', to: 'issued' }, words)).toBe(
      'ข้อมูล: ชื่อ-นามสกุล · เป็น: [issued]',
    )
  })

  it('is empty without details', () => {
    expect(auditDetailsText('th', null)).toBe('')
    expect(auditDetailsText('en', {})).toBe('')
  })
})
