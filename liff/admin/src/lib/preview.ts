import { useEffect, useState } from 'preact/hooks'
import { STATUS_LABELS } from '../i18n/labels.js'
import { adminApi } from './api.js'
import { formatDateTime } from './i18n.js'
import type { CaseDetail, Me, Template } from './types.js'

const PLACEHOLDER = /\{(\w+)\}/g

/** The status names citizens read (where the officers' word differs). */
const CITIZEN_LABELS: Record<string, { th: string; en: string }> = {
  ...STATUS_LABELS,
  visit_station: { th: 'กรุณามาที่สถานี', en: 'Please come to the station' },
}

/**
 * Fills a status-message template the way the server does (bot/templates/render.ts): a line of placeholders
 * that comes out empty is dropped, runs of blank lines collapse, unknown names stay as written.
 */
export function renderTemplate(body: string, values: Record<string, string>): string {
  const lines: string[] = []
  for (const line of body.split('\n')) {
    const had = line.search(PLACEHOLDER) >= 0
    const out = line.replace(PLACEHOLDER, (m, name: string) => (name in values ? (values[name] ?? '') : m))
    if (!(had && out.trim() === '')) {
      lines.push(out)
    }
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

export type Preview = (status: string, message: string) => string | null

/**
 * What the citizen will receive for a status change, in the citizen's language. The templates are readable with
 * templates.edit only; for other roles there is no preview (null) and the page says what will be sent instead.
 */
export function useStatusPreview(c: CaseDetail, me: Me, canRead: boolean): Preview {
  const [templates, setTemplates] = useState<Template[] | null>(null)
  useEffect(() => {
    if (canRead) {
      adminApi<{ items: Template[] }>(`/templates?kind=${c.kind}`).then(
        (r) => setTemplates(r.items),
        () => setTemplates(null),
      )
    }
  }, [c.kind, canRead])
  const language = c.citizen?.language ?? 'th'
  return (status, message) => {
    const tpl = templates?.find((x) => x.status === status && x.language === language)
    if (!tpl) {
      return null
    }
    return renderTemplate(tpl.body, {
      reference: c.referenceNumber,
      status: CITIZEN_LABELS[status]?.[language] ?? status,
      message: message.trim(),
      date: formatDateTime(language, new Date()),
      station: language === 'th' ? me.station.nameTh : me.station.nameEn,
    })
  }
}
