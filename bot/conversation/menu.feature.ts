import { t } from '../i18n/index.js'
import { postbackData } from '../line/postback.js'
import { asks } from './input.js'
import type { Feature } from './types.js'

/** "เมนู", "มีอะไรบ้างคะ", "what can you do" (bare "help" is SOS: its card carries the menu too). */

export const menuFeature: Feature = {
  id: 'menu',
  global: true,
  async handle(turn, ctx) {
    if (!asks(turn.input, 'menu', 'menu')) {
      return undefined
    }
    return { messages: [{ type: 'text', text: t(turn.lang, 'menu.prompt'), quickReply: ctx.mainMenu(turn.lang) }] }
  },
}

export const menuAction = (lang: 'th' | 'en') => ({
  type: 'action' as const,
  action: {
    type: 'postback',
    label: t(lang, 'menu.menu'),
    data: postbackData('menu'),
    displayText: t(lang, 'menu.menu'),
  },
})
