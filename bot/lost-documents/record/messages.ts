import type { messagingApi } from '@line/bot-sdk'
import type { Language, Station } from '../../../db/schema/index.js'
import { formatDateTime, t } from '../../i18n/index.js'

type StationInfo = Pick<Station, 'nameTh' | 'nameEn' | 'phone'>

/** The card a citizen gets when the record is issued: number, date, and the download and verify buttons. */
export function issuedCard(
  lang: Language,
  input: { reference: string; issuedAt: Date; pdfUrl: string; verifyUrl: string },
): messagingApi.FlexMessage {
  const title = t(lang, 'ldrecord.issued.title')
  return {
    type: 'flex',
    altText: `${title} ${input.reference}`.slice(0, 400),
    contents: {
      type: 'bubble',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: '#1A3A6B',
        contents: [{ type: 'text', text: title, color: '#FFFFFF', weight: 'bold', wrap: true }],
      },
      body: {
        type: 'box',
        layout: 'vertical',
        contents: [
          {
            type: 'text',
            text: t(lang, 'ldrecord.issued.body', {
              ref: input.reference,
              date: formatDateTime(lang, input.issuedAt),
            }),
            wrap: true,
            size: 'sm',
          },
        ],
      },
      footer: {
        type: 'box',
        layout: 'vertical',
        spacing: 'sm',
        contents: [
          {
            type: 'button',
            style: 'primary',
            color: '#1A3A6B',
            action: { type: 'uri', label: t(lang, 'ldrecord.issued.download'), uri: input.pdfUrl },
          },
          {
            type: 'button',
            style: 'secondary',
            action: { type: 'uri', label: t(lang, 'ldrecord.issued.verify'), uri: input.verifyUrl },
          },
        ],
      },
    },
  }
}

function station(lang: Language, s: StationInfo) {
  return { station: lang === 'th' ? s.nameTh : s.nameEn, phone: s.phone }
}

/** The officer's words are sent as written, inside the template (never parsed as anything but text). */
export function rejectedText(
  lang: Language,
  reference: string,
  reason: string,
  s: StationInfo,
): messagingApi.TextMessage {
  return { type: 'text', text: t(lang, 'ldrecord.rejected', { ref: reference, reason, ...station(lang, s) }) }
}

export function requestInfoText(lang: Language, reference: string, question: string): messagingApi.TextMessage {
  return { type: 'text', text: t(lang, 'ldrecord.requestInfo', { ref: reference, question }) }
}

export function revokedText(
  lang: Language,
  input: { reference: string; reason: string; revokedAt: Date },
  s: StationInfo,
): messagingApi.TextMessage {
  const vars = { ref: input.reference, reason: input.reason, date: formatDateTime(lang, input.revokedAt) }
  return { type: 'text', text: t(lang, 'ldrecord.revoked', { ...vars, ...station(lang, s) }) }
}
