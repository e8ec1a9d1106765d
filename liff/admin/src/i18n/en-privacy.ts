import type { thPrivacy } from './th-privacy.js'

/** English for the officers' PDPA pieces: every Thai key, same placeholders. */
export const enPrivacy: Record<keyof typeof thPrivacy, string> = {
  'nav.privacy': 'Personal-data requests',
  'privacy.title': 'Requests under the Personal Data Protection Act',
  'privacy.intro':
    "Citizens may ask for erasure (section 33); the station answers within 30 days. Erasing removes the person's personal data from all their cases, keeping only numbers and dates for the counts and the records' verification.",
  'privacy.filter': 'Show',
  'privacy.filter.pending': 'Pending',
  'privacy.filter.done': 'Erased / copy sent',
  'privacy.filter.declined': 'Refused',
  'privacy.none': 'No requests in this list',
  'privacy.kind.delete': 'Erasure (section 33)',
  'privacy.kind.export': 'Copy of their data (section 30), sent at once',
  'privacy.asked': 'Asked {when}',
  'privacy.due': 'Answer by {when}',
  'privacy.overdue': 'Overdue',
  'privacy.citizen': 'Citizen: {name} · {cases} cases',
  'privacy.erasedCitizen': 'Citizen erased',
  'privacy.handled': 'Answered by {name} on {when}',
  'privacy.complete': 'Erase',
  'privacy.refuse': 'Refuse (legal ground)',
  'privacy.completeTitle': "Erase this citizen's personal data?",
  'privacy.completeBody':
    'The citizen is told in LINE, then their name, ID and phone numbers, address, messages, locations and attachments are erased from all their cases. This cannot be undone. Case numbers and dates stay, and the QR codes of issued records still verify.',
  'privacy.completeConfirm': 'Erase',
  'privacy.completed': 'Erased ({rows} rows)',
  'privacy.refuseTitle': 'Refuse the erasure request',
  'privacy.ground': 'Legal ground',
  'privacy.explanation': 'Explanation for the citizen',
  'privacy.explanationHint': 'Sent to the citizen in LINE with the legal ground (at least 10 characters)',
  'privacy.refuseConfirm': 'Send the refusal',
  'privacy.refused': 'Refusal sent',
  'privacy.notNotified': 'The citizen has blocked the OA: no LINE message could be sent',
  'privacy.result': 'Erased: {rows}',
  'timeline.masked': 'Personal text (hidden)',
  'station.retention': "Keep ended cases' personal data for (days)",
  'station.retentionHint':
    'Counted from when the case ended; then the personal data is removed, keeping the number, dates and document types (PDPA section 37(3)). Default 365 days.',
}
