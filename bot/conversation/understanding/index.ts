/** Understanding typed Thai and English: see understand.ts (intents) and options.ts (typed quick-reply answers). */
export { documentTypeOptions, matchDocumentType } from './document-types.js'
export { INTENT_IDS, type IntentId } from './intents.js'
export { cleanText } from './normalize.js'
export { createOptionMatcher, matchOption, type Option, type OptionMatch } from './options.js'
export { createRemainder } from './remainder.js'
export { type IntentMatch, interruption, type Strength, type Understanding, understand } from './understand.js'
