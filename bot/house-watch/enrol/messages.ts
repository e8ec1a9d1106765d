import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../../../db/schema/index.js'
import { formatDay } from '../../contracts/dates.js'
import { daysBetween } from '../../contracts/house-watch-enrol.js'
import type { LineMessage } from '../../line/line-client.js'
import { hw } from './texts.js'

const BRAND = '#0B2F6B'

/** "1 ธ.ค. 2569 ถึง 5 ธ.ค. 2569 (5 วัน)": Bangkok dates, both days counted, Buddhist Era in Thai. */
export function periodText(lang: Language, startsOn: string, endsOn: string): string {
  const days = daysBetween(startsOn, endsOn) + 1
  return hw(lang, 'period.format', { from: formatDay(lang, startsOn), to: formatDay(lang, endsOn), days })
}

const line = (text: string, extra: Partial<messagingApi.FlexText> = {}): messagingApi.FlexText => ({
  type: 'text',
  text,
  wrap: true,
  size: 'sm',
  ...extra,
})

/** A bubble with the brand header, lines of text and one link button (a LIFF page). */
function card(title: string, lines: messagingApi.FlexComponent[], button: { label: string; uri: string }) {
  const bubble: messagingApi.FlexBubble = {
    type: 'bubble',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: BRAND,
      contents: [{ type: 'text', text: title, color: '#FFFFFF', weight: 'bold', size: 'md', wrap: true }],
    },
    body: { type: 'box', layout: 'vertical', spacing: 'md', contents: lines },
    footer: {
      type: 'box',
      layout: 'vertical',
      contents: [
        {
          type: 'button',
          style: 'primary',
          color: BRAND,
          height: 'sm',
          action: { type: 'uri', label: button.label.slice(0, 40), uri: button.uri },
        },
      ],
    },
  }
  return bubble
}

export type ReceiptView = {
  reference: string
  startsOn: string
  endsOn: string
  approved: boolean
  extended: boolean
}

/** The receipt in the chat: number, period, what happens next, and the owner's page. */
export function receiptMessage(lang: Language, v: ReceiptView, ownerPageUrl: string): LineMessage {
  const title = hw(lang, v.extended ? 'receipt.extended' : 'receipt.received')
  const next = v.approved
    ? hw(lang, 'receipt.next.auto', { from: formatDay(lang, v.startsOn) })
    : hw(lang, 'receipt.next.duty')
  const period = periodText(lang, v.startsOn, v.endsOn)
  return {
    type: 'flex',
    altText: `${title} ${v.reference}: ${period}`.slice(0, 400),
    contents: card(
      title,
      [
        line(`${hw(lang, 'receipt.number')} ${v.reference}`, { weight: 'bold', size: 'md' }),
        line(`${hw(lang, 'receipt.period')}: ${period}`),
        line(next, { color: '#333333' }),
      ],
      { label: hw(lang, 'receipt.track'), uri: ownerPageUrl },
    ),
  }
}

/** Approval: the number, the period and the button to the owner's page, where the QR sticker is downloaded. */
export function approvedMessage(
  lang: Language,
  v: { reference: string; startsOn: string; endsOn: string; note?: string | undefined },
  ownerPageUrl: string,
): LineMessage {
  const body = hw(lang, 'approved.body', { ref: v.reference, period: periodText(lang, v.startsOn, v.endsOn) })
  // The duty officer's own words, when written, come after the standard text.
  const note = v.note?.trim() ? [line(v.note.trim().slice(0, 1_000), { color: '#333333' })] : []
  return {
    type: 'flex',
    altText: `${hw(lang, 'approved.title')} ${v.reference}`,
    contents: card(hw(lang, 'approved.title'), [line(body), ...note], {
      label: hw(lang, 'approved.button'),
      uri: ownerPageUrl,
    }),
  }
}

/** The chat's hand-over to the LIFF form: two lines on the service and the form's button. */
export function handOverMessage(lang: Language, formUrl: string, quickReply: messagingApi.QuickReply): LineMessage {
  return {
    type: 'flex',
    altText: hw(lang, 'chat.intro').slice(0, 400),
    quickReply,
    contents: card(hw(lang, 'title'), [line(hw(lang, 'chat.intro'))], { label: hw(lang, 'chat.button'), uri: formUrl }),
  }
}
