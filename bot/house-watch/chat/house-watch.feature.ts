import { asks } from '../../conversation/input.js'
import type { Feature } from '../../conversation/types.js'
import { postbackData } from '../../line/postback.js'
import { handOverMessage } from '../enrol/messages.js'
import { hw } from '../enrol/texts.js'

/** Postback action of the entry (main menu, rich-menu tile): `a=hw`. */
export const HOUSE_WATCH_ACTION = 'hw'
/** The citizen LIFF app's enrolment page. */
export const FORM_PATH = 'house-watch/new'

/**
 * House watch in the chat (issue #13): the entry (menu, rich-menu tile, "ฝากบ้าน", "จะไปต่างจังหวัด ฝากบ้านหน่อยครับ",
 * "house watch") says in two lines what the service does and hands over to the LIFF form, where the address, the
 * pin and the dates are entered: a chat is a poor place to pin a house on a map.
 */
export const houseWatchFeature: Feature = {
  id: 'house_watch',
  menu: (lang) => [
    {
      type: 'action',
      action: {
        type: 'postback',
        label: hw(lang, 'menu.label'),
        data: postbackData(HOUSE_WATCH_ACTION),
        displayText: hw(lang, 'menu.label'),
      },
    },
  ],
  async handle(turn, ctx) {
    if (!asks(turn.input, 'house_watch', HOUSE_WATCH_ACTION)) {
      return undefined
    }
    const { lang } = turn
    return { messages: [handOverMessage(lang, ctx.links.liff(FORM_PATH), ctx.mainMenu(lang))] }
  },
}
