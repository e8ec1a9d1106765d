import { and, eq } from 'drizzle-orm'
import { cases } from '../../../db/schema/index.js'
import { matchOption, type Option } from '../../conversation/input.js'
import type { FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import { tc } from '../texts/index.js'
import { type CloseDeps, closeConsultation } from '../workflow/close.js'
import { caseIdOf, say } from './kit.js'

/** "จบการสนทนา" typed rather than tapped: only as the whole message ("the end of my contract…" is a question). */
const END: readonly Option[] = [
  {
    id: 'end',
    labels: [tc('th', 'thread.end'), 'จบการปรึกษา', 'จบแชต', 'จบการคุย', 'end', 'end chat', 'end the chat'],
    synonyms: ['end conversation', 'end the conversation', 'end consultation', 'close the chat', 'finish'],
  },
]

export function typedEnd(text: string): boolean {
  return matchOption(text, END)?.how === 'exact'
}

/**
 * The citizen ends their consultation (the quick reply, or typed): closed by 'citizen' through the workflow, which
 * gives the rating question for this turn's reply (free, with the event's reply token). Someone else's case, or one
 * already closed, is answered kindly and left alone.
 */
export async function endByCitizen(
  turn: Turn,
  ctx: FeatureContext,
  deps: CloseDeps,
  caseId: string | null,
): Promise<TurnResult> {
  const { tx, citizen, lang, now } = turn
  const id = caseIdOf(caseId)
  const [c] = id
    ? await tx
        .select()
        .from(cases)
        .where(and(eq(cases.id, id), eq(cases.citizenId, citizen.id), eq(cases.kind, 'consultation')))
        .limit(1)
    : []
  if (!c || c.status === 'closed') {
    return { state: null, messages: [say(tc(lang, 'thread.notOpen'), ctx.mainMenu(lang).items)] }
  }
  const closed = await closeConsultation(tx, deps, { caseId: c.id, by: 'citizen', now })
  const messages =
    closed.messages.length > 0 ? closed.messages : [say(tc(lang, 'thread.ended', { ref: c.referenceNumber }))]
  return { state: null, messages }
}
