// Shared by the server and the LIFF apps (imported as @contracts/cases.js): plain data and types, no imports.

/** Every service of the OA files its work as a case of one of these kinds; each kind adds its own detail table. */
export const CASE_KINDS = ['lost_document', 'house_watch', 'consultation', 'sos'] as const
export type CaseKind = (typeof CASE_KINDS)[number]
/**
 * The services citizens can use today (README: the menus show only what exists). Pages that list services (dashboard, status messages) show only these, plus any kind with data.
 */
export const LIVE_CASE_KINDS: readonly CaseKind[] = ['lost_document', 'house_watch', 'consultation', 'sos']

export const CASE_PRIORITIES = ['normal', 'urgent'] as const
export type CasePriority = (typeof CASE_PRIORITIES)[number]

/** The kinds of entry on a case's timeline. */
export const CASE_EVENT_TYPES = [
  'created',
  'status',
  'note',
  'message_in',
  'message_out',
  'attachment',
  'assignment',
  /** CCOC (issue #15): a footage request sent or answered, and an evidence file's custody (received, viewed, exported). */
  'footage_request',
  'evidence',
] as const
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number]

export const CASE_ACTOR_TYPES = ['citizen', 'officer', 'system'] as const
export type CaseActorType = (typeof CASE_ACTOR_TYPES)[number]

/**
 * Each kind's statuses, in the order officers meet them (the inbox's status filter). The moves between them, and
 * which statuses count as answered, are the server's (bot/cases/statuses.ts; a unit test keeps the two in step).
 */
export const CASE_STATUSES = {
  lost_document: [
    'submitted',
    'in_review',
    'awaiting_info',
    'visit_station',
    'issued',
    'rejected',
    'revoked',
    'closed',
  ],
  house_watch: ['submitted', 'awaiting_info', 'approved', 'active', 'completed', 'rejected', 'cancelled'],
  consultation: ['waiting', 'in_progress', 'awaiting_info', 'answered', 'closed'],
  sos: ['new', 'dispatched', 'on_scene', 'resolved', 'closed'],
} as const satisfies Record<CaseKind, readonly string[]>
export type CaseStatus = (typeof CASE_STATUSES)[CaseKind][number]
