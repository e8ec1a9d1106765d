import { analyze } from './analyze.js'
import { INTENTS, type IntentId, SOS } from './intents.js'
import { PAST_MARKERS, PRESENT_MARKERS } from './lexicon.js'

/** What a phrasing is evidence of. `part` is one side of a word pair, `past`/`present` a tense marker. */
export type Kind = 'phrase' | 'alone' | 'distress' | 'danger' | 'incident' | 'part' | 'past' | 'present'

export type Entry = {
  compact: string
  kind: Kind
  intent?: IntentId
  /** For parts: which pair (index into Catalogue.pairs) and which side of it. */
  pair?: number
  side?: 0 | 1
}

/** A phrase list compiled for matching: entries by their first character, exact forms, lengths for typos. */
export type PhraseIndex = {
  byFirst: Map<string, Entry[]>
  exact: Map<string, Entry>
  byLength: Map<number, Entry[]>
  vocabulary: Set<string>
}

export type Catalogue = PhraseIndex & {
  pairs: { intent: IntentId }[]
  /** Phrasings that normalise to nothing or collide with another intent's: the catalogue test lists them. */
  problems: string[]
}

export function createIndex(): PhraseIndex {
  return { byFirst: new Map(), exact: new Map(), byLength: new Map(), vocabulary: new Set() }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V) {
  const list = map.get(key)
  if (list) {
    list.push(value)
  } else {
    map.set(key, [value])
  }
}

/**
 * Adds one phrasing, normalised exactly as messages are. Returns a problem description, if any. `exact` says whether
 * the phrasing may match a whole message on its own (pair parts and tense markers may not).
 */
export function addPhrase(index: PhraseIndex, phrase: string, entry: Omit<Entry, 'compact'>, exact: boolean) {
  const { compact, tokens } = analyze(phrase)
  if (!compact) {
    return `"${phrase}" normalises to nothing`
  }
  for (const token of tokens) {
    index.vocabulary.add(token)
  }
  const full: Entry = { ...entry, compact }
  const first = index.byFirst.get(compact[0] as string) ?? []
  if (
    first.some(
      (e) =>
        e.compact === compact &&
        e.kind === full.kind &&
        e.intent === full.intent &&
        e.pair === full.pair &&
        e.side === full.side,
    )
  ) {
    return undefined // the same word listed twice in one group ("licence"/"license" after variants)
  }
  push(index.byFirst, compact[0] as string, full)
  if (!exact) {
    return undefined
  }
  const other = index.exact.get(compact)
  if (other && other.intent !== full.intent) {
    return `"${phrase}" is both ${other.intent} and ${full.intent}`
  }
  index.exact.set(compact, full)
  push(index.byLength, compact.length, full)
  return undefined
}

/** Compiled once at module load: every phrasing analysed here so that matching a message does no parsing. */
function compile(): Catalogue {
  const catalogue: Catalogue = { ...createIndex(), pairs: [], problems: [] }
  const add = (phrase: string, entry: Omit<Entry, 'compact'>, exact = true) => {
    const problem = addPhrase(catalogue, phrase, entry, exact)
    if (problem) {
      catalogue.problems.push(problem)
    }
  }
  for (const spec of INTENTS) {
    const intent = spec.id
    for (const p of spec.phrases) {
      add(p, { kind: 'phrase', intent })
    }
    for (const p of spec.alone ?? []) {
      add(p, { kind: 'alone', intent })
    }
    for (const [left, right] of spec.pairs ?? []) {
      const pair = catalogue.pairs.push({ intent }) - 1
      for (const p of left) {
        add(p, { kind: 'part', intent, pair, side: 0 }, false)
      }
      for (const p of right) {
        add(p, { kind: 'part', intent, pair, side: 1 }, false)
      }
    }
  }
  for (const kind of ['distress', 'danger', 'incident'] as const) {
    for (const p of SOS[kind]) {
      add(p, { kind, intent: 'sos' })
    }
  }
  for (const p of PRESENT_MARKERS) {
    add(p, { kind: 'present' }, false)
  }
  for (const p of PAST_MARKERS) {
    add(p, { kind: 'past' }, false)
  }
  return catalogue
}

export const CATALOGUE: Catalogue = compile()
