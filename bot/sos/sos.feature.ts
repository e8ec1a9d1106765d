import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../../db/schema/index.js'
import { isUrgent } from '../conversation/input.js'
import { setAsideFlow } from '../conversation/set-aside.js'
import type { Feature } from '../conversation/types.js'
import { t } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'
import { postbackData } from '../line/postback.js'
import { activeSos, reportSosLocation, SOS_FLOW, type SosData, sosMenu, sosState } from './sos-report.js'

const NUMBERS = [
  { key: 'sos.police', tel: '191', color: '#C62828' },
  { key: 'sos.medical', tel: '1669', color: '#2E7D32' },
  { key: 'sos.fire', tel: '199', color: '#EF6C00' },
  { key: 'sos.tourist', tel: '1155', color: '#1565C0' },
] as const

/**
 * The emergency card. `alerted`: the station has a LINE group bound, so a location sent now reaches officers; without
 * one the card says so and to call 191, rather than promise that police will come.
 */
export function sosMessage(lang: Language, quickReply?: messagingApi.QuickReply, alerted = true): LineMessage {
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
        contents: [
          ...NUMBERS.map(
            (n): messagingApi.FlexComponent => ({
              type: 'button',
              style: 'primary',
              color: n.color,
              action: { type: 'uri', label: t(lang, n.key), uri: `tel:${n.tel}` },
            }),
          ),
          {
            type: 'text',
            text: `📍 ${t(lang, alerted ? 'sos.locationHint' : 'sos.locationHintNoGroup')}`,
            size: 'sm',
            wrap: true,
            margin: 'lg',
          },
        ],
      },
    },
  }
}

/**
 * Emergency numbers at once, from anywhere, whatever flow the chat is in (a global feature: it answers before any
 * flow's state): the SOS button, or any message that calls for help or tells of a danger now ("ช่วยด้วยค่ะ",
 * "มีคนตามหลัง", "โดนปล้น", "someone is following me"). The chat then stays in the SOS context for a few minutes: a
 * location sent in it opens an urgent case and alerts the station's LINE group. A report in progress is not lost:
 * the SOS state keeps it aside, and "continue my report" takes it back.
 */
export const sosFeature: Feature = {
  id: SOS_FLOW,
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
    const { state, now, lang } = turn
    const inSos = state?.flow === SOS_FLOW
    if (isUrgent(turn.input)) {
      // Asked again while an SOS case is open: a new location then updates that case instead of opening another.
      const data: SosData = activeSos(state, now) ?? {}
      const kept = inSos ? setAsideFlow(state, now) : state
      // "Send my location" first (LINE's location action works only in quick replies), then the main menu.
      const share = {
        type: 'action' as const,
        action: { type: 'location' as const, label: t(lang, 'sos.shareLocation') },
      }
      const { items = [] } = sosMenu(lang, ctx, kept)
      return {
        messages: [sosMessage(lang, { items: [share, ...items].slice(0, 13) }, Boolean(turn.station.lineGroupId))],
        state: sosState(data.caseId ? 'reported' : 'location', data, now, kept),
      }
    }
    const data = activeSos(state, now)
    if (data && turn.input.kind === 'location') {
      return reportSosLocation(turn, turn.input, data, ctx)
    }
    return undefined
  },
}
