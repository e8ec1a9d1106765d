import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../../../db/schema/index.js'
import { normalize } from '../../conversation/input.js'
import type { Links, UserInput } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'
import { S137_WARNING } from '../consent.js'
import { buttonOf, pb, T } from './kit.js'

const START_EXACT = new Set(
  [
    'แจ้งเอกสารหาย',
    'เอกสารหาย',
    'บัตรหาย',
    'แจ้งบัตรหาย',
    'แจ้งของหาย',
    'แจ้งความเอกสารหาย',
    'lost document',
    'lost documents',
    'report lost document',
    'report lost documents',
  ].map(normalize),
)
/** Said in a sentence ("ทำบัตรประชาชนหายครับ", "I lost my passport"). */
const START_PHRASE =
  /(เอกสาร|บัตร|หนังสือเดินทาง|พาสปอร์ต|ใบขับขี่|สมุดบัญชี|กระเป๋าสตางค์).{0,20}หาย|lost (my |a |the )?(passport|id|document|wallet|card|driving licen[cs]e|licen[cs]e|bank ?book)/
const MINE = new Set(
  ['เรื่องที่ฉันแจ้ง', 'ติดตามสถานะ', 'ติดตามเรื่อง', 'สถานะการแจ้ง', 'my reports', 'my report', 'track status'].map(normalize),
)
const CANCEL = new Set(['ยกเลิก', 'cancel', 'stop', 'หยุด', 'เลิก', 'ยกเลิกการแจ้ง'].map(normalize))

/** 'exact' for a command or the menu button, 'phrase' for a sentence that mentions a lost document. */
export function startIntent(input: UserInput): 'exact' | 'phrase' | undefined {
  const b = buttonOf(input)
  if (b) {
    return b.x === '' ? 'exact' : undefined
  }
  if (input.kind !== 'text') {
    return undefined
  }
  if (START_EXACT.has(input.normalized)) {
    return 'exact'
  }
  return input.normalized.length <= 80 && START_PHRASE.test(input.normalized) ? 'phrase' : undefined
}

export function wantsMine(input: UserInput): boolean {
  return buttonOf(input)?.x === 'mine' || (input.kind === 'text' && MINE.has(input.normalized))
}

export function wantsCancel(input: UserInput): boolean {
  return buttonOf(input)?.x === 'cancel' || (input.kind === 'text' && CANCEL.has(input.normalized))
}

/** What the service needs and the s.137 warning, then the two ways: the LIFF form or the chat. */
export function introMessage(lang: Language, links: Links, quickReply: messagingApi.QuickReply): LineMessage {
  const button = (style: 'primary' | 'secondary', action: messagingApi.Action): messagingApi.FlexComponent => ({
    type: 'button',
    style,
    height: 'md',
    ...(style === 'primary' ? { color: '#0B2F6B' } : {}),
    action,
  })
  return {
    type: 'flex',
    altText: `${T(lang, 'intro.title')}: ${T(lang, 'intro.form')} / ${T(lang, 'intro.chat')}`,
    quickReply,
    contents: {
      type: 'bubble',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: '#0B2F6B',
        contents: [{ type: 'text', text: T(lang, 'intro.title'), color: '#FFFFFF', weight: 'bold', size: 'lg' }],
      },
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'md',
        contents: [
          { type: 'text', text: T(lang, 'intro.body'), wrap: true, size: 'sm' },
          { type: 'separator' },
          { type: 'text', text: S137_WARNING[lang], wrap: true, size: 'sm', color: '#B42318', weight: 'bold' },
        ],
      },
      footer: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          button('primary', { type: 'uri', label: T(lang, 'intro.form'), uri: links.liff('lost-document') }),
          button('secondary', {
            type: 'postback',
            label: T(lang, 'intro.chat'),
            data: pb('chat'),
            displayText: T(lang, 'intro.chat'),
          }),
        ],
      },
    },
  }
}
