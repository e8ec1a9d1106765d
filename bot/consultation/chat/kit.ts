import type { Language } from '../../../db/schema/index.js'
import type { UserInput } from '../../conversation/types.js'
import { postbackData } from '../../line/postback.js'
import { idOf, qrPostback } from '../../line/quick-reply.js'
import { tc } from '../texts/index.js'

export const FLOW = 'consultation'
/** Postback action of this service: `a=con&x=<what>&v=<value>` (the entry itself has no `x`: the rich-menu tile). */
export const ACTION = 'con'
/** A consultation being started is kept an hour (topic, common answers, question), then forgotten. */
export const FLOW_TTL_MS = 60 * 60 * 1000
/** The optional comment after a rating is awaited this long. */
export const COMMENT_TTL_MS = 30 * 60 * 1000

export type Step = 'topic' | 'answers' | 'question' | 'comment'

export function pb(x: string, params: Record<string, string> = {}): string {
  return postbackData(ACTION, x ? { x, ...params } : params)
}

/** One of this service's buttons: what (`x`, '' for the entry itself) and its parameters. */
export type Button = { x: string; v: string | null; c: string | null }

export function buttonOf(input: UserInput): Button | undefined {
  if (input.kind !== 'postback' || input.action !== ACTION) {
    return undefined
  }
  return { x: input.params.get('x') ?? '', v: input.params.get('v'), c: input.params.get('c') }
}

export const cancelItem = (lang: Language) => qrPostback(tc(lang, 'common.cancel'), pb('cancel'))
export const endItem = (lang: Language, caseId: string) => qrPostback(tc(lang, 'thread.end'), pb('end', { c: caseId }))

export function textOf(input: UserInput): string | undefined {
  return input.kind === 'text' ? input.text.normalize('NFC').trim() : undefined
}

/** A case ID from a postback (anyone can forge one): checked before it reaches a uuid column. */
export const caseIdOf = idOf

export { qrPostback, say } from '../../line/quick-reply.js'
