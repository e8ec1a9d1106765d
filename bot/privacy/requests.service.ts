import { and, asc, count, desc, eq, inArray, type SQL } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { type Citizen, cases, citizens, type DataRequest, dataRequests, officers } from '../../db/schema/index.js'
import { AppError, NotFoundError } from '../errors.js'
import { writeOutbox } from '../line/outbox.js'
import type { ActingOfficer, Audit } from '../officers/audit-port.js'
import type { DoNotContact } from './do-not-contact.js'
import { eraseCitizen } from './erasure.js'
import { PRIVACY_ANSWER_PURPOSE } from './line-traces.js'
import type { PersonalDataPart, Removed } from './parts.js'
import { answerText, dueAtOf, type RefusalGround } from './requests.js'

export type RequestsDeps = {
  db: Db
  audit: Audit
  parts: readonly PersonalDataPart[]
  doNotContact: Pick<DoNotContact, 'add'>
  now?: () => Date
}

export type RequestsQuery = { status?: DataRequest['status'] | undefined; kind?: DataRequest['kind'] | undefined }

const LINE_USER = /^U[0-9a-f]{32}$/

/** A display name as lists show it: first and last character (ส***ย), like the case inbox. */
function masked(name: string | null): string | null {
  if (!name) {
    return null
  }
  const chars = [...name.trim()]
  return chars.length <= 2 ? `${chars[0] ?? ''}*` : `${chars[0]}***${chars[chars.length - 1]}`
}

function alreadyAnswered() {
  return new AppError('already_answered', 409, 'this request has already been answered', 'คำขอนี้ได้รับการตอบแล้ว')
}

/**
 * The officers' side of citizens' PDPA requests (permission privacy.requests): the station's queue with due dates,
 * erasure (every domain's part, the "do not contact" hash, the citizen told in LINE first) or a refusal on a legal
 * ground (the citizen told why). Each answer is one transaction with its audit line.
 */
export function createPrivacyRequests({ db, audit, parts, doNotContact, now = () => new Date() }: RequestsDeps) {
  async function list(who: ActingOfficer, query: RequestsQuery) {
    const at = now()
    return db.transaction(async (tx) => {
      const where: SQL[] = [eq(dataRequests.stationId, who.stationId)]
      if (query.status) {
        where.push(eq(dataRequests.status, query.status))
      }
      if (query.kind) {
        where.push(eq(dataRequests.kind, query.kind))
      }
      const rows = await tx
        .select({ request: dataRequests, citizen: citizens, handledByName: officers.displayName })
        .from(dataRequests)
        .innerJoin(citizens, eq(citizens.id, dataRequests.citizenId))
        .leftJoin(officers, eq(officers.id, dataRequests.handledBy))
        .where(and(...where))
        // The oldest open request first: it is the one whose 30 days run out first.
        .orderBy(query.status === 'pending' ? asc(dataRequests.createdAt) : desc(dataRequests.createdAt))
        .limit(200)
      const ids = [...new Set(rows.map((r) => r.citizen.id))]
      const caseCounts = ids.length
        ? await tx
            .select({ citizenId: cases.citizenId, n: count() })
            .from(cases)
            .where(inArray(cases.citizenId, ids))
            .groupBy(cases.citizenId)
        : []
      return rows.map(({ request: r, citizen: c, handledByName }) => ({
        id: r.id,
        kind: r.kind,
        status: r.status,
        createdAt: r.createdAt.toISOString(),
        dueAt: dueAtOf(r).toISOString(),
        overdue: r.status === 'pending' && dueAtOf(r) < at,
        completedAt: r.completedAt?.toISOString() ?? null,
        citizen: {
          displayName: masked(c.displayName),
          language: c.language,
          erased: !LINE_USER.test(c.lineUserId),
          cases: caseCounts.find((x) => x.citizenId === c.id)?.n ?? 0,
        },
        handledBy: r.handledBy ? { id: r.handledBy, displayName: handledByName ?? '' } : null,
        refusalGround: r.refusalGround,
        note: r.note,
        result: r.result,
      }))
    })
  }

  /** The open erasure request of the officer's station, locked for the answer. */
  async function openRequest(
    tx: Tx,
    who: ActingOfficer,
    id: string,
  ): Promise<{ request: DataRequest; citizen: Citizen }> {
    const [row] = /^[0-9a-f-]{36}$/i.test(id)
      ? await tx
          .select({ request: dataRequests, citizen: citizens })
          .from(dataRequests)
          .innerJoin(citizens, eq(citizens.id, dataRequests.citizenId))
          .where(and(eq(dataRequests.id, id), eq(dataRequests.stationId, who.stationId)))
          .for('update', { of: dataRequests })
      : []
    if (row?.request.kind !== 'delete') {
      throw new NotFoundError('no such erasure request', 'ไม่พบคำขอนี้')
    }
    if (row.request.status !== 'pending') {
      throw alreadyAnswered()
    }
    return row
  }

  /** The answer goes to the citizen through the outbox, in this transaction, before anything is erased. */
  async function tell(tx: Tx, citizen: Citizen, stationId: string, text: string): Promise<boolean> {
    if (citizen.followState !== 'following' || !LINE_USER.test(citizen.lineUserId)) {
      return false // they blocked the OA: LINE would refuse the push
    }
    await writeOutbox(tx, {
      to: citizen.lineUserId,
      messages: [{ type: 'text', text }],
      stationId,
      purpose: PRIVACY_ANSWER_PURPOSE,
    })
    return true
  }

  async function complete(who: ActingOfficer, id: string) {
    const at = now()
    return db.transaction(async (tx) => {
      const { request, citizen } = await openRequest(tx, who, id)
      const notified = await tell(tx, citizen, who.stationId, answerText({ done: true }))
      const removed: Removed = await eraseCitizen(tx, citizen, parts, at)
      if (LINE_USER.test(citizen.lineUserId)) {
        await doNotContact.add(tx, citizen.lineUserId, request.id)
      }
      const [done] = await tx
        .update(dataRequests)
        .set({ status: 'done', completedAt: at, handledBy: who.officerId, result: removed })
        .where(eq(dataRequests.id, request.id))
        .returning()
      await audit.record(tx, {
        officer: who,
        action: 'privacy.erase',
        entityType: 'data_request',
        entityId: request.id,
        ip: who.ip,
        userAgent: who.userAgent?.slice(0, 300),
        details: { removed, notified },
      })
      return { request: done ?? request, removed, notified }
    })
  }

  async function refuse(who: ActingOfficer, id: string, ground: RefusalGround, explanation: string) {
    const at = now()
    return db.transaction(async (tx) => {
      const { request, citizen } = await openRequest(tx, who, id)
      const notified = await tell(tx, citizen, who.stationId, answerText({ done: false, ground, explanation }))
      const [declined] = await tx
        .update(dataRequests)
        .set({
          status: 'declined',
          completedAt: at,
          handledBy: who.officerId,
          refusalGround: ground,
          note: explanation,
        })
        .where(eq(dataRequests.id, request.id))
        .returning()
      await audit.record(tx, {
        officer: who,
        action: 'privacy.refuse',
        entityType: 'data_request',
        entityId: request.id,
        ip: who.ip,
        userAgent: who.userAgent?.slice(0, 300),
        details: { ground, explanationLength: explanation.length, notified },
      })
      return { request: declined ?? request, notified }
    })
  }

  return { list, complete, refuse }
}
export type PrivacyRequests = ReturnType<typeof createPrivacyRequests>
