import { type Catalogues, createTranslator } from '@shared/lib/i18n.js'
import { en } from '../i18n/en.js'
import { type MessageKey, th } from '../i18n/th.js'

// The citizen app's i18n entry point: the shared language helpers, and t/tBoth over the citizen catalogues.
export {
  formatDateTime,
  isLanguage,
  LANGUAGE_NAMES,
  LANGUAGES,
  type Language,
  languageFromTag,
} from '@shared/lib/i18n.js'
export type { MessageKey }

/**
 * Adding a language: its code and name in liff/shared/lib/i18n.ts, then a catalogue in ../i18n/, in
 * liff/admin/src/i18n/ and in liff/shared/i18n/kit.ts (the types name every one that is missing).
 */
export const catalogues: Catalogues<MessageKey> = { th, en }

export const { t, tBoth } = createTranslator(catalogues)
