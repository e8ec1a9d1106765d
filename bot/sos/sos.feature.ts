import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../../db/schema/index.js'
import { isCommand } from '../conversation/input.js'
import type { Feature, FeatureContext, FlowState } from '../conversation/types.js'
import { t } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'
import { postbackData } from '../line/postback.js'
import { reportSosLocation, SOS_FLOW, type SosData, sosState } from './sos-report.js'

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
        contents: [
          ...NUMBERS.map(
            (n): messagingApi.FlexComponent => ({
              type: 'button',
              style: 'primary',
              color: n.color,
              action: { type: 'uri', label: t(lang, n.key), uri: `tel:${n.tel}` },
            }),
          ),
          { type: 'text', text: `📍 ${t(lang, 'sos.locationHint')}`, size: 'sm', wrap: true, margin: 'lg' },
        ],
      },
    },
  }
}

/** "Send my location" first (LINE's location action works only in quick replies), then the main menu. */
function sosQuickReply(lang: Language, ctx: FeatureContext): messagingApi.QuickReply {
  const share: messagingApi.QuickReplyItem = {
    type: 'action',
    action: { type: 'location', label: t(lang, 'sos.shareLocation') },
  }
  return { items: [share, ...ctx.mainMenu(lang).items].slice(0, 13) }
}

/**
 * Emergency numbers at once, from anywhere, whatever flow the chat is in (a global feature: it answers before any
 * flow's state). The chat then stays in the SOS context for a few minutes: a location sent in it opens an urgent
 * case and alerts the station's LINE group. An emergency outranks a half-filled form, so the SOS context replaces
 * another flow's state.
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
    const inSos: FlowState | null = turn.state?.flow === SOS_FLOW ? turn.state : null
    if (isCommand(turn.input, WORDS, 'sos')) {
      // Asked again while an SOS case is open: a new location then updates that case instead of opening another.
      const data: SosData = inSos ? (inSos.data as SosData) : {}
      return {
        messages: [sosMessage(turn.lang, sosQuickReply(turn.lang, ctx))],
        state: sosState(data.caseId ? 'reported' : 'location', data, turn.now),
      }
    }
    if (inSos && turn.input.kind === 'location') {
      return reportSosLocation(turn, turn.input, inSos.data as SosData, ctx)
    }
    return undefined
  },
}
