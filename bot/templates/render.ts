import type { Language } from '../../db/schema/index.js'
import { STATUS_LABELS } from '../cases/statuses.js'
import { formatDateTime } from '../i18n/index.js'

/** What a template may say; anything else in braces is refused when an admin saves it. */
export const TEMPLATE_PLACEHOLDERS = ['reference', 'status', 'message', 'date', 'station'] as const
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number]
export type TemplateValues = Record<TemplatePlaceholder, string>

const PLACEHOLDER = /\{(\w+)\}/g
const known = new Set<string>(TEMPLATE_PLACEHOLDERS)

export function unknownPlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] ?? '').filter((name) => !known.has(name)))]
}

/**
 * Fills a template. A line that held only placeholders and comes out empty (no officer message, say) is dropped,
 * so the citizen does not get a stray blank line; blank lines the admin wrote stay. Unknown names stay as written.
 */
export function renderTemplate(body: string, values: Partial<TemplateValues>): string {
  const lines: string[] = []
  for (const line of body.split('\n')) {
    const hadPlaceholder = line.search(PLACEHOLDER) >= 0
    const out = line.replace(PLACEHOLDER, (m, name: string) =>
      known.has(name) ? (values[name as TemplatePlaceholder] ?? '') : m,
    )
    if (hadPlaceholder && out.trim() === '') {
      continue
    }
    lines.push(out)
  }
  return lines
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()
}

/** The values of a status message: the status label and date in the citizen's language (Thai dates in BE). */
export function templateValues(input: {
  language: Language
  reference: string
  status: string
  message?: string | undefined
  at?: Date | undefined
  station: { nameTh: string; nameEn: string }
}): TemplateValues {
  const label = STATUS_LABELS[input.status]
  return {
    reference: input.reference,
    status: label ? label[input.language] : input.status,
    message: input.message?.trim() ?? '',
    date: formatDateTime(input.language, input.at ?? new Date()),
    station: input.language === 'th' ? input.station.nameTh : input.station.nameEn,
  }
}
