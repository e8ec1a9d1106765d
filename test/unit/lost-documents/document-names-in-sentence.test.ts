import { describe, expect, it } from 'vitest'
import type { Collected, StepContext } from '../../../bot/lost-documents/chat/kit.js'
import { ask } from '../../../bot/lost-documents/chat/questions.js'
import { inSentence } from '../../../bot/lost-documents/document-types.js'
import type { DocumentType } from '../../../db/schema/index.js'

// Issue #8, point 8 (copy): a document name inside an English sentence is a common noun, written lower case
// ("Type the number of your passport", not "your Passport"); proper nouns and acronyms keep their capitals.
const type = (code: string, nameTh: string, nameEn: string): DocumentType => ({
  code,
  nameTh,
  nameEn,
  policy: 'issue_now',
  reasonTh: null,
  reasonEn: null,
  hasNumber: true,
  issuers: [],
  sortOrder: 0,
  active: true,
  updatedAt: new Date(),
})
const types = [
  type('driving_licence', 'ใบอนุญาตขับรถ', 'Driving licence'),
  type('thai_id_card', 'บัตรประจำตัวประชาชน', 'Thai national ID card'),
  type('atm_card', 'บัตรเอทีเอ็ม / บัตรเดบิต', 'ATM / debit card'),
]
const collected = (over: Partial<Collected> = {}): Collected => ({ address: {}, items: [], ...over })
const textOf = (lang: 'th' | 'en', step: 'idNumber' | 'itemNumber', data: Collected) => {
  const ctx: StepContext = { lang, now: new Date(), types }
  return ask(step, ctx, data)
    .map((m) => (m.type === 'text' ? m.text : ''))
    .join('\n')
}

describe('document names inside English sentences', () => {
  it.each([
    ['Passport', 'passport'],
    ['Driving licence', 'driving licence'],
    ['Alien ID card', 'alien ID card'],
    ['Work permit', 'work permit'],
    ['Other document', 'other document'],
    ['Thai ID card', 'Thai ID card'],
    ['Thai national ID card', 'Thai national ID card'],
    ['ATM / debit card', 'ATM / debit card'],
    ['ID card', 'ID card'],
  ])('"%s" → "%s"', (name, expected) => {
    expect(inSentence(name, 'en')).toBe(expected)
  })

  it('Thai is left as it is', () => {
    expect(inSentence('หนังสือเดินทาง', 'th')).toBe('หนังสือเดินทาง')
  })

  it('asks "Type the number of your passport" (the button still says "Passport")', () => {
    const text = textOf('en', 'idNumber', collected({ idType: 'passport' }))
    expect(text).toContain('Type the number of your passport ')
    expect(text).not.toContain('Passport')
    expect(textOf('en', 'idNumber', collected({ idType: 'work_permit' }))).toContain('your work permit ')
    expect(textOf('en', 'idNumber', collected({ idType: 'thai_id' }))).toContain('your Thai ID card ')
    expect(textOf('th', 'idNumber', collected({ idType: 'passport' }))).toContain('หนังสือเดินทาง')
  })

  it('asks "The number of the driving licence", keeping "ATM" and "Thai" capitalised', () => {
    const item = (documentType: string) => collected({ item: { documentType } })
    expect(textOf('en', 'itemNumber', item('driving_licence'))).toContain('The number of the driving licence ')
    expect(textOf('en', 'itemNumber', item('atm_card'))).toContain('The number of the ATM / debit card ')
    expect(textOf('en', 'itemNumber', item('thai_id_card'))).toContain('The number of the Thai national ID card ')
    expect(textOf('th', 'itemNumber', item('driving_licence'))).toContain('ใบอนุญาตขับรถ')
  })
})
