import { describe, expect, it } from 'vitest'
import {
  catalogues,
  formatDateTime,
  LANGUAGE_NAMES,
  LANGUAGES,
  languageFromTag,
  t,
  tBoth,
} from '../../../liff/src/lib/i18n.js'

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe('LIFF message catalogues', () => {
  const thaiKeys = Object.keys(catalogues.th).sort()

  it('exist for every language, and every language has a name', () => {
    expect(Object.keys(catalogues).sort()).toEqual([...LANGUAGES].sort())
    expect(Object.keys(LANGUAGE_NAMES).sort()).toEqual([...LANGUAGES].sort())
  })

  for (const lang of LANGUAGES) {
    it(`${lang}: the same keys as Thai, none empty, the same placeholders`, () => {
      const catalogue = catalogues[lang]
      expect(Object.keys(catalogue).sort()).toEqual(thaiKeys)
      for (const key of thaiKeys) {
        const text = catalogue[key as keyof typeof catalogue]
        expect(text.trim(), `${lang} ${key} is empty`).not.toBe('')
        expect(placeholders(text), `${lang} ${key} placeholders`).toEqual(
          placeholders(catalogues.th[key as keyof typeof catalogues.th]),
        )
      }
    })
  }

  it('Thai texts are Thai and English texts are not', () => {
    const thai = /[\u0E00-\u0E7F]/
    expect(thai.test(t('th', 'home.services'))).toBe(true)
    for (const [key, text] of Object.entries(catalogues.en)) {
      expect(thai.test(text), `en ${key} contains Thai`).toBe(false)
    }
  })

  it('fills placeholders and keeps unknown ones visible', () => {
    expect(t('th', 'home.hello', { name: 'สมชาย' })).toBe('สวัสดีครับ คุณสมชาย')
    expect(t('en', 'home.hello')).toBe('Hello, {name}')
    expect(tBoth('home.hello', { name: 'Nok' })).toEqual({ th: 'สวัสดีครับ คุณNok', en: 'Hello, Nok' })
  })

  it('maps LINE language tags', () => {
    expect(['th', 'th-TH', 'en-US', 'ja', undefined].map(languageFromTag)).toEqual(['th', 'th', 'en', 'en', 'th'])
  })
})

describe('formatDateTime', () => {
  const at = new Date('2026-11-26T07:05:00Z') // 14:05 in Bangkok (UTC+7)

  it('Thai: Buddhist Era, Bangkok time, น.', () => {
    expect(formatDateTime('th', at)).toBe('26 พ.ย. 2569 14:05 น.')
  })

  it('English: Gregorian, Bangkok time', () => {
    expect(formatDateTime('en', at)).toBe('26 Nov 2026 14:05')
  })

  it('crosses midnight in Bangkok, not in UTC', () => {
    expect(formatDateTime('th', new Date('2026-12-31T17:30:00Z'))).toBe('1 ม.ค. 2570 00:30 น.')
  })
})
