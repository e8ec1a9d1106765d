import { t } from '../i18n/index.js'
import { postbackData } from '../line/postback.js'
import { isCommand } from './input.js'
import type { Feature } from './types.js'

const WORDS = ['เมนู', 'เมนูหลัก', 'menu', 'main menu', 'help', 'ช่วยเหลือ', 'start', 'เริ่ม', 'สวัสดี', 'hi', 'hello']

export const menuFeature: Feature = {
  id: 'menu',
  global: true,
  async handle(turn, ctx) {
    if (!isCommand(turn.input, WORDS, 'menu')) {
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
