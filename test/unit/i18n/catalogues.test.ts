import { describe, expect, it } from 'vitest'
import { catalogues, formatDateTime, languageFromProfile, t } from '../../../bot/i18n/index.js'
import { LANGUAGES } from '../../../db/schema/citizens.js'

describe('bot message catalogues', () => {
  const keys = Object.keys(catalogues.th).sort()
  it.each(LANGUAGES)('%s has every key, none empty', (lang) => {
    expect(Object.keys(catalogues[lang]).sort()).toEqual(keys)
    for (const key of keys) {
      expect(catalogues[lang][key as keyof typeof catalogues.th].trim(), key).not.toBe('')
    }
  })
  it('uses the same placeholders in every language', () => {
    for (const key of keys) {
      const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
      for (const lang of LANGUAGES) {
        expect(vars(catalogues[lang][key as keyof typeof catalogues.th]), `${lang} ${key}`).toEqual(
          vars(catalogues.th[key as keyof typeof catalogues.th]),
        )
      }
    }
  })
  it('fills placeholders', () => {
    expect(t('en', 'greeting.title', { name: 'Somchai' })).toBe('Hello Somchai 🙏')
  })
})

describe('dates and languages', () => {
  it('shows Buddhist Era dates in Asia/Bangkok', () => {
    const at = new Date('2026-11-26T07:05:00Z')
    expect(formatDateTime('th', at)).toBe('26 พ.ย. 2569 14:05 น.')
    expect(formatDateTime('en', at)).toBe('26 Nov 2026 14:05')
    expect(formatDateTime('th', new Date('2026-12-31T17:30:00Z'))).toBe('1 ม.ค. 2570 00:30 น.')
  })
  it('maps LINE profile languages', () => {
    expect(languageFromProfile('th')).toBe('th')
    expect(languageFromProfile('en-US')).toBe('en')
    expect(languageFromProfile('ja')).toBe('en')
    expect(languageFromProfile(undefined)).toBe('th')
  })
})
