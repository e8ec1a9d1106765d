import { and, desc, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { accessRequests, citizens, type OfficerRole, stations } from '../../db/schema/index.js'
import { NotFoundError } from '../errors.js'
import { t } from '../i18n/index.js'
import { writeOutbox } from '../line/outbox.js'
import { ConflictError, type Officers } from './officers.service.js'

export type AccessRequest = typeof accessRequests.$inferSelect
type Status = AccessRequest['status']

export type AccessRequestsDeps = {
  officers: Pick<Officers, 'findByLineUserId' | 'upsert'>
  /** LIFF_ID_ADMIN: the approval notice links to the officers' page. */
  adminLiffId: string
  now?: () => Date
}

/** The role's name in the approval notice (the officers' page has its own, longer labels). */
const ROLE_NAMES: Record<OfficerRole, { th: string; en: string }> = {
  admin: { th: 'ผู้ดูแลระบบ', en: 'administrator' },
  supervisor: { th: 'หัวหน้า / ผู้กำกับดูแล', en: 'supervisor' },
  duty_officer: { th: 'เจ้าหน้าที่เวร', en: 'duty officer' },
  legal_advisor: { th: 'เจ้าหน้าที่ให้คำปรึกษากฎหมาย', en: 'legal-advice officer' },
  patrol_officer: { th: 'สายตรวจ', en: 'patrol officer' },
  ccoc_operator: { th: 'เจ้าหน้าที่ศูนย์ CCOC', en: 'CCOC operator' },
  viewer: { th: 'ดูอย่างเดียว', en: 'viewer' },
}

/** A LINE user who is not an officer asks to become one; an admin of the station approves (with a role) or declines. */
export function createAccessRequests({ officers, adminLiffId, now = () => new Date() }: AccessRequestsDeps) {
  /**
   * Tells the person in LINE that they are in (through the outbox, in the approval's transaction), in the language
   * they use with the OA (Thai if the OA does not know them). Someone who blocked the OA gets nothing.
   */
  async function noticeApproval(tx: Tx, request: AccessRequest, role: OfficerRole) {
    const [known] = await tx
      .select({ language: citizens.language, followState: citizens.followState })
      .from(citizens)
      .where(eq(citizens.lineUserId, request.lineUserId))
      .limit(1)
    if (known?.followState === 'blocked') {
      return
    }
    const [station] = await tx
      .select({ nameTh: stations.nameTh, nameEn: stations.nameEn })
      .from(stations)
      .where(eq(stations.id, request.stationId))
      .limit(1)
    const lang = known?.language ?? 'th'
    const text = t(lang, 'access.approved', {
      station: (lang === 'th' ? station?.nameTh : station?.nameEn) ?? '',
      role: ROLE_NAMES[role][lang],
      link: `https://liff.line.me/${adminLiffId}`,
    })
    await writeOutbox(tx, {
      to: request.lineUserId,
      stationId: request.stationId,
      messages: [{ type: 'text', text }],
      purpose: 'access_approved',
    })
  }

  async function pendingOf(tx: Tx, lineUserId: string): Promise<AccessRequest | undefined> {
    const [row] = await tx
      .select()
      .from(accessRequests)
      .where(and(eq(accessRequests.lineUserId, lineUserId), eq(accessRequests.status, 'pending')))
      .limit(1)
    return row
  }

  /** One open request per person: asking again returns the open one (`created: false`). */
  async function submit(
    tx: Tx,
    input: { stationId: string; lineUserId: string; displayName: string; note?: string | undefined },
  ): Promise<{ request: AccessRequest; created: boolean }> {
    const officer = await officers.findByLineUserId(tx, input.lineUserId)
    if (officer?.active) {
      throw new ConflictError('already_an_officer', 'you are already an officer', 'ท่านเป็นเจ้าหน้าที่ในระบบอยู่แล้ว')
    }
    if (officer) {
      // Someone an admin disabled does not get back in through the side door.
      throw new ConflictError(
        'officer_disabled',
        'your officer account was disabled; ask an admin of your station',
        'บัญชีเจ้าหน้าที่ของท่านถูกปิดการใช้งาน กรุณาติดต่อผู้ดูแลระบบของสถานี',
      )
    }
    const open = await pendingOf(tx, input.lineUserId)
    if (open) {
      return { request: open, created: false }
    }
    const [row] = await tx
      .insert(accessRequests)
      .values({ ...input, note: input.note || null })
      .onConflictDoNothing()
      .returning()
    const request = row ?? (await pendingOf(tx, input.lineUserId)) // a concurrent twin won the unique index
    if (!request) {
      throw new Error('access request insert returned no row')
    }
    return { request, created: Boolean(row) }
  }

  async function list(tx: Tx, stationId: string, status?: Status): Promise<AccessRequest[]> {
    const where = status
      ? and(eq(accessRequests.stationId, stationId), eq(accessRequests.status, status))
      : eq(accessRequests.stationId, stationId)
    return tx.select().from(accessRequests).where(where).orderBy(desc(accessRequests.createdAt)).limit(500)
  }

  async function decide(
    tx: Tx,
    args: {
      stationId: string
      id: string
      decidedBy: string
      decision: { decision: 'approve'; role: OfficerRole; fullName?: string | undefined } | { decision: 'decline' }
    },
  ) {
    // Row lock: two admins deciding at once do not both approve.
    const [request] = await tx
      .select()
      .from(accessRequests)
      .where(and(eq(accessRequests.id, args.id), eq(accessRequests.stationId, args.stationId)))
      .for('update')
    if (!request) {
      throw new NotFoundError('no such access request in your station', 'ไม่พบคำขอสิทธิ์ในสถานีของท่าน')
    }
    if (request.status !== 'pending') {
      throw new ConflictError('already_decided', `this request was already ${request.status}`, 'คำขอนี้ได้รับการพิจารณาแล้ว')
    }
    const d = args.decision
    const status = d.decision === 'approve' ? 'approved' : 'declined'
    const [decided] = await tx
      .update(accessRequests)
      .set({ status, decidedBy: args.decidedBy, decidedAt: now() })
      .where(eq(accessRequests.id, request.id))
      .returning()
    if (!decided) {
      throw new Error('access request update returned no row')
    }
    if (d.decision === 'decline') {
      return { request: decided }
    }
    const { officer } = await officers.upsert(tx, {
      stationId: request.stationId,
      lineUserId: request.lineUserId,
      displayName: request.displayName,
      role: d.role,
      ...(d.fullName ? { fullName: d.fullName } : {}),
    })
    await noticeApproval(tx, decided, d.role)
    return { request: decided, officer }
  }

  return { submit, pendingOf, list, decide }
}
export type AccessRequests = ReturnType<typeof createAccessRequests>
