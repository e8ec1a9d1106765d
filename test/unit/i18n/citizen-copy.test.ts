import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'

/** Every file a citizen's or officer's words come from: the bot, the LIFF apps, the simulator page. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) {
      return name === 'node_modules' || name === 'openapi' ? [] : sources(path)
    }
    return /\.(ts|tsx|js|html)$/.test(name) ? [path] : []
  })
}

/** Copy fixed in issue #8 (point 8): none of it may come back. */
const WRONG: { text: string; why: string }[] = [
  { text: 'แชท', why: 'the Royal Institute spells it แชต' },
  { text: 'ที่อยู่ตามที่ติดต่อได้', why: 'ที่อยู่ที่ติดต่อได้' },
  { text: 'โทร สถานี', why: 'Thai puts no space between words: โทรหาสถานี' },
  { text: 'Sorry: ', why: '"Sorry, please …" is one English sentence' },
]

describe('citizen-facing copy', () => {
  const files = [...sources('bot'), ...sources('liff')]

  it.each(WRONG)('no "$text" anywhere in the product ($why)', ({ text }) => {
    const hits = files.filter((f) => readFileSync(f, 'utf8').includes(text))
    expect(hits).toEqual([])
  })
})
