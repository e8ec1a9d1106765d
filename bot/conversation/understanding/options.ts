import { analyze } from './analyze.js'
import { boundedDistance, tolerance } from './distance.js'

/** A choice offered as a quick reply or button, which people may also type. */
export type Option<Id extends string = string> = {
  id: Id
  /** What the button says, in each language. */
  labels: readonly string[]
  /** Other ways people name it ("บัตร ปชช", "id card"). */
  synonyms?: readonly string[]
}

/** exact: a label or synonym; contained: one is in the text or the text is a word of one; typo: close spelling. */
export type OptionMatch<O extends Option> = { option: O; how: 'exact' | 'contained' | 'typo' }

type Form = { compact: string; option: number; starts: ReadonlySet<number>; ends: ReadonlySet<number> }
type Hit = { option: number; from: number; to: number }

/** Drops hits inside a longer hit of another option ("passport" inside "thai passport"); unique option or none. */
function unique(hits: Hit[]): number | undefined {
  const kept = hits.filter(
    (h) =>
      !hits.some((o) => o.option !== h.option && o.from <= h.from && h.to <= o.to && o.to - o.from > h.to - h.from),
  )
  const options = new Set(kept.map((h) => h.option))
  return options.size === 1 ? kept[0]?.option : undefined
}

/**
 * Compiles a set of options once (labels and synonyms normalised and segmented like messages) and returns a
 * function that reads a typed answer. It answers only when one option is meant: "บัตร" alone, or two documents in one
 * message, give undefined, and the caller asks again with the buttons.
 */
export function createOptionMatcher<O extends Option>(
  options: readonly O[],
): (text: string) => OptionMatch<O> | undefined {
  const forms: Form[] = []
  const vocabulary = new Set<string>()
  options.forEach((o, option) => {
    for (const phrase of [...o.labels, ...(o.synonyms ?? [])]) {
      const a = analyze(phrase)
      if (a.compact) {
        for (const t of a.tokens) {
          vocabulary.add(t)
        }
        forms.push({
          compact: a.compact,
          option,
          starts: new Set(a.offsets.slice(0, -1)),
          ends: new Set(a.offsets.slice(1)),
        })
      }
    }
  })
  const found = (option: number | undefined, how: OptionMatch<O>['how']) => {
    const o = option === undefined ? undefined : options[option]
    return o ? { option: o, how } : undefined
  }

  return (text) => {
    const a = analyze(text, vocabulary)
    if (!a.compact) {
      return undefined
    }
    const exact = forms.filter((f) => f.compact === a.compact)
    if (exact.length > 0) {
      return found(unique(exact.map((f) => ({ option: f.option, from: 0, to: 0 }))), 'exact')
    }
    // A label or synonym inside the text, on the text's word boundaries ("ทำบัตรประชาชนหาย").
    const starts = new Set(a.offsets.slice(0, -1))
    const ends = new Set(a.offsets.slice(1))
    const inText: Hit[] = []
    for (const f of forms) {
      for (let at = a.compact.indexOf(f.compact); at >= 0; at = a.compact.indexOf(f.compact, at + 1)) {
        if (starts.has(at) && ends.has(at + f.compact.length)) {
          inText.push({ option: f.option, from: at, to: at + f.compact.length })
        }
      }
    }
    if (inText.length > 0) {
      return found(unique(inText), 'contained')
    }
    // The text is a word of one label ("เอทีเอ็ม" for "บัตรเอทีเอ็ม / บัตรเดบิต"), on the label's word boundaries.
    const inLabel = forms.filter((f) => {
      const at = f.compact.indexOf(a.compact)
      return at >= 0 && f.starts.has(at) && f.ends.has(at + a.compact.length)
    })
    if (inLabel.length > 0) {
      return found(unique(inLabel.map((f) => ({ option: f.option, from: 0, to: 0 }))), 'contained')
    }
    let best: { option: number; distance: number; tie: boolean } | undefined
    for (const f of forms) {
      const max = tolerance(f.compact.length)
      const distance = max === 0 ? 1 : boundedDistance(a.compact, f.compact, max)
      if (distance > max) {
        continue
      }
      if (!best || distance < best.distance) {
        best = { option: f.option, distance, tie: false }
      } else if (distance === best.distance && f.option !== best.option) {
        best.tie = true
      }
    }
    return best && !best.tie ? found(best.option, 'typo') : undefined
  }
}

const compiled = new WeakMap<readonly Option[], (text: string) => OptionMatch<Option> | undefined>()

/** createOptionMatcher, compiled once per options array (keep the array: a new array is compiled again). */
export function matchOption<O extends Option>(text: string, options: readonly O[]): OptionMatch<O> | undefined {
  let matcher = compiled.get(options)
  if (!matcher) {
    matcher = createOptionMatcher(options)
    compiled.set(options, matcher)
  }
  return matcher(text) as OptionMatch<O> | undefined
}
