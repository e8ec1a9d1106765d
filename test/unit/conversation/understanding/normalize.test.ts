import { describe, expect, it } from 'vitest'
import { analyze } from '../../../../bot/conversation/understanding/analyze.js'
import { boundedDistance } from '../../../../bot/conversation/understanding/distance.js'
import { fromEnglishLayout } from '../../../../bot/conversation/understanding/keyboard.js'
import { cleanText } from '../../../../bot/conversation/understanding/normalize.js'

describe('cleanText', () => {
  it.each([
    ['zero-width characters', 'ช่\u200Bวย\u200Cด้\u200Dวย\u2060\uFEFF', 'ช่วยด้วย'],
    ['Thai digits', 'โทร ๑๙๑', 'โทร 191'],
    ['Arabic-Indic digits', '١٩١', '191'],
    ['full-width letters, case', 'ＭＥＮＵ', 'menu'],
    ['emoji and punctuation', 'ไฟไหม้!!! 🔥🔥 (ด่วน)', 'ไฟไหม้ ด่วน'],
    ['emoji that mean something', '🆘', 'sos'],
    ['apostrophes', "I've been robbed", 'ive been robbed'],
    ['spacing', '  แจ้ง   บัตร\n\tหาย ', 'แจ้ง บัตร หาย'],
    ['runs of three or more letters', 'helppp ช่วยยยยย ครับบบบ', 'help ช่วย ครับ'],
    ['doubled Thai vowel or tone marks', 'ช่่วยด้้วย', 'ช่วยด้วย'],
    ['mai yamok', 'ช่วยด้วยๆๆ เร็ว ๆ', 'ช่วยด้วย เร็ว'],
    ['two SARA E for SARA AE', 'เเจ้งความ', 'แจ้งความ'],
    ['NIKHAHIT + SARA AA for SARA AM', 'ทําบัตรหาย', 'ทำบัตรหาย'],
    ['Thai misspellings', 'ฉุกเฉิญ สวัดดี หวัดดี ปรึกสา พาสปอต', 'ฉุกเฉิน สวัสดี สวัสดี ปรึกษา พาสปอร์ต'],
    ['Thai glued to Latin or digits', 'บัตรatmหาย โทร191', 'บัตร atm หาย โทร 191'],
  ])('%s', (_, input, expected) => {
    expect(cleanText(input)).toBe(expected)
  })

  it('keeps real double letters and every digit', () => {
    expect(cleanText('Good hello all ธรรม 0811112222')).toBe('good hello all ธรรม 0811112222')
  })

  it('does not rewrite a correct word that starts like a misspelling', () => {
    expect(cleanText('อุบัติเหตุ')).toBe('อุบัติเหตุ')
  })
})

describe('analyze: particles and segmentation', () => {
  it.each([
    ['ช่วยด้วยค่ะ', 'ช่วยด้วย'],
    ['ฉุกเฉินนะคะ', 'ฉุกเฉิน'],
    ['แจ้งบัตรหายคร้าบบ', 'แจ้งบัตรหาย'],
    ['ขอบคุณค้าบ', 'ขอบคุณ'],
    ['หวัดดีค่าา', 'สวัสดี'],
    ['ขอเมนูหน่อยนะครับ', 'ขอเมนู'],
    ['ไม่รับข่าวแล้วครัช', 'ไม่รับข่าวแล้ว'],
    ['สวัสดีครับ 😊 ขอเมนูหน่อยนะคะ', 'สวัสดี ขอเมนู'],
    ['ช่วยด้วยย', 'ช่วยด้วย'],
    ['ฮ่าๆ 55555 ขอบคุณครับ', 'ขอบคุณ'],
  ])('%s → %s', (input, normalized) => {
    expect(analyze(input).normalized).toBe(normalized)
  })

  it('keeps ด้วย in ช่วยด้วย and segments text without spaces', () => {
    expect(analyze('ช่วยด้วยมีคนตามหลังค่ะ').tokens).toEqual(['ช่วย', 'ด้วย', 'มี', 'คน', 'ตาม', 'หลัง'])
  })

  it('joins tokens for matching and records where each starts', () => {
    const a = analyze('แจ้ง บัตร หาย ครับ')
    expect(a).toMatchObject({ compact: 'แจ้งบัตรหาย', offsets: [0, 4, 8, 11], tokens: ['แจ้ง', 'บัตร', 'หาย'] })
  })

  it('says when a message was only an acknowledgement', () => {
    expect(analyze('ครับ').acknowledgement).toBe(true)
    expect(analyze('ค่ะ').acknowledgement).toBe(true)
    expect(analyze('นะ').acknowledgement).toBe(false)
    expect(analyze('เมนูครับ').acknowledgement).toBe(false)
  })

  it('repairs a doubled last letter only into a known word', () => {
    const vocabulary = new Set(['help', 'yes'])
    expect(analyze('helpp yess good', vocabulary).tokens).toEqual(['help', 'yes', 'good'])
    expect(analyze('helpp').tokens).toEqual(['helpp'])
  })

  it('fixes common English misspellings and short forms', () => {
    expect(analyze('emergancy pasport thx').tokens).toEqual(['emergency', 'passport', 'thanks'])
  })
})

describe('boundedDistance', () => {
  /** The textbook optimal-string-alignment distance, for comparison. */
  function reference(a: string, b: string): number {
    const d = Array.from({ length: a.length + 1 }, (_, i) =>
      Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
    )
    const at = (i: number, j: number) => d[i]?.[j] ?? 0
    for (let i = 1; i <= a.length; i++) {
      for (let j = 1; j <= b.length; j++) {
        const cost = a[i - 1] === b[j - 1] ? 0 : 1
        let v = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost)
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
          v = Math.min(v, at(i - 2, j - 2) + 1)
        }
        const row = d[i]
        if (row) {
          row[j] = v
        }
      }
    }
    return at(a.length, b.length)
  }

  it('matches the textbook distance, capped at max + 1', () => {
    let seed = 7
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648
      return seed / 2147483648
    }
    const word = () =>
      Array.from({ length: 1 + Math.floor(random() * 9) }, () => 'abcก่'[Math.floor(random() * 5)]).join('')
    for (let n = 0; n < 3000; n++) {
      const a = word()
      const b = random() < 0.5 ? word() : a.slice(0, Math.floor(random() * a.length)) + word().slice(0, 2)
      for (const max of [0, 1, 2]) {
        expect(boundedDistance(a, b, max), `${a} / ${b} / ${max}`).toBe(Math.min(reference(a, b), max + 1))
      }
    }
  })

  it('counts a swap of neighbours as one edit', () => {
    expect(boundedDistance('hlep', 'help', 1)).toBe(1)
    expect(boundedDistance('ยกเลกิ', 'ยกเลิก', 1)).toBe(1)
  })
})

describe('fromEnglishLayout', () => {
  it('retypes ASCII on the Kedmanee layout', () => {
    expect(fromEnglishLayout('l;ylfu')).toBe('สวัสดี')
    expect(fromEnglishLayout('=j;pfh;p')).toBe('ช่วยด้วย')
  })

  it('leaves text that is not plain ASCII', () => {
    expect(fromEnglishLayout('สวัสดี')).toBeUndefined()
    expect(fromEnglishLayout('1234')).toBeUndefined()
  })
})
