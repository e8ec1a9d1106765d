import type { messagingApi } from '@line/bot-sdk'
import type { Language } from '../../db/schema/index.js'
import { STATUS_LABELS } from '../cases/statuses.js'
import { formatDateTime } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'
import type { ReportView } from './reports.queries.js'
import { tl } from './texts/index.js'

type FlexComponent = messagingApi.FlexComponent
type Bubble = messagingApi.FlexBubble

export type ReportLinks = {
  /** The signed PDF link: only when a valid record exists. */
  pdfUrl?: string
  /** The LIFF page of the report (track status). */
  trackUrl: string
}

const COLORS: Record<string, string> = {
  issued: '#1B7F3B',
  visit_station: '#B54708',
  rejected: '#B42318',
  revoked: '#B42318',
}

export const statusLabel = (status: string, lang: Language) => STATUS_LABELS[status]?.[lang] ?? status

const row = (label: string, value: string): FlexComponent => ({
  type: 'box',
  layout: 'baseline',
  spacing: 'sm',
  contents: [
    { type: 'text', text: label, size: 'sm', color: '#4D5868', flex: 3, wrap: true },
    { type: 'text', text: value, size: 'sm', color: '#17202E', flex: 6, wrap: true },
  ],
})

const itemName = (i: { nameTh: string; nameEn: string; number: string | null }, lang: Language) =>
  `${lang === 'th' ? i.nameTh : i.nameEn}${i.number ? ` ${i.number}` : ''}`

/** What happens next, in words, with the station's reason for each item that holds the record back. */
function nextSteps(view: ReportView, lang: Language): FlexComponent[] {
  const key = view.issued ? 'receipt.issued' : view.status === 'visit_station' ? 'receipt.visit' : 'receipt.review'
  if (!['issued', 'visit_station', 'submitted'].includes(view.status)) {
    return []
  }
  const out: FlexComponent[] = [{ type: 'text', text: tl(lang, key), size: 'sm', wrap: true, color: '#17202E' }]
  if (!view.issued) {
    for (const h of view.held) {
      const reason = lang === 'th' ? h.reasonTh : h.reasonEn
      if (reason) {
        out.push({
          type: 'text',
          text: `• ${tl(lang, 'receipt.why', { item: itemName(h, lang), reason })}`,
          size: 'xs',
          wrap: true,
          color: '#4D5868',
        })
      }
    }
  }
  return out
}

/**
 * One report as a bubble: the number large, BE date and time, items and status; "download record (PDF)" only when a
 * valid record exists, and "track status". Citizen text (item issuers, place) never goes in: numbers are masked.
 */
export function reportBubble(view: ReportView, lang: Language, links: ReportLinks, title: string): Bubble {
  const statusColor = COLORS[view.status] ?? '#0B2F6B'
  const footer: FlexComponent[] = []
  if (view.issued && links.pdfUrl) {
    footer.push({
      type: 'button',
      style: 'primary',
      color: '#0B2F6B',
      height: 'md',
      action: { type: 'uri', label: tl(lang, 'receipt.pdf'), uri: links.pdfUrl },
    })
  }
  footer.push({
    type: 'button',
    style: view.issued ? 'secondary' : 'primary',
    color: view.issued ? undefined : '#0B2F6B',
    height: 'md',
    action: { type: 'uri', label: tl(lang, 'receipt.track'), uri: links.trackUrl },
  })
  return {
    type: 'bubble',
    size: 'mega',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: '#0B2F6B',
      paddingAll: 'lg',
      contents: [
        { type: 'text', text: title, color: '#FFFFFF', size: 'sm', weight: 'bold', wrap: true },
        { type: 'text', text: view.referenceNumber, color: '#FFFFFF', size: 'xl', weight: 'bold' },
      ],
    },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'md',
      contents: [
        {
          type: 'box',
          layout: 'vertical',
          backgroundColor: `${statusColor}1A`,
          cornerRadius: 'md',
          paddingAll: 'md',
          contents: [
            {
              type: 'text',
              text: statusLabel(view.status, lang),
              weight: 'bold',
              color: statusColor,
              size: 'md',
              wrap: true,
            },
          ],
        },
        row(tl(lang, 'receipt.date'), formatDateTime(lang, view.createdAt)),
        row(tl(lang, 'receipt.items'), view.items.map((i) => itemName(i, lang)).join('\n')),
        ...nextSteps(view, lang),
      ],
    },
    footer: { type: 'box', layout: 'vertical', spacing: 'sm', contents: footer },
  }
}

/** The receipt after a report is filed (reply in the chat flow, push after the LIFF form). */
export function receiptMessage(view: ReportView, lang: Language, links: ReportLinks): LineMessage {
  return {
    type: 'flex',
    altText: tl(lang, 'receipt.alt', { ref: view.referenceNumber, status: statusLabel(view.status, lang) }).slice(
      0,
      400,
    ),
    contents: reportBubble(view, lang, links, tl(lang, 'receipt.title')),
  }
}

/** "My reports" in the chat: newest first, at most 10 bubbles (LINE allows 12; the LIFF page lists them all). */
export function myReportsMessage(
  views: ReportView[],
  lang: Language,
  linksOf: (v: ReportView) => ReportLinks,
): LineMessage {
  const shown = views.slice(0, 10)
  return {
    type: 'flex',
    altText: tl(lang, 'mine.alt', { n: views.length }),
    contents: {
      type: 'carousel',
      contents: shown.map((v) => reportBubble(v, lang, linksOf(v), tl(lang, 'intro.title'))),
    },
  }
}
