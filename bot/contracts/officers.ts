// Shared by the server and the LIFF apps (imported as @contracts/officers.js): plain data and types, no imports.

/** Officer roles, most powerful first. */
export const OFFICER_ROLES = [
  'admin',
  'supervisor',
  'duty_officer',
  'legal_advisor',
  'patrol_officer',
  /** Works the CCOC's camera screens: police cameras' footage tasks (issue #15). */
  'ccoc_operator',
  'viewer',
] as const
export type OfficerRole = (typeof OFFICER_ROLES)[number]

/**
 * Who may do what. Every officer route names one permission and the server checks it on every request
 * (bot/officers/permissions.ts); the officers' app reads the signed-in officer's list from GET /api/admin/me.
 */
export const PERMISSIONS = {
  'cases.read': OFFICER_ROLES,
  'cases.act': ['admin', 'supervisor', 'duty_officer', 'legal_advisor'],
  'cases.reveal_pii': ['admin', 'supervisor', 'duty_officer'],
  /** Legal advisors read it too: their own consultation figures (response times, ratings) are on it. */
  'dashboard.read': ['admin', 'supervisor', 'duty_officer', 'legal_advisor', 'viewer'],
  /** The dashboard's per-officer lines for every officer (others see only their own line). */
  'dashboard.all_officers': ['admin', 'supervisor'],
  'audit.read': ['admin', 'supervisor'],
  'officers.manage': ['admin'],
  'templates.edit': ['admin'],
  'document_types.edit': ['admin', 'supervisor'],
  'station.edit': ['admin'],
  'groups.bind': ['admin'],
  /** Citizens' PDPA requests: see the queue, erase a citizen's data or refuse on a legal ground. */
  'privacy.requests': ['admin', 'supervisor'],
  /** Consultations (issue #12): office hours, holidays, topics' SLA and the common answers offered before an officer. */
  'consultations.settings': ['admin', 'supervisor'],
  /** House watch and patrols (issue #13): today's houses and red boxes on the map and as a route, this shift's visits. */
  'patrol.read': ['admin', 'supervisor', 'duty_officer', 'patrol_officer'],
  /** Scan a point's QR and record the visit (GPS, result, photo). */
  'patrol.check_in': ['admin', 'supervisor', 'duty_officer', 'patrol_officer'],
  /** Coverage per shift (points visited, by whom, GPS flags, missed points) and its CSV. */
  'patrol.coverage': ['admin', 'supervisor'],
  /** Register, edit and retire red boxes; print any point's QR sticker. */
  'patrol.points': ['admin', 'supervisor'],
  /** Approval mode, longest watch, GPS distance, purge days, the owners' summary hour, shifts. */
  'house_watch.settings': ['admin', 'supervisor'],
  /** Households and announcements (issue #14): the registry and coverage, composing and sending, approving. */
  'households.read': ['admin', 'supervisor', 'duty_officer', 'viewer'],
  'households.import': ['admin', 'supervisor'],
  'broadcasts.send': ['admin', 'supervisor'],
  'broadcasts.approve': ['admin', 'supervisor'],
  /** CCOC cameras (issue #15): the registry and cameras near a case; editing and verifying; footage requests; evidence. */
  'cameras.read': ['admin', 'supervisor', 'duty_officer', 'patrol_officer', 'ccoc_operator'],
  'cameras.edit': ['admin', 'supervisor', 'ccoc_operator'],
  'footage.request': ['admin', 'supervisor', 'duty_officer', 'ccoc_operator'],
  'evidence.read': ['admin', 'supervisor', 'duty_officer', 'ccoc_operator'],
} as const satisfies Record<string, readonly OfficerRole[]>
export type Permission = keyof typeof PERMISSIONS

/** A LINE user's request to become an officer. */
export const ACCESS_REQUEST_STATUSES = ['pending', 'approved', 'declined'] as const
export type AccessRequestStatus = (typeof ACCESS_REQUEST_STATUSES)[number]
