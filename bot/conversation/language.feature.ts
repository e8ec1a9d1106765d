import type { Language } from '../../db/schema/index.js'
import { t } from '../i18n/index.js'
import { postbackData } from '../line/postback.js'
import { languageOfAlias } from '../richmenu/tiles.js'
import { asks } from './input.js'
import type { Feature } from './types.js'

/**
 * Switch the chat's language at any time, in any flow; remembered per citizen. Storing it re-links the citizen's
 * rich menu (bot/richmenu/link-on-language.ts). The rich menu's language tile is a richmenuswitch: LINE has already
 * shown the other menu and says which in `params.newRichMenuAliasId`.
 */
export const languageFeature: Feature = {
  id: 'language',
  global: true,
  menu: (lang, links) => {
    const other: Language = lang === 'th' ? 'en' : 'th'
    return [
      {
        type: 'action',
        action: {
          type: 'postback',
          label: t(lang, 'menu.language'),
          data: postbackData('lang', { v: other }),
          displayText: t(lang, 'menu.language'),
        },
      },
      // The same choice, and the citizen's other settings, in the LIFF app.
      { type: 'action', action: { type: 'uri', label: t(lang, 'menu.settings'), uri: links.liff('settings') } },
    ]
  },
  async handle(turn, ctx) {
    const { input } = turn
    let lang: Language | undefined
    if (input.kind === 'text') {
      // "English please", "ภาษาไทยค่ะ", "eng"
      lang = asks(input, 'language_en') ? 'en' : asks(input, 'language_th') ? 'th' : undefined
    } else if (input.kind === 'postback') {
      const v = input.params.get('v')
      lang =
        languageOfAlias(input.dateParams?.newRichMenuAliasId) ??
        (input.action === 'lang' && (v === 'en' || v === 'th') ? v : undefined)
    }
    if (!lang) {
      return undefined
    }
    return {
      language: lang,
      messages: [{ type: 'text', text: t(lang, 'language.switched'), quickReply: ctx.mainMenu(lang) }],
    }
  },
}
