import { describe, expect, it } from 'vitest'
import type { UserInput } from '../../../bot/conversation/types.js'
import { answer } from '../../../bot/lost-documents/chat/answers.js'
import { emptyCollected } from '../../../bot/lost-documents/chat/flow-state.js'
import type { Collected, Step, StepContext } from '../../../bot/lost-documents/chat/kit.js'

// Issue #8 (verification): Thai answers close with a polite particle ("…ค่ะ", "…ครับ"). Typed into the chat flow, it
// reached the report, the officers' page and the official PDF ("นางสาวสมหญิง ใจดีค่ะ", "จังหวัดระยองค่ะ").
const ctx: StepContext = { lang: 'th', now: new Date('2026-12-03T07:00:00Z'), types: [] }
const text = (t: string): UserInput => ({ kind: 'text', text: t }) as UserInput

function stored(step: Step, typed: string, d: Collected = emptyCollected()): Collected {
  const out = answer(step, text(typed), ctx, d)
  if (!out || !('data' in out)) {
    throw new Error(`${step}: "${typed}" was refused: ${JSON.stringify(out)}`)
  }
  return out.data
}

describe('a field typed in the chat flow is stored without its polite ending', () => {
  it.each([
    ['นางสาวสมหญิง ใจดีค่ะ', 'นางสาวสมหญิง ใจดี'],
    ['นายสมชาย ใจดี ครับ', 'นายสมชาย ใจดี'],
    ['สมชาย ใจดีครับผม', 'สมชาย ใจดี'],
    ['Somchai Jaidee', 'Somchai Jaidee'],
  ])('name "%s" → "%s"', (typed, name) => {
    expect(stored('name', typed).declarantName).toBe(name)
  })

  it.each([
    ['province', 'ระยองค่ะ', 'ระยอง'],
    ['subdistrict', 'ท่าประดู่ครับ', 'ท่าประดู่'],
    ['road', 'สุขุมวิทนะคะ', 'สุขุมวิท'],
    ['postcode', '21000 ค่ะ', '21000'],
  ] as const)('address %s "%s" → "%s"', (step, typed, value) => {
    expect(stored(step, typed).address[step]).toBe(value)
  })

  it('the place and the phone', () => {
    expect(stored('where', 'ตลาดเทศบาลระยองค่ะ').placeText).toBe('ตลาดเทศบาลระยอง')
    expect(stored('phone', '081-234-5678 ค่ะ').phone).toBe('0812345678')
  })

  it('the story keeps its words, and a particle alone is not emptied', () => {
    expect(stored('circumstances', 'ลืมกระเป๋าไว้บนรถสองแถวค่ะ').circumstances).toBe('ลืมกระเป๋าไว้บนรถสองแถวค่ะ')
    expect(stored('where', 'ค่ะ').placeText).toBe('ค่ะ')
  })
})
