import type { FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { tc } from '../texts/index.js'
import { RATING_ACTION, recordRating, recordRatingComment } from '../workflow/close.js'
import { writeFlow } from './flow-state.js'
import { caseIdOf, pb, qrPostback, say } from './kit.js'

/** The rating's quick replies (`a=con-rate&c=<caseId>&r=<1..5>`, the workflow's question): case and score. */
export function ratingTap(turn: Turn): { caseId: string; rating: number } | undefined {
  const { input } = turn
  if (input.kind !== 'postback' || input.action !== RATING_ACTION) {
    return undefined
  }
  const caseId = caseIdOf(input.params.get('c'))
  const rating = Number(input.params.get('r'))
  return caseId ? { caseId, rating } : undefined
}

/**
 * A score tapped (or typed as one digit while the question is open): kept through the workflow, then the optional
 * comment is asked for (a free-text step; "ไม่มี / No comment" ends it). A late or second tap gets a short answer and
 * changes nothing.
 */
export async function rate(
  turn: Turn,
  ctx: FeatureContext,
  tap: { caseId: string; rating: number },
): Promise<TurnResult> {
  const { tx, lang, now } = turn
  const outcome = await recordRating(tx, { caseId: tap.caseId, rating: tap.rating, now, citizenId: turn.citizen.id })
  if (!outcome.recorded) {
    const key = outcome.reason === 'already_rated' ? 'rating.thanks' : 'rating.expired'
    return { messages: [say(tc(lang, key), ctx.mainMenu(lang).items)] }
  }
  return {
    messages: [say(tc(lang, 'rating.comment'), [qrPostback(tc(lang, 'rating.noComment'), pb('nocomment'))])],
    state: writeFlow({ step: 'comment', via: 'chat', caseId: tap.caseId }, now),
  }
}

/** The comment typed after the score: stored encrypted through the workflow (free text can be personal). */
export async function comment(
  turn: Turn,
  ctx: FeatureContext,
  cipher: Pick<PiiCipher, 'encrypt'>,
  caseId: string,
  text: string,
): Promise<TurnResult> {
  const { tx, lang, now } = turn
  await recordRatingComment(tx, { cipher }, { caseId, comment: text, now })
  return { state: null, messages: [say(tc(lang, 'rating.thanks'), ctx.mainMenu(lang).items)] }
}
