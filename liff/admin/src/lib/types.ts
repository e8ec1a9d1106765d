// The officers' API as the page reads it: roles, permissions, case kinds and the JSON of every answer are the
// server's, defined once in bot/contracts/ (plain types and constants, no server code) and imported from there.
export type {
  AccessRequest,
  AttachmentMeta,
  AuditEntry,
  Bilingual,
  CaseDetail,
  CaseEvent,
  CaseFact,
  CaseLink,
  CaseList,
  CaseListItem,
  CaseSection,
  CaseView,
  CitizenView,
  Dashboard,
  Landmark,
  LineGroup,
  Me,
  Officer,
  OfficerRef,
  PrivacyRequest,
  RefusalGround,
  StationInfo,
  StationPhone,
  StreamEvent,
  Template,
} from '@contracts/admin-api.js'
export { CASE_KINDS, CASE_STATUSES, type CaseKind, LIVE_CASE_KINDS } from '@contracts/cases.js'
export { OFFICER_ROLES, type OfficerRole, type Permission } from '@contracts/officers.js'
