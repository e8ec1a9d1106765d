/**
 * Thai typed with the keyboard still set to English ("l;ylfu" for "สวัสดี", thai-conventions.md §5): the keys of
 * the Thai Kedmanee layout, by the character the US layout puts on them.
 */
const UNSHIFTED = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./']
const UNSHIFTED_TH = ['_ๅ/-ภถุึคตจขช', 'ๆไำพะัีรนยบลฃ', 'ฟหกดเ้่าสวง', 'ผปแอิืทมใฝ']
const SHIFTED = ['~!@#$%^&*()_+', 'QWERTYUIOP{}|', 'ASDFGHJKL:"', 'ZXCVBNM<>?']
const SHIFTED_TH = ['%+๑๒๓๔ู฿๕๖๗๘๙', '๐"ฎฑธํ๊ณฯญฐ,ฅ', 'ฤฆฏโฌ็๋ษศซ.', '()ฉฮฺ์?ฒฬฦ']

const KEYS = new Map<string, string>()
for (const [us, th] of [
  [UNSHIFTED, UNSHIFTED_TH],
  [SHIFTED, SHIFTED_TH],
] as const) {
  us.forEach((row, r) => {
    const thai = [...(th[r] as string)]
    ;[...row].forEach((key, i) => {
      KEYS.set(key, thai[i] ?? key)
    })
  })
}

/** Printable ASCII with at least one letter: the only text worth retyping. */
const LATIN_ONLY = /^(?=.*[a-z])[\x20-\x7e]+$/i

/** The text as the Kedmanee layout would have typed it, or undefined when it is not plain ASCII. */
export function fromEnglishLayout(text: string): string | undefined {
  if (!LATIN_ONLY.test(text)) {
    return undefined
  }
  let out = ''
  for (const c of text) {
    out += KEYS.get(c) ?? c
  }
  return out
}
