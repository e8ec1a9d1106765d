import type { CaseKind } from '../../db/schema/index.js'

/**
 * Each kind's statuses and the moves officers may make between them. Terminal statuses have no moves.
 * Labels are for officers and citizens in both languages.
 */
type Flow = { initial: string; moves: Record<string, readonly string[]>; resolved: readonly string[] }

const FLOWS: Record<CaseKind, Flow> = {
  lost_document: {
    initial: 'submitted',
    moves: {
      submitted: ['in_review', 'issued', 'awaiting_info', 'rejected', 'visit_station'],
      in_review: ['issued', 'awaiting_info', 'rejected', 'visit_station'],
      awaiting_info: ['in_review', 'issued', 'rejected', 'visit_station'],
      visit_station: ['issued', 'rejected', 'closed'],
      issued: ['revoked'],
      rejected: [],
      revoked: [],
      closed: [],
    },
    // The station has given its answer: a record (even if revoked later), a refusal, or a closed file.
    resolved: ['issued', 'rejected', 'revoked', 'closed'],
  },
  house_watch: {
    initial: 'submitted',
    moves: {
      submitted: ['approved', 'awaiting_info', 'rejected'],
      awaiting_info: ['approved', 'rejected'],
      approved: ['active', 'cancelled'],
      active: ['completed', 'cancelled'],
      completed: [],
      rejected: [],
      cancelled: [],
    },
    // The request is answered once approved or refused; the watch itself then runs for its period.
    resolved: ['approved', 'active', 'completed', 'rejected', 'cancelled'],
  },
  consultation: {
    initial: 'waiting',
    moves: {
      waiting: ['in_progress', 'closed'],
      in_progress: ['awaiting_info', 'answered', 'closed'],
      awaiting_info: ['in_progress', 'closed'],
      answered: ['in_progress', 'closed'],
      // Re-opened (the citizen writes within CONSULTATION_REOPEN_DAYS, or an officer re-opens): back in the queue.
      closed: ['waiting'],
    },
    resolved: ['answered', 'closed'],
  },
  sos: {
    initial: 'new',
    moves: {
      new: ['dispatched', 'resolved', 'closed'],
      dispatched: ['on_scene', 'resolved', 'closed'],
      on_scene: ['resolved', 'closed'],
      resolved: [],
      closed: [],
    },
    resolved: ['resolved', 'closed'],
  },
}

export const STATUS_LABELS: Record<string, { th: string; en: string }> = {
  submitted: { th: 'รับเรื่องแล้ว', en: 'Received' },
  in_review: { th: 'กำลังตรวจสอบ', en: 'In review' },
  awaiting_info: { th: 'รอข้อมูลเพิ่มเติม', en: 'Waiting for more information' },
  visit_station: { th: 'กรุณามาที่สถานี', en: 'Please come to the station' },
  issued: { th: 'ออกบันทึกแล้ว', en: 'Record issued' },
  rejected: { th: 'ไม่อนุมัติ', en: 'Rejected' },
  revoked: { th: 'ยกเลิกบันทึก', en: 'Record revoked' },
  closed: { th: 'ปิดเรื่อง', en: 'Closed' },
  approved: { th: 'อนุมัติแล้ว', en: 'Approved' },
  active: { th: 'กำลังดูแล', en: 'Active' },
  completed: { th: 'เสร็จสิ้น', en: 'Completed' },
  cancelled: { th: 'ยกเลิก', en: 'Cancelled' },
  waiting: { th: 'รอเจ้าหน้าที่', en: 'Waiting for an officer' },
  in_progress: { th: 'กำลังดำเนินการ', en: 'In progress' },
  answered: { th: 'ตอบแล้ว', en: 'Answered' },
  new: { th: 'ใหม่', en: 'New' },
  dispatched: { th: 'ส่งสายตรวจแล้ว', en: 'Patrol dispatched' },
  on_scene: { th: 'ถึงที่เกิดเหตุแล้ว', en: 'On scene' },
  resolved: { th: 'คลี่คลายแล้ว', en: 'Resolved' },
}

export function initialStatus(kind: CaseKind): string {
  return FLOWS[kind].initial
}
export function allowedMoves(kind: CaseKind, from: string): readonly string[] {
  return FLOWS[kind].moves[from] ?? []
}
export function isTerminal(kind: CaseKind, status: string): boolean {
  return allowedMoves(kind, status).length === 0
}
export function statusesOf(kind: CaseKind): string[] {
  return Object.keys(FLOWS[kind].moves)
}

/**
 * Whether the station has answered the case in this status (sets `resolvedAt`; the SLA and "overdue" stop counting).
 * Moving back to an open status (e.g. answered → in_progress) reopens it.
 */
export function isResolved(kind: CaseKind, status: string): boolean {
  return FLOWS[kind].resolved.includes(status)
}
export function canMove(kind: CaseKind, from: string, to: string): boolean {
  return allowedMoves(kind, from).includes(to)
}
/** Every status of every kind (the inbox's status filter and counts). */
export const ALL_STATUSES: readonly string[] = [...new Set(Object.values(FLOWS).flatMap((f) => Object.keys(f.moves)))]

/** The kinds that use a status (e.g. 'closed' is shared; 'issued' is lost documents' own). */
export function kindsWithStatus(status: string): CaseKind[] {
  return (Object.keys(FLOWS) as CaseKind[]).filter((k) => status in FLOWS[k].moves)
}
