import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../../../db/schema/index.js'
import { t } from '../../i18n/index.js'
import type { LineMessage } from '../../line/line-client.js'
import { isCommand, postbackData } from '../input.js'
import type { Feature } from '../types.js'

const WORDS = ['ฉุกเฉิน', 'เหตุฉุกเฉิน', 'ช่วยด้วย', 'sos', 'emergency', 'help me']

const NUMBERS = [
  { key: 'sos.police', tel: '191', color: '#C62828' },
  { key: 'sos.medical', tel: '1669', color: '#2E7D32' },
  { key: 'sos.fire', tel: '199', color: '#EF6C00' },
  { key: 'sos.tourist', tel: '1155', color: '#1565C0' },
] as const

export function sosMessage(lang: Language, quickReply?: messagingApi.QuickReply): LineMessage {
  return {
    type: 'flex',
    quickReply,
    altText: `${t(lang, 'sos.title')}: 191 / 1669 / 199 / 1155`,
    contents: {
      type: 'bubble',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: '#B71C1C',
        contents: [
          { type: 'text', text: `🚨 ${t(lang, 'sos.title')}`, weight: 'bold', size: 'xl', color: '#FFFFFF' },
          { type: 'text', text: t(lang, 'sos.body'), size: 'sm', color: '#FFEBEE' },
        ],
      },
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: NUMBERS.map((n) => ({
          type: 'button',
          style: 'primary',
          color: n.color,
          action: { type: 'uri', label: t(lang, n.key), uri: `tel:${n.tel}` },
        })),
      },
    },
  }
}

/** Emergency numbers at once, from anywhere, whatever flow the chat is in (a global feature). */
export const sosFeature: Feature = {
  id: 'sos',
  global: true,
  menu: (lang) => [
    {
      type: 'action',
      action: {
        type: 'postback',
        label: t(lang, 'menu.sos'),
        data: postbackData('sos'),
        displayText: t(lang, 'menu.sos'),
      },
    },
  ],
  async handle(turn, ctx) {
    if (!isCommand(turn.input, WORDS, 'sos')) {
      return undefined
    }
    return { messages: [sosMessage(turn.lang, ctx.mainMenu(turn.lang))] }
  },
}
