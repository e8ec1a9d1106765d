import { describe, expect, it } from 'vitest'
import { isFullName } from '../../../bot/contracts/lost-documents/rules.js'
import { readInput } from '../../../bot/conversation/input.js'
import type { UserInput } from '../../../bot/conversation/types.js'
import type { LineEvent } from '../../../bot/line/events.schema.js'
import { choiceOf, isSkip } from '../../../bot/lost-documents/chat/choices.js'
import { nextStep, startEdit } from '../../../bot/lost-documents/chat/edit.js'
import { commandOf } from '../../../bot/lost-documents/chat/entry.js'
import { newFlow } from '../../../bot/lost-documents/chat/flow-state.js'
import { FREE_TEXT, hint, type Step, type StepContext } from '../../../bot/lost-documents/chat/kit.js'
import { lostDocTexts } from '../../../bot/lost-documents/texts/index.js'
import type { DocumentType } from '../../../db/schema/index.js'

const text = (t: string): UserInput =>
  readInput({ type: 'message', message: { type: 'text', id: '1', text: t } } as unknown as LineEvent)
const tap = (data: string): UserInput => readInput({ type: 'postback', postback: { data } } as unknown as LineEvent)

const type = (code: string, nameTh: string, nameEn: string) =>
  ({ code, nameTh, nameEn, hasNumber: true, issuers: [], active: true }) as unknown as DocumentType
const types = [
  type('thai_id_card', 'บัตรประจำตัวประชาชน', 'Thai national ID card'),
  type('thai_passport', 'หนังสือเดินทางไทย', 'Thai passport'),
  type('foreign_passport', 'หนังสือเดินทางต่างประเทศ', 'Foreign passport'),
  type('atm_card', 'บัตรเอทีเอ็ม / บัตรเดบิต', 'ATM / debit card'),
  type('driving_licence', 'ใบอนุญาตขับขี่', 'Driving licence'),
]
const ctx = (lang: 'th' | 'en'): StepContext => ({ lang, now: new Date(), types })

describe('a tapped option can also be typed', () => {
  it.each<[Step, string, string, string | null]>([
    ['idType', 'บัตรประชาชน', 'idt', 'thai_id'],
    ['idType', 'บัตรประชาชนค่ะ', 'idt', 'thai_id'],
    ['idType', 'passport', 'idt', 'passport'],
    ['idType', 'พาสปอร์ตครับ', 'idt', 'passport'],
    ['idType', 'บัตรชมพู', 'idt', 'alien_id'],
    ['idType', 'work permit', 'idt', 'work_permit'],
    ['reuse', 'ใช้ข้อมูลเดิม', 'reuse', '1'],
    ['reuse', 'ใช่ครับ', 'reuse', '1'],
    ['reuse', 'กรอกใหม่', 'reuse', '0'],
    ['moreItems', 'ไม่มีแล้ว', 'more', '0'],
    ['moreItems', 'ไม่มีแล้วค่ะ', 'more', '0'],
    ['moreItems', 'no', 'more', '0'],
    ['moreItems', 'เพิ่มเอกสาร', 'more', '1'],
    ['moreItems', 'มีอีกครับ', 'more', '1'],
    ['when', 'ระบุเป็นช่วง', 'range', null],
    ['when', 'ไม่แน่ใจ', 'range', null],
    ['consent', 'ยินยอม', 'consent', '1'],
    ['consent', 'ยินยอมครับ', 'consent', '1'],
    ['consent', 'ไม่ยินยอม', 'consent', '0'],
    ['consent', 'I consent', 'consent', '1'],
    ['consent', 'ใช่', 'consent', '1'],
    ['declaration', 'ยืนยันและส่ง', 'declare', null],
    ['declaration', 'ยืนยัน', 'declare', null],
    ['declaration', 'แก้ไข', 'edit', null],
    ['declaration', 'Edit', 'edit', null],
    ['edit', 'ที่อยู่', 'edit', 'address'],
    ['edit', 'เบอร์โทร', 'edit', 'phone'],
    ['edit', 'What happened', 'edit', 'story'],
    ['edit', 'กลับไปหน้าสรุป', 'edit', 'back'],
    ['resume', 'ทำต่อ', 'resume', null],
    ['resume', 'continue', 'resume', null],
    ['resume', 'เริ่มกรอกใหม่', 'restart', null],
    ['itemType', 'บัตรประชาชน', 'doc', 'thai_id_card'],
    ['itemType', 'ใบขับขี่หายครับ', 'doc', 'driving_licence'],
    ['itemType', 'ATM', 'doc', 'atm_card'],
  ])('at %s, "%s" is the %s=%s button', (step, typed, x, v) => {
    expect(choiceOf(step, text(typed), ctx('th'))).toMatchObject({ x, v })
  })

  it('a bare "passport" is the citizen\'s own: Thai in Thai, foreign in English', () => {
    expect(choiceOf('itemType', text('passport'), ctx('th'))).toMatchObject({ v: 'thai_passport' })
    expect(choiceOf('itemType', text('passport'), ctx('en'))).toMatchObject({ v: 'foreign_passport' })
  })

  it.each<[Step, string]>([
    ['consent', 'ครับ'], // consent is given explicitly, not by a bare acknowledgement
    ['declaration', 'ok'], // nor is the s.137 declaration
    ['idType', 'บัตร'], // which card?
    ['moreItems', 'สวัสดีครับ'],
    ['itemType', 'กระเป๋า'],
  ])('at %s, "%s" is no option', (step, typed) => {
    expect(choiceOf(step, text(typed), ctx('th'))).toBeUndefined()
  })

  it('"skip" typed as the whole answer, never inside one', () => {
    for (const t of ['ข้าม', 'ไม่มี', 'ไม่มีครับ', '-', 'skip', 'None', 'ไม่ทราบ']) {
      expect(isSkip(text(t)), t).toBe(true)
    }
    for (const t of ['ซอยไม่มีชื่อ', 'หมู่บ้านสุขใจ', '12']) {
      expect(isSkip(text(t)), t).toBe(false)
    }
    expect(isSkip(tap('a=ld&x=skip'))).toBe(true)
  })
})

describe('what a message asks of the lost-document service', () => {
  it.each([
    ['แจ้งเอกสารหาย', 'start'],
    ['ทำบัตรประชาชนหายครับ', 'start'],
    ['I lost my passport', 'start'],
    ['กระเป๋าสตางค์หล่นหายระหว่างเดินตลาด', 'offer'],
    ['I lost my wallet on the bus', 'offer'],
    ['เรื่องที่ฉันแจ้ง', 'mine'],
    ['ติดตามสถานะค่ะ', 'mine'],
    ['ยกเลิก', 'cancel'],
    ['ยกเลิกค่ะ', 'cancel'],
    ['ยกเลิกบัตรไปแล้ว', undefined],
    ['สวัสดีครับ', undefined],
  ])('"%s" → %s', (message, command) => {
    expect(commandOf(text(message))).toBe(command)
  })

  it('buttons: the entry, "answer in chat", my reports, cancel, and "continue my report"', () => {
    expect(commandOf(tap('a=ld'))).toBe('start')
    expect(commandOf(tap('a=ld&x=chat'))).toBe('chat')
    expect(commandOf(tap('a=ld&x=mine'))).toBe('mine')
    expect(commandOf(tap('a=ld&x=cancel'))).toBe('cancel')
    expect(commandOf(tap('a=resume'))).toBe('resume')
    expect(commandOf(tap('a=station'))).toBeUndefined()
  })
})

describe('names, hints, editing', () => {
  it('ชื่อ-นามสกุล needs a first and a family name; a title is neither', () => {
    for (const n of ['นายสมชาย ใจดี', 'สมชาย ใจดี', 'น.ส.มาลี ศรีสุข', 'Anna Smith', 'Mr John Smith']) {
      expect(isFullName(n), n).toBe(true)
    }
    for (const n of ['สมชาย', 'นายสมชาย', 'นาย สมชาย', 'นายสมชายใจดี', 'Anna', 'Mrs Smith']) {
      expect(isFullName(n), n).toBe(false)
    }
  })

  it('a free-text step is never answered with "choose from the buttons"', () => {
    for (const step of FREE_TEXT) {
      for (const lang of ['th', 'en'] as const) {
        expect(hint(lang, step), `${lang} ${step}`).not.toBe(lostDocTexts[lang]['answer.useButtons'])
      }
    }
  })

  it('an edited answer leads back to the summary once complete (an address is nine steps)', () => {
    const flow = startEdit(newFlow('declaration', new Date()), 'address')
    expect(flow).toMatchObject({ step: 'houseNo', editing: true })
    expect(nextStep({ ...flow, step: 'houseNo' }, 'village')).toEqual({ step: 'village', editing: true })
    expect(nextStep({ ...flow, step: 'postcode' }, 'itemType')).toEqual({ step: 'declaration', editing: false })
    const items = startEdit({ ...newFlow('declaration', new Date()) }, 'items')
    expect(items.data.items).toEqual([])
    expect(nextStep({ ...items, step: 'moreItems' }, 'itemType').step).toBe('itemType')
    expect(nextStep({ ...items, step: 'moreItems' }, 'when').step).toBe('declaration')
    // Not editing: the usual order.
    expect(nextStep(newFlow('circumstances', new Date()), 'consent').step).toBe('consent')
  })
})
