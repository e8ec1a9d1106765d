import { t } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'
import { asks } from './input.js'
import type { Feature } from './types.js'

/**
 * "My data" in words ("อยากลบข้อมูลของฉัน", "ขอดูข้อมูลของฉัน", "delete my data"): the citizen's PDPA rights (access
 * and a copy, s.30; erasure, s.33) and buttons into the citizen LIFF app, where the data is shown ("my-data") and
 * erasure is asked behind a confirmation ("my-reports"). Nothing is deleted or requested from the chat itself.
 */
export const myDataFeature: Feature = {
  id: 'my_data',
  async handle(turn, ctx) {
    if (!asks(turn.input, 'my_data')) {
      return undefined
    }
    const { lang } = turn
    const button = (style: 'primary' | 'secondary', label: string, path: string) => ({
      type: 'button' as const,
      style,
      height: 'sm' as const,
      action: { type: 'uri' as const, label, uri: ctx.links.liff(path) },
    })
    const body = t(lang, 'myData.body')
    const card: LineMessage = {
      type: 'flex',
      altText: `${t(lang, 'myData.title')}\n${body}`.slice(0, 400),
      contents: {
        type: 'bubble',
        body: {
          type: 'box',
          layout: 'vertical',
          spacing: 'md',
          contents: [
            { type: 'text', text: t(lang, 'myData.title'), weight: 'bold', size: 'md', wrap: true },
            { type: 'text', text: body, wrap: true, size: 'sm' },
          ],
        },
        footer: {
          type: 'box',
          layout: 'vertical',
          spacing: 'sm',
          contents: [
            button('primary', t(lang, 'myData.see'), 'my-data'),
            button('secondary', t(lang, 'myData.delete'), 'my-reports'),
          ],
        },
      },
      quickReply: ctx.mainMenu(lang),
    }
    return { messages: [card] }
  },
}
