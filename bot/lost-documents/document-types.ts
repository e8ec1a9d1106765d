import { asc, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type DocumentType, documentTypes } from '../../db/schema/index.js'
import type { Language } from '../i18n/index.js'

/** Every type (active or not), in the station's order: old reports may name a type since switched off. */
export function allDocumentTypes(tx: Tx): Promise<DocumentType[]> {
  return tx.select().from(documentTypes).orderBy(asc(documentTypes.sortOrder), asc(documentTypes.code))
}

/** What a citizen can choose now: active types, sorted. */
export async function activeDocumentTypes(tx: Tx): Promise<DocumentType[]> {
  return (await allDocumentTypes(tx)).filter((t) => t.active)
}

export function typeName(type: Pick<DocumentType, 'nameTh' | 'nameEn'> | undefined, lang: Language, code = '') {
  if (!type) {
    return code
  }
  return lang === 'th' ? type.nameTh : type.nameEn
}

/** First words that stay capitalised inside an English sentence: proper nouns and adjectives. */
const PROPER_FIRST_WORDS = new Set(['Thai', 'Thailand', 'Rayong', 'LINE'])

/**
 * A document name as it reads inside a sentence ("Type the number of your passport"): in English a common noun starts
 * lower case, while names are written capitalised as labels (buttons, lists). Proper nouns ("Thai ID card") and
 * acronyms ("ATM / debit card") keep their capitals; Thai has no case.
 */
export function inSentence(name: string, lang: Language): string {
  const first = name.split(/\s/, 1)[0] ?? ''
  if (lang !== 'en' || PROPER_FIRST_WORDS.has(first) || !/^[A-Z][a-z]/.test(first)) {
    return name
  }
  return `${name.charAt(0).toLowerCase()}${name.slice(1)}`
}

export function typeReason(type: Pick<DocumentType, 'reasonTh' | 'reasonEn'>, lang: Language): string | null {
  return lang === 'th' ? type.reasonTh : type.reasonEn
}

export type DocumentTypePatch = Partial<
  Pick<
    DocumentType,
    'nameTh' | 'nameEn' | 'policy' | 'reasonTh' | 'reasonEn' | 'hasNumber' | 'issuers' | 'sortOrder' | 'active'
  >
>

/** An admin's change to one type; returns the row before and after (for the audit line), undefined if unknown. */
export async function updateDocumentType(tx: Tx, code: string, patch: DocumentTypePatch) {
  const [before] = await tx.select().from(documentTypes).where(eq(documentTypes.code, code)).for('update')
  if (!before) {
    return undefined
  }
  const [after] = await tx.update(documentTypes).set(patch).where(eq(documentTypes.code, code)).returning()
  return after ? { before, after } : undefined
}
