import { analyze } from './analyze.js'
import { boundedDistance, tolerance } from './distance.js'
import { INTENTS, type IntentId } from './intents.js'
import { FILLERS } from './lexicon.js'

/** Every wording of an intent: its phrasings, its words that must stand alone, both sides of its word pairs. */
function wordingsOf(id: IntentId): string[] {
  const spec = INTENTS.find((i) => i.id === id)
  return spec ? [...spec.phrases, ...(spec.alone ?? []), ...(spec.pairs ?? []).flat(2)] : []
}

/**
 * What a message says besides a request's own words. Given the wordings a request is made of (intents' phrasings,
 * options' labels and synonyms, connecting words), returns a function that gives the words of a message that are
 * none of them, nor fillers, particles or greetings: "ปรึกษากฎหมายเรื่องหนี้ครับ" leaves nothing, "ปรึกษากฎหมาย
 * โดนโกง โอนเงินไปแล้ว" leaves "โอน เงิน ไป แล้ว". A misspelt wording ("ปรึกษากฏหมาย") is still one of them when the
 * words it split into are within the matcher's typo tolerance of it.
 */
export function createRemainder(input: { intents: readonly IntentId[]; wordings: readonly string[] }) {
  const forms = new Set<string>()
  const vocabulary = new Set<string>()
  for (const w of [...input.intents, 'greeting' as const, 'thanks' as const]
    .flatMap(wordingsOf)
    .concat(input.wordings)) {
    const a = analyze(w)
    if (a.compact) {
      forms.add(a.compact)
      for (const t of a.tokens) {
        vocabulary.add(t)
      }
    }
  }
  const byLength = [...forms].sort((x, y) => y.length - x.length)
  const near = (run: string) =>
    byLength.some((f) => f.length >= 5 && boundedDistance(run, f, tolerance(f.length)) <= tolerance(f.length))

  return (text: string): string[] => {
    const a = analyze(text, vocabulary)
    const n = a.tokens.length
    const covered = a.tokens.map((t) => FILLERS.has(t))
    const starts = new Map(a.offsets.slice(0, -1).map((o, i) => [o, i]))
    const ends = new Map(a.offsets.slice(1).map((o, i) => [o, i]))
    for (const f of byLength) {
      for (let at = a.compact.indexOf(f); at >= 0; at = a.compact.indexOf(f, at + 1)) {
        const first = starts.get(at)
        const last = ends.get(at + f.length)
        if (first !== undefined && last !== undefined) {
          covered.fill(true, first, last + 1)
        }
      }
    }
    // Runs of up to three words left over that are a typo of a wording ("กฏ|หมาย" for "กฎหมาย").
    for (let i = 0; i < n; i++) {
      for (let k = Math.min(n, i + 3); k > i; k--) {
        const run = a.tokens.slice(i, k)
        if (!covered.slice(i, k).some(Boolean) && near(run.join(''))) {
          covered.fill(true, i, k)
          break
        }
      }
    }
    return a.tokens.filter((_, i) => !covered[i])
  }
}
