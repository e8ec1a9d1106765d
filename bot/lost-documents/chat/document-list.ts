import type { messagingApi } from '@line/bot-sdk'
import type { LineMessage } from '../../line/line-client.js'
import { typeName } from '../document-types.js'
import { pb, type StepContext, T } from './kit.js'

/** The document types as a list of buttons (17 types: more than the 13 quick replies LINE allows). */
export function typesMessage(ctx: StepContext): LineMessage {
  const { lang } = ctx
  const buttons: messagingApi.FlexComponent[] = ctx.types.map((t) => ({
    type: 'button',
    style: 'secondary',
    height: 'sm',
    action: {
      type: 'postback',
      label: typeName(t, lang).slice(0, 40),
      data: pb('doc', t.code),
      displayText: typeName(t, lang),
    },
  }))
  return {
    type: 'flex',
    altText: T(lang, 'items.title'),
    contents: {
      type: 'bubble',
      body: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [{ type: 'text', text: T(lang, 'items.title'), weight: 'bold', size: 'md', wrap: true }, ...buttons],
      },
    },
  }
}
