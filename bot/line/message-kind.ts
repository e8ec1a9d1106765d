/**
 * What an outbox message is about, for the messages counted per month and kind (line_message_counts, shown on the
 * dashboard): a case's kind when the writer names it (officers' answers and status messages: `OutboxWrite.kind`),
 * else what its purpose maps to here; the consultation workflow's purposes ('consultation-*') are consultations; the
 * rest are 'other'.
 */
export const MESSAGE_KIND_OF_PURPOSE: Record<string, string> = {
  'case-message': 'case',
  'case-status': 'case',
  'lost-document-receipt': 'lost_document',
  'lost-document-record': 'lost_document',
  /** The bot's own answers in the chat (menus, flows, errors, a refused file). */
  conversation: 'chat',
  error: 'chat',
  media_refused: 'chat',
  /** Alerts to the station's LINE group. */
  'station-alert': 'station_group',
  'station-alert-urgent': 'station_group',
  access_approved: 'officers',
  'privacy-answer': 'privacy',
}

export function messageKind(purpose: string, caseKind?: string | null): string {
  if (caseKind) {
    return caseKind
  }
  if (purpose.startsWith('consultation')) {
    return 'consultation'
  }
  return MESSAGE_KIND_OF_PURPOSE[purpose] ?? 'other'
}
