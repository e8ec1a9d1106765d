import { auditActionLabel } from './action-labels.js'
import type { AuditEntry } from './audit.service.js'

/** Excel opens a UTF-8 file as UTF-8 (Thai intact) only when it starts with a byte-order mark. */
export const UTF8_BOM = '\uFEFF'

const bangkok = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
})

function bangkokParts(at: Date) {
  const parts = bangkok.formatToParts(at)
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { y: get('year'), m: get('month'), d: get('day'), time: `${get('hour')}:${get('minute')}:${get('second')}` }
}

/** `2026-11-26 14:05:03` in Asia/Bangkok, whatever the server's zone. */
export function bangkokDateTime(at: Date): string {
  const p = bangkokParts(at)
  return `${p.y}-${p.m}-${p.d} ${p.time}`
}

/** `26/11/2569`: the Bangkok date in the Buddhist Era, as Thai paperwork writes it. */
export function buddhistDate(at: Date): string {
  const p = bangkokParts(at)
  return `${p.d}/${p.m}/${Number(p.y) + 543}`
}

/**
 * One CSV cell. Cells a spreadsheet would run as a formula (=, +, -, @, tab, CR) get a leading apostrophe: an
 * officer opening the export must not execute text a LINE user typed (CSV injection).
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value)
  if (/^[=+\-@\t\r]/.test(s)) {
    s = `'${s}`
  }
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}

export const AUDIT_CSV_HEADER = [
  'id',
  'time (Asia/Bangkok)',
  'date (BE)',
  'officer',
  'officer_id',
  'actor',
  'action',
  'entity_type',
  'entity_id',
  'ip',
  'user_agent',
  'details',
  // Added at the end, so the columns before keep their places for whoever reads the file by position.
  'reference',
  'action (TH)',
  'action (EN)',
]

export function auditCsvRow(e: AuditEntry): string {
  return [
    e.id,
    bangkokDateTime(e.at),
    buddhistDate(e.at),
    e.officerName,
    e.officerId,
    e.actor,
    e.action,
    e.entityType,
    e.entityId,
    e.ip,
    e.userAgent,
    e.details,
    e.entityRef ?? null,
    auditActionLabel(e.action)?.th ?? e.action,
    auditActionLabel(e.action)?.en ?? e.action,
  ]
    .map(csvCell)
    .join(',')
}

/** The whole file: BOM, header, rows; CRLF line ends (RFC 4180, what Excel writes). */
export function auditCsv(entries: AuditEntry[]): string {
  const lines = [AUDIT_CSV_HEADER.join(','), ...entries.map(auditCsvRow)]
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}
