import { and, count, eq, inArray, ne, sql } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  type Camera,
  cameras,
  caseEvents,
  cases,
  citizens,
  type FootageRequest,
  footageRequests,
  officers,
  stations,
} from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { findStationCase } from '../../cases/case-view.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import { DEFAULT_FOOTAGE_DEADLINE_DAYS, type FootageRequestChannel } from '../../contracts/cameras.js'
import { AppError, BadRequestError } from '../../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import { requestCard } from './messages.js'

export type NewFootageRequests = {
  cameraIds: string[]
  windowFrom: Date
  windowTo: Date
  ask: string
  deadlineAt?: Date | undefined
}

export type RequestDeps = { audit: Audit; liffUrl: (path: string) => string }

/** Longest window one request may ask for: a recorder's export of more is a visit, not a message. */
const MAX_WINDOW_MS = 7 * 86_400_000
const DAY_MS = 86_400_000

/** How a camera is reached: its owner's LINE, a letter to the agency, or a task in the CCOC queue. */
export function channelOf(c: Pick<Camera, 'ownerType' | 'citizenId'>): FootageRequestChannel {
  if (c.ownerType === 'agency') {
    return 'letter'
  }
  return c.ownerType === 'private' && c.citizenId ? 'line' : 'ccoc_task'
}

/** The station's next letter number of the Buddhist year: "RYG 12/2569" (serialised by a per-station lock). */
async function nextLetterNumber(tx: Tx, station: { id: string; code: string }, now: Date): Promise<string> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`footage-letter:${station.id}`}))`)
  const be = Number(new Intl.DateTimeFormat('en-US', { timeZone: 'Asia/Bangkok', year: 'numeric' }).format(now)) + 543
  const suffix = `/${be}`
  const [row] = await tx
    .select({ n: count() })
    .from(footageRequests)
    .where(and(eq(footageRequests.stationId, station.id), sql`${footageRequests.letterNumber} like ${`% %${suffix}`}`))
  return `${station.code} ${(row?.n ?? 0) + 1}${suffix}`
}

/** The CCOC operator with the fewest open tasks (null when the station has none: the task waits in the queue). */
async function pickOperator(tx: Tx, stationId: string): Promise<string | null> {
  const [row] = await tx
    .select({ id: officers.id })
    .from(officers)
    .leftJoin(footageRequests, and(eq(footageRequests.assigneeId, officers.id), eq(footageRequests.status, 'open')))
    .where(and(eq(officers.stationId, stationId), eq(officers.role, 'ccoc_operator'), eq(officers.active, true)))
    .groupBy(officers.id)
    .orderBy(count(footageRequests.id), officers.id)
    .limit(1)
  return row?.id ?? null
}

/**
 * Footage requests for a case, one per camera, in one transaction: a private owner who joined through LINE gets the
 * card through the outbox; a private owner without LINE becomes a phone / visit task in the CCOC queue; an agency's
 * camera gets a numbered letter (its PDF is printed from the queue); a police camera becomes a CCOC operator's
 * task. Each request has a deadline and a timeline entry; the whole send is one audit line.
 */
export async function createFootageRequests(
  tx: Tx,
  deps: RequestDeps,
  who: ActingOfficer,
  caseId: string,
  input: NewFootageRequests,
  now: Date,
): Promise<FootageRequest[]> {
  const c = await findStationCase(tx, who.stationId, caseId, true)
  if (!(input.windowFrom < input.windowTo)) {
    throw new BadRequestError('windowFrom must be before windowTo', 'เวลาเริ่มต้องอยู่ก่อนเวลาสิ้นสุด')
  }
  if (input.windowTo.getTime() - input.windowFrom.getTime() > MAX_WINDOW_MS) {
    throw new BadRequestError('the window is longer than 7 days', 'ช่วงเวลาที่ขอต้องไม่เกิน 7 วัน')
  }
  const deadlineAt = input.deadlineAt ?? new Date(now.getTime() + DEFAULT_FOOTAGE_DEADLINE_DAYS * DAY_MS)
  if (deadlineAt <= now) {
    throw new BadRequestError('the deadline is in the past', 'กำหนดตอบต้องเป็นเวลาในอนาคต')
  }
  const ids = [...new Set(input.cameraIds)]
  const found = await tx
    .select()
    .from(cameras)
    .where(
      and(
        inArray(cameras.id, ids),
        eq(cameras.stationId, who.stationId),
        eq(cameras.verification, 'verified'),
        ne(cameras.status, 'removed'),
      ),
    )
  if (found.length !== ids.length) {
    const missing = ids.filter((id) => !found.some((f) => f.id === id))
    throw new AppError('camera_not_found', 404, 'some cameras are not in the registry', 'ไม่พบกล้องบางตัว', { missing })
  }
  const [station] = await tx.select().from(stations).where(eq(stations.id, who.stationId)).limit(1)
  if (!station) {
    throw new Error('the officer has no station row')
  }
  const out: FootageRequest[] = []
  for (const cam of found.sort((a, b) => a.code.localeCompare(b.code))) {
    const channel = channelOf(cam)
    const [req] = await tx
      .insert(footageRequests)
      .values({
        stationId: who.stationId,
        caseId: c.id,
        cameraId: cam.id,
        channel,
        windowFrom: input.windowFrom,
        windowTo: input.windowTo,
        ask: input.ask,
        deadlineAt,
        requestedBy: who.officerId,
        assigneeId: cam.ownerType === 'police' ? await pickOperator(tx, who.stationId) : null,
        letterNumber: channel === 'letter' ? await nextLetterNumber(tx, station, now) : null,
        createdAt: now,
        updatedAt: now,
      })
      .returning()
    if (!req) {
      throw new Error('footage request insert returned no row')
    }
    let delivery: Record<string, unknown> = {}
    if (channel === 'line' && cam.citizenId) {
      const [owner] = await tx.select().from(citizens).where(eq(citizens.id, cam.citizenId)).limit(1)
      if (owner) {
        const lang = owner.language
        const card = requestCard(
          lang,
          {
            requestId: req.id,
            reference: c.referenceNumber,
            cameraName: cam.name,
            cameraCode: cam.code,
            windowFrom: req.windowFrom,
            windowTo: req.windowTo,
            ask: req.ask,
            deadlineAt,
            stationName: lang === 'th' ? station.nameTh : station.nameEn,
          },
          deps.liffUrl,
        )
        const sent = await sendToCitizen(tx, owner, [card], {
          stationId: who.stationId,
          purpose: 'footage_request',
          now,
        })
        delivery = { outboundIds: sent.outboundIds, ...(sent.reason ? { reason: sent.reason } : {}) }
      }
    }
    await tx.insert(caseEvents).values({
      caseId: c.id,
      type: 'footage_request',
      actorType: 'officer',
      officerId: who.officerId,
      internal: true,
      body: null,
      data: { requestId: req.id, cameraId: cam.id, cameraCode: cam.code, channel, action: 'sent', ...delivery },
      createdAt: now,
    })
    out.push(req)
  }
  await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, c.id))
  await deps.audit.record(
    tx,
    byOfficer(who, 'footage.request', c.id, {
      requests: out.map((r) => r.id),
      channels: out.map((r) => r.channel),
    }),
  )
  await notifyCaseChange(tx, c, 'updated')
  return out
}
