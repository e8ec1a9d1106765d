import { t } from '../../i18n/index.js'
import type { LineMessage } from '../../line/line-client.js'
import { isCommand, postbackData } from '../input.js'
import type { Feature } from '../types.js'

const WORDS = ['ข้อมูลสถานี', 'สถานี', 'ติดต่อ', 'ติดต่อสถานี', 'station', 'station info', 'contact']

/** The station's address, phone and a LINE location message (read from the stations table). */
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
    if (!isCommand(turn.input, WORDS, 'station')) {
      return undefined
    }
    const { station, lang } = turn
    const name = lang === 'th' ? station.nameTh : station.nameEn
    const address = lang === 'th' ? station.addressTh : station.addressEn
    const messages: LineMessage[] = [
      {
        type: 'flex',
        altText: `${name} ${station.phone}`.slice(0, 400),
        contents: {
          type: 'bubble',
          body: {
            type: 'box',
            layout: 'vertical',
            spacing: 'md',
            contents: [
              { type: 'text', text: name, weight: 'bold', size: 'lg', wrap: true },
              {
                type: 'text',
                text: t(lang, 'station.body', { address, phone: station.phone }),
                size: 'sm',
                wrap: true,
              },
            ],
          },
          footer: {
            type: 'box',
            layout: 'vertical',
            contents: [
              {
                type: 'button',
                style: 'primary',
                action: {
                  type: 'uri',
                  label: t(lang, 'station.call'),
                  uri: `tel:${station.phone.replace(/[^\d+]/g, '')}`,
                },
              },
            ],
          },
        },
      },
    ]
    if (station.latitude && station.longitude) {
      messages.push({
        type: 'location',
        title: name.slice(0, 100),
        address: address.slice(0, 100),
        latitude: Number(station.latitude),
        longitude: Number(station.longitude),
        quickReply: ctx.mainMenu(lang),
      })
    }
    return { messages }
  },
}
