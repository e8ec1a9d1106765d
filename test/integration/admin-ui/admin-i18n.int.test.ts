import { describe, expect, it } from 'vitest'
import { en } from '../../../liff/admin/src/i18n/en.js'
import { th } from '../../../liff/admin/src/i18n/th.js'

// The officers' page catalogues: the type makes every Thai key exist in English; this checks the values.
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()

describe("officers' page text", () => {
  it('has the same placeholders in Thai and English, and no empty text', () => {
    const wrong = Object.entries(th).filter(([key, value]) => {
      const other = en[key as keyof typeof en]
      return !value.trim() || !other?.trim() || placeholders(value).join() !== placeholders(other).join()
    })
    expect(wrong.map(([key]) => key)).toEqual([])
  })

  it('writes Thai in Thai script', () => {
    const latinOnly = Object.entries(th).filter(
      ([, v]) => !/[\u0E00-\u0E7F]/.test(v) && !/^[\d{} ]|^\{|LINE|CSV/.test(v),
    )
    expect(latinOnly.map(([key]) => key)).toEqual([])
  })
})
