import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../../../db/schema/index.js'
import { understandingOf } from '../../conversation/input.js'
import { RESUME_ACTION } from '../../conversation/set-aside.js'
import type { Links, UserInput } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'
import { S137_WARNING } from '../consent.js'
import { buttonOf, pb, T } from './kit.js'

/**
 * What a message asks of this service, outside the answer to a step: "my reports", cancel, start (the menu button,
 * "แจ้งบัตรหาย", "I lost my passport"), answer in the chat, continue a report set aside, or a lost document only
 * mentioned in a longer text (offered, never started: "กระเป๋าหายเมื่อวาน ใครเจอบ้าง").
 */
export type Command = 'mine' | 'cancel' | 'start' | 'chat' | 'resume' | 'offer'

export function commandOf(input: UserInput): Command | undefined {
  const b = buttonOf(input)
  if (b) {
    const tapped: Partial<Record<string, Command>> = { '': 'start', mine: 'mine', cancel: 'cancel', chat: 'chat' }
    return tapped[b.x]
  }
  if (input.kind === 'postback') {
    return input.action === RESUME_ACTION ? 'resume' : undefined
  }
  const m = understandingOf(input)?.intent
  if (!m) {
    return undefined
  }
  if (m.id === 'lost_document') {
    return m.strength === 'mention' ? 'offer' : 'start'
  }
  if (m.strength === 'mention') {
    return undefined
  }
  return m.id === 'my_reports' ? 'mine' : m.id === 'cancel' ? 'cancel' : undefined
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
