import { asks } from '../conversation/input.js'
import type { Feature } from '../conversation/types.js'
import { t } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'
import { postbackData } from '../line/postback.js'
import { landmarksCarousel, stationCard, stationCoordinates } from './station-cards.js'

/**
 * The station's details, read from the stations table (admins edit them): a card with address, hours, services
 * and call buttons; a LINE location message; the zone's landmarks with map links. Asked by the button or in words
 * ("โรงพักอยู่ไหนครับ", "เบอร์โทรสถานี", "where is the police station").
 */
export const stationFeature: Feature = {
  id: 'station',
  menu: (lang) => [
    {
      type: 'action',
      action: {
        type: 'postback',
        label: t(lang, 'menu.station'),
        data: postbackData('station'),
        displayText: t(lang, 'menu.station'),
      },
    },
  ],
  async handle(turn, ctx) {
    if (!asks(turn.input, 'station', 'station')) {
      return undefined
    }
    const { station, lang } = turn
    const messages: LineMessage[] = [stationCard(lang, station)]
    const where = stationCoordinates(station)
    if (where) {
      const name = lang === 'th' ? station.nameTh : station.nameEn
      const address = lang === 'th' ? station.addressTh : station.addressEn
      messages.push({
        type: 'location',
        title: name.slice(0, 100),
        address: (address || name).slice(0, 100),
        ...where,
      })
    }
    const landmarks = landmarksCarousel(lang, station)
    if (landmarks) {
      messages.push(landmarks)
    }
    // LINE shows only the last message's quick replies.
    const last = messages.at(-1)
    if (last) {
      last.quickReply = ctx.mainMenu(lang)
    }
    return { messages }
  },
}
