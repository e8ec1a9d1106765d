import { t } from '../i18n/index.js'
import { RESUME_ACTION } from './set-aside.js'
import type { Feature, Turn, TurnResult } from './types.js'
import type { IntentId } from './understanding/index.js'

/** What a text asks for, when it is one of the things answered here. */
function request(turn: Turn): IntentId | undefined {
  const m = turn.input.kind === 'text' ? turn.input.understanding.intent : undefined
  return m && m.strength !== 'mention' ? m.id : undefined
}

/**
 * Greetings, thanks and "cancel" when nothing is in progress: a short, friendly
 * answer with the menu, never "not understood". It comes after the services and flows (a flow's own cancel, a
 * report's own "continue" win) and before lost documents' awaiting-information catch-all.
 */
export const smallTalkFeature: Feature = {
  id: 'small_talk',
  async handle(turn, ctx) {
    const { lang } = turn
    const answer = (text: string): TurnResult => ({
      messages: [{ type: 'text', text, quickReply: ctx.mainMenu(lang) }],
    })
    if (turn.input.kind === 'postback' && turn.input.action === RESUME_ACTION) {
      // "Continue my report" after the report expired or was sent: say so rather than nothing.
      return answer(t(lang, 'resume.nothing'))
    }
    const id = request(turn)
    switch (id) {
      case 'greeting':
        return answer(t(lang, 'smallTalk.hello'))
      case 'thanks':
        return answer(t(lang, 'smallTalk.thanks'))
      case 'cancel':
        return answer(t(lang, 'cancel.nothing'))
      default:
        return undefined
    }
  },
}
