import { createHmac } from 'node:crypto'

/**
 * Keyed hashes for finding a case by a citizen's name or phone without keeping either in plain text in `cases`
 * (`cases.search_hashes`). The same value, however it was typed, must give the same hash, so values are normalised
 * first; the kind ('name' / 'phone' / 'id') is part of what is hashed, so a name can never match a phone.
 * 'id' is an identity or document number (national ID, passport, licence, account): officers type it with or
 * without the dashes and spaces printed on the card.
 */
export type SearchValueKind = 'name' | 'phone' | 'id'

/** A separate key derived from PII_ENCRYPTION_KEY: the encryption key itself is never used as an HMAC key. */
export function deriveSearchKey(piiEncryptionKey: Buffer): Buffer {
  return createHmac('sha256', piiEncryptionKey).update('rsz/case-search-hash/v1').digest()
}

/** Thai phone numbers as dialled at home: digits only, +66 / 0066 → 0 (e.g. "+66 81-234 5678" → "0812345678"). */
export function normalisePhone(value: string): string {
  let digits = value.normalize('NFKC').replace(/\D/g, '')
  if (digits.startsWith('0066')) {
    digits = digits.slice(4)
  } else if (digits.startsWith('66') && (digits.length === 11 || digits.length === 10)) {
    digits = digits.slice(2)
  }
  if (digits.length > 0 && !digits.startsWith('0') && (digits.length === 9 || digits.length === 8)) {
    digits = `0${digits}` // "+66 81 234 5678" lost its trunk 0; put it back
  }
  return digits
}

/** Names: NFC, trimmed, inner whitespace collapsed, lower-cased (Thai has no case; Latin names do). */
export function normaliseName(value: string): string {
  return value.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

/** ID and document numbers: letters and digits only, upper-cased ("1-2345-67890-12-1" → "1234567890121"). */
export function normaliseId(value: string): string {
  return value
    .normalize('NFKC')
    .replace(/[^\p{L}\p{N}]/gu, '')
    .toUpperCase()
}

/** Whether a search string could be an ID or document number: number-like characters, at least 5 digits. */
export function looksLikeId(value: string): boolean {
  const v = value.normalize('NFKC').trim()
  const id = normaliseId(v)
  return /^[\p{L}\p{N}\s\-./]+$/u.test(v) && id.length >= 6 && id.length <= 24 && (id.match(/\d/g)?.length ?? 0) >= 5
}

/** Whether a search string is meant as a phone number: only phone characters and 9–10 digits once normalised. */
export function looksLikePhone(value: string): boolean {
  const v = value.normalize('NFKC').trim()
  return /^\+?[\d\s\-().]+$/.test(v) && /^0\d{8,9}$/.test(normalisePhone(v))
}

/** Which kind a free-text value is, when the caller does not say (officers type either into one box). */
export function kindOf(value: string): SearchValueKind {
  return looksLikePhone(value) ? 'phone' : 'name'
}

/**
 * HMAC-SHA256 (hex) of the normalised value. `key` is the derived search key (deriveSearchKey); pass `kind` when the
 * value's kind is known (a form field), else it is guessed from the value. Empty after normalisation → null.
 */
export function searchHash(value: string, key: Buffer, kind: SearchValueKind = kindOf(value)): string | null {
  const normalised =
    kind === 'phone' ? normalisePhone(value) : kind === 'id' ? normaliseId(value) : normaliseName(value)
  if (!normalised) {
    return null
  }
  return createHmac('sha256', key).update(`${kind}:${normalised}`).digest('hex')
}

export type SearchValues = { name?: string | null; phone?: string | null; ids?: (string | null | undefined)[] }

/** The hashes to store on a case for the citizen's name, phone and ID / document numbers (whichever are known). */
export function searchHashesFor(input: SearchValues, key: Buffer): string[] {
  const out: string[] = []
  const values: [SearchValueKind, string | null | undefined][] = [
    ['name', input.name],
    ['phone', input.phone],
    ...(input.ids ?? []).map((id): [SearchValueKind, string | null | undefined] => ['id', id]),
  ]
  for (const [kind, value] of values) {
    const h = value ? searchHash(value, key, kind) : null
    if (h && !out.includes(h)) {
      out.push(h) // the ID card's own number is often the declarant's ID: one hash is enough
    }
  }
  return out
}

/**
 * A bound hasher for services: `hasher.hash('081-234-5678')`. Stored hashes use the current key; a search also
 * tries the `previous` keys (PII_ENCRYPTION_KEY_PREVIOUS), so cases not yet re-hashed by `npm run pii:rotate` are
 * still found while it runs.
 */
export function createSearchHasher(piiEncryptionKey: Buffer, previous: readonly Buffer[] = []) {
  const key = deriveSearchKey(piiEncryptionKey)
  const keys = [key, ...previous.map(deriveSearchKey)]
  return {
    hash: (value: string, kind?: SearchValueKind) => searchHash(value, key, kind),
    /** The value's hash under every configured key: what a search matches against. */
    hashAll: (value: string, kind?: SearchValueKind) =>
      keys.map((k) => searchHash(value, k, kind)).filter((h): h is string => h !== null),
    hashesFor: (input: SearchValues) => searchHashesFor(input, key),
  }
}
export type SearchHasher = ReturnType<typeof createSearchHasher>
