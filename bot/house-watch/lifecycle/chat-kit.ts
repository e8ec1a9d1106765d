import type { Language } from '../../../db/schema/index.js'
import type { QuickReplyItem } from '../../conversation/types.js'
import { postbackData } from '../../line/postback.js'
import { qrPostback } from '../../line/quick-reply.js'
import { hwt } from './texts.js'

export { say } from '../../line/quick-reply.js'

/** Postback action of the owner's answers: `a=hw-own&x=home|ext&c=<caseId>[&d=<days>]`. */
export const OWNER_ACTION = 'hw-own'
/** The extensions offered with the end-date question. */
export const EXTEND_CHOICES = [3, 7] as const

/** "Are you home?" answers: home, extend by 3 or 7 days. */
export function endQuestionItems(lang: Language, caseId: string): QuickReplyItem[] {
  return [
    qrPostback(hwt(lang, 'home'), postbackData(OWNER_ACTION, { x: 'home', c: caseId })),
    ...EXTEND_CHOICES.map((d) =>
      qrPostback(hwt(lang, 'extend', { days: d }), postbackData(OWNER_ACTION, { x: 'ext', c: caseId, d: String(d) })),
    ),
  ]
}
