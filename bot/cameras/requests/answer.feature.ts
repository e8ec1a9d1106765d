import { eq } from 'drizzle-orm'
import { cases } from '../../../db/schema/index.js'
import { FOOTAGE_ANSWERS, type FootageAnswer } from '../../contracts/cameras.js'
import type { Feature } from '../../conversation/types.js'
import { say } from '../../line/quick-reply.js'
import { answerInTx } from './answer.js'
import { ANSWER_ACTION, answerReply } from './messages.js'

const isAnswer = (x: string | null): x is FootageAnswer => FOOTAGE_ANSWERS.includes(x as FootageAnswer)

/**
 * The owner's tap on a footage request card (`a=fr&r=<request>&x=<answer>`): the same answer as the LIFF page
 * (answerFootageRequest), in the turn's transaction. Another citizen's request is "not found", never a hint.
 */
export const footageAnswerFeature: Feature = {
  id: 'footage-answer',
  async handle(turn, ctx) {
    const { input, lang } = turn
    if (input.kind !== 'postback' || input.action !== ANSWER_ACTION) {
      return undefined
    }
    const answer = input.params.get('x')
    const requestId = input.params.get('r') ?? ''
    const menu = ctx.mainMenu(lang).items
    if (!isAnswer(answer)) {
      return { messages: [say(answerReply(lang, 'not_found'), menu)] }
    }
    const result = await answerInTx(turn.tx, { requestId, citizenId: turn.citizen.id, answer }, turn.now)
    if (!result.ok) {
      return { messages: [say(answerReply(lang, result.code), menu)] }
    }
    const [c] = await turn.tx
      .select({ ref: cases.referenceNumber })
      .from(cases)
      .where(eq(cases.id, result.request.caseId))
      .limit(1)
    return { messages: [say(answerReply(lang, 'thanks', { answer, ref: c?.ref ?? '' }), menu)] }
  },
}
