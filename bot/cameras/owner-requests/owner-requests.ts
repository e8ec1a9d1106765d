import { and, desc, eq, gt, inArray, or } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  type Camera,
  type Case,
  cameras,
  cases,
  evidenceFiles,
  type FootageRequest,
  footageRequests,
} from '../../../db/schema/index.js'
import { FOOTAGE_STATUS_LABELS, type FootageRequestStatus } from '../../contracts/cameras.js'
import type { OwnerRequestView } from '../../contracts/cameras-evidence.js'
import { formatDateTime } from '../../contracts/dates.js'
import { AppError, NotFoundError } from '../../errors.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const DAY_MS = 86_400_000
/** Answered or finished requests stay on the owner's list this long after their last change. */
export const RECENT_DAYS = 30

/** The statuses an owner may still answer or upload in. */
const FINISHED: readonly FootageRequestStatus[] = ['closed', 'cancelled']

export function requestNotFound() {
  return new NotFoundError('footage request not found', 'ไม่พบคำขอภาพจากกล้องนี้')
}

export class RequestClosedError extends AppError {
  constructor() {
    super('request_closed', 409, 'this request is closed', 'คำขอนี้ปิดแล้ว ไม่ต้องดำเนินการเพิ่ม')
  }
}

export type { OwnerRequestView }

type Row = { request: FootageRequest; camera: Camera; referenceNumber: Case['referenceNumber'] }

function view(row: Row, files: OwnerRequestView['files'], now: Date): OwnerRequestView {
  const { request: r, camera } = row
  const both = (f: (lang: 'th' | 'en') => string) => ({ th: f('th'), en: f('en') })
  const open = !FINISHED.includes(r.status)
  return {
    id: r.id,
    referenceNumber: row.referenceNumber,
    camera: { code: camera.code, name: camera.name, covers: camera.covers },
    windowFrom: r.windowFrom.toISOString(),
    windowTo: r.windowTo.toISOString(),
    window: both((lang) => `${formatDateTime(lang, r.windowFrom)} – ${formatDateTime(lang, r.windowTo)}`),
    ask: r.ask,
    deadlineAt: r.deadlineAt.toISOString(),
    deadline: both((lang) => formatDateTime(lang, r.deadlineAt)),
    overdue: r.status === 'open' && r.deadlineAt.getTime() < now.getTime(),
    status: r.status,
    statusTh: FOOTAGE_STATUS_LABELS[r.status].th,
    statusEn: FOOTAGE_STATUS_LABELS[r.status].en,
    answeredAt: r.answeredAt?.toISOString() ?? null,
    answerNote: r.answerNote,
    canAnswer: open && r.status !== 'received',
    canUpload: open,
    files,
  }
}

const columns = { request: footageRequests, camera: cameras, referenceNumber: cases.referenceNumber }

/** The requests addressed to the citizen's cameras: those still open, and the others changed in the last 30 days. */
export async function ownerRequests(tx: Tx, citizenId: string, now: Date): Promise<OwnerRequestView[]> {
  const since = new Date(now.getTime() - RECENT_DAYS * DAY_MS)
  const rows = await tx
    .select(columns)
    .from(footageRequests)
    .innerJoin(cameras, eq(cameras.id, footageRequests.cameraId))
    .innerJoin(cases, eq(cases.id, footageRequests.caseId))
    .where(
      and(
        eq(cameras.citizenId, citizenId),
        or(inArray(footageRequests.status, ['open', 'have_it']), gt(footageRequests.updatedAt, since)),
      ),
    )
    .orderBy(desc(footageRequests.createdAt))
    .limit(100)
  return rows.map((r) => view(r, [], now))
}

/** One request of the citizen's cameras (any other ID: 404, the same as one that does not exist). */
export async function ownerRequest(
  tx: Tx,
  citizenId: string,
  requestId: string,
  forUpdate = false,
): Promise<Row & { case: Case }> {
  if (!UUID.test(requestId)) {
    throw requestNotFound()
  }
  const q = tx
    .select({ ...columns, case: cases })
    .from(footageRequests)
    .innerJoin(cameras, eq(cameras.id, footageRequests.cameraId))
    .innerJoin(cases, eq(cases.id, footageRequests.caseId))
    .where(and(eq(footageRequests.id, requestId), eq(cameras.citizenId, citizenId)))
    .limit(1)
  const [row] = forUpdate ? await q.for('update', { of: footageRequests }) : await q
  if (!row) {
    throw requestNotFound()
  }
  return row
}

/** The request as the owner's page shows it, with the files this owner sent for it (hashes as the station keeps them). */
export async function ownerRequestView(tx: Tx, citizenId: string, requestId: string, now: Date) {
  const row = await ownerRequest(tx, citizenId, requestId)
  const files = await tx
    .select({
      id: evidenceFiles.id,
      size: evidenceFiles.size,
      sha256: evidenceFiles.sha256,
      receivedAt: evidenceFiles.receivedAt,
    })
    .from(evidenceFiles)
    .where(and(eq(evidenceFiles.footageRequestId, requestId), eq(evidenceFiles.uploadedByCitizenId, citizenId)))
    .orderBy(evidenceFiles.receivedAt)
  return view(
    row,
    files.map((f) => ({ ...f, receivedAt: f.receivedAt.toISOString() })),
    now,
  )
}

export function isFinished(status: FootageRequestStatus): boolean {
  return FINISHED.includes(status)
}
