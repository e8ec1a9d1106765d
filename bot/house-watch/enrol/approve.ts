import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  type Case,
  caseEvents,
  cases,
  citizens,
  houseWatches,
  patrolPoints,
  stations,
} from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import { bangkokToday } from '../../contracts/lost-documents/rules.js'
import { BadRequestError } from '../../errors.js'
import type { LineMessage } from '../../line/line-client.js'
import { approvedMessage } from './messages.js'
import { hw } from './texts.js'

/** Where the owner's page is: `https://liff.line.me/{LIFF_ID_CITIZEN}/house-watch/{caseId}` (hw-owner's page). */
export type OwnerPageUrl = (caseId: string) => string

export type Decision = { case: Case; eventId: number; outboundIds: string[] }

/** The patrol point's short code from the case number: RYG-HW-2569-000001 → HW-2569-000001 (sticker, manual entry). */
export function pointCodeOf(reference: string): string {
  const at = reference.indexOf('HW-')
  return at >= 0 ? reference.slice(at) : reference
}

async function statusEvent(
  tx: Tx,
  c: Pick<Case, 'id'>,
  move: { from: string; to: string; officerId: string | null; body?: string; data?: Record<string, unknown> },
  now: Date,
): Promise<number> {
  const [row] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      type: 'status',
      actorType: move.officerId ? 'officer' : 'system',
      officerId: move.officerId,
      fromStatus: move.from,
      toStatus: move.to,
      body: move.body ?? null,
      data: move.data,
      createdAt: now,
    })
    .returning({ id: caseEvents.id })
  if (!row) {
    throw new Error('case event insert returned no row')
  }
  return row.id
}

/** The station has answered the request: its status, the first response and resolution times, no SLA any more. */
async function answered(tx: Tx, c: Case, status: string, now: Date): Promise<Case | undefined> {
  const [row] = await tx
    .update(cases)
    .set({
      status,
      firstResponseAt: c.firstResponseAt ?? now,
      resolvedAt: c.resolvedAt ?? now,
      dueAt: null,
      updatedAt: now,
    })
    .where(eq(cases.id, c.id))
    .returning()
  return row
}

async function ownerOf(tx: Tx, c: Case) {
  if (!c.citizenId) {
    return undefined
  }
  const [citizen] = await tx.select().from(citizens).where(eq(citizens.id, c.citizenId)).limit(1)
  return citizen
}

async function tell(tx: Tx, c: Case, messages: (lang: 'th' | 'en') => LineMessage[], purpose: string, now: Date) {
  const citizen = await ownerOf(tx, c)
  if (!citizen) {
    return [] as string[]
  }
  const sent = await sendToCitizen(tx, citizen, messages(citizen.language), { stationId: c.stationId, purpose, now })
  return sent.outboundIds
}

/**
 * Approves a submitted watch (the station's 'auto' setting at enrolment, or the duty officer): its patrol point
 * (kind 'house', code from the number, the pin, QR version 1), status 'approved', or straight on to 'active' when the
 * absence has already begun (a second, system entry on the timeline: the reminder and start jobs see the same
 * statuses either way), and the owner's message with the button to their page, where the QR sticker is.
 */
export async function approveWatch(
  tx: Tx,
  c: Case,
  input: { officerId: string | null; now: Date; notify: boolean; ownerPage: OwnerPageUrl; message?: string },
): Promise<Decision> {
  const { now } = input
  const [watch] = await tx.select().from(houseWatches).where(eq(houseWatches.caseId, c.id)).limit(1)
  if (!watch || watch.latitude === null || watch.longitude === null) {
    throw new BadRequestError('the house watch has no pinned house', 'คำขอนี้ไม่มีตำแหน่งบ้าน')
  }
  await tx
    .update(houseWatches)
    .set({ approvedAt: now, approvedBy: input.officerId, updatedAt: now })
    .where(eq(houseWatches.caseId, c.id))
  await tx
    .insert(patrolPoints)
    .values({
      stationId: c.stationId,
      kind: 'house',
      caseId: c.id,
      code: pointCodeOf(c.referenceNumber),
      nameTh: `บ้านฝากดูแล ${pointCodeOf(c.referenceNumber)}`,
      nameEn: `House watch ${pointCodeOf(c.referenceNumber)}`,
      latitude: watch.latitude,
      longitude: watch.longitude,
      qrVersion: 1,
      createdAt: now,
    })
    .onConflictDoNothing()
  const started = watch.startsOn <= bangkokToday(now)
  const to = started ? 'active' : 'approved'
  const updated = await answered(tx, c, to, now)
  const outboundIds = input.notify
    ? await tell(
        tx,
        c,
        (lang) => [
          approvedMessage(lang, { reference: c.referenceNumber, ...watch, note: input.message }, input.ownerPage(c.id)),
        ],
        'house-watch-approved',
        now,
      )
    : []
  let eventId = await statusEvent(
    tx,
    c,
    {
      from: c.status,
      to: 'approved',
      officerId: input.officerId,
      body: input.message,
      data: { outboundIds, auto: !input.officerId },
    },
    now,
  )
  if (started) {
    eventId = await statusEvent(tx, c, { from: 'approved', to: 'active', officerId: null }, now)
  }
  const row = updated ?? { ...c, status: to }
  await notifyCaseChange(tx, row, 'updated')
  return { case: row, eventId, outboundIds }
}

/** Refuses a request: the officer's reason goes to the owner; the watch ends ('rejected'), no patrol point. */
export async function rejectWatch(
  tx: Tx,
  c: Case,
  input: { officerId: string; reason: string; now: Date },
): Promise<Decision> {
  const { now } = input
  await tx
    .update(houseWatches)
    .set({ endedAt: now, endReason: 'rejected', updatedAt: now })
    .where(eq(houseWatches.caseId, c.id))
  const updated = await answered(tx, c, 'rejected', now)
  const [station] = await tx.select().from(stations).where(eq(stations.id, c.stationId)).limit(1)
  const outboundIds = await tell(
    tx,
    c,
    (lang) => [
      {
        type: 'text',
        text: hw(lang, 'rejected.body', {
          ref: c.referenceNumber,
          reason: input.reason,
          station: (lang === 'th' ? station?.nameTh : station?.nameEn) ?? '',
          phone: station?.phone ?? '191',
        }).slice(0, 5000),
      },
    ],
    'house-watch-rejected',
    now,
  )
  const eventId = await statusEvent(
    tx,
    c,
    { from: c.status, to: 'rejected', officerId: input.officerId, body: input.reason, data: { outboundIds } },
    now,
  )
  return { case: updated ?? { ...c, status: 'rejected' }, eventId, outboundIds }
}
