import { randomUUID } from 'node:crypto'
import { and, eq, isNull, lt, or, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { type Broadcast, broadcasts, outboundMessages } from '../../db/schema/index.js'
import type {
  AnnouncementTopic,
  Audience,
  AudienceEstimate,
  BroadcastMessagesInput,
  BroadcastView,
  PartialSend,
} from '../contracts/announcements.js'
import { AppError, BadRequestError, NotFoundError } from '../errors.js'
import type { LineMessage } from '../line/line-client.js'
import { writeOutbox } from '../line/outbox.js'
import type { Audit } from '../officers/audit-port.js'
import { countAudience } from './audience.js'
import type { BroadcastDelivery } from './delivery.js'
import { ANNOUNCEMENT_KIND, fanOut } from './fanout.js'
import { messagesFor, normaliseMessages } from './messages.js'
import { allowance, estimate, limits, type QuotaDeps, withLimits } from './quota.js'
import { readSettings } from './settings.js'
import { toView } from './views.js'

/** Who acts, from the session (never the client). */
export type Actor = {
  officerId: string
  stationId: string
  lineUserId: string
  ip?: string | undefined
  userAgent?: string | undefined
}

export type BroadcastInput = {
  title?: string | undefined
  topic?: AnnouncementTopic | undefined
  audience: Audience
  messages: BroadcastMessagesInput
  scheduledAt?: string | null | undefined
}

export class QuotaExceededError extends AppError {
  constructor(readonly estimate: AudienceEstimate) {
    super(
      'quota_exceeded',
      409,
      'the audience is larger than what LINE’s monthly quota or the station’s budget has left; choose a partial send',
      'จำนวนผู้รับเกินโควตาข้อความของเดือนนี้หรืองบประมาณของสถานี เลือกส่งบางส่วนได้',
      { estimate },
    )
  }
}
const conflict = (code: string, message: string, messageTh: string) => new AppError(code, 409, message, messageTh)

/** LINE's unit names are [a-zA-Z0-9_]{1,30}: one per announcement, from its ID. */
const unitOf = (id: string) => `bc_${id.replaceAll('-', '').slice(0, 27)}`

/**
 * Announcements, the officers' side: drafts, the estimate, the test send, approval, sending now or at a time, cancel.
 * Every change is audited in its own transaction. The fan-out is bot/announcements/fanout.ts; delivery is the
 * outbox's (jobs/deliver-outbound.job.ts with bot/announcements/delivery.ts).
 */
export function createBroadcasts({
  db,
  audit,
  quota,
  delivery,
  now = () => new Date(),
}: {
  db: Db
  audit: Audit
  quota: Omit<QuotaDeps, 'now'>
  delivery: Pick<BroadcastDelivery, 'settled'>
  now?: () => Date
}) {
  const quotaDeps: QuotaDeps = { ...quota, now }

  function record(tx: Tx, who: Actor | null, action: string, b: Pick<Broadcast, 'id' | 'stationId'>, details = {}) {
    return audit.record(tx, {
      ...(who ? { officer: { officerId: who.officerId, stationId: who.stationId }, actor: 'officer' } : {}),
      actor: who ? 'officer' : 'system',
      stationId: b.stationId,
      action,
      entityType: 'broadcast',
      entityId: b.id,
      ip: who?.ip,
      userAgent: who?.userAgent?.slice(0, 300),
      details,
    })
  }

  async function load(tx: Db | Tx, stationId: string, id: string, lock = false): Promise<Broadcast> {
    const q = tx
      .select()
      .from(broadcasts)
      .where(and(eq(broadcasts.id, id), eq(broadcasts.stationId, stationId)))
    const [row] = lock ? await q.for('update') : await q
    if (!row) {
      throw new NotFoundError('announcement not found', 'ไม่พบประกาศ')
    }
    return row
  }

  async function size(tx: Db | Tx, stationId: string, audience: Audience, topic: AnnouncementTopic) {
    if (audience.type === 'all_friends') {
      return (await estimate(tx, quotaDeps, { stationId, audience, topic })).recipients
    }
    return (await countAudience(tx, { stationId, audience, topic })).recipients
  }

  function scheduledOf(input: string | null | undefined): Date | null {
    if (!input) {
      return null
    }
    const at = new Date(input)
    if (at.getTime() <= now().getTime()) {
      throw new BadRequestError('scheduledAt must be in the future', 'เวลาที่ตั้งส่งต้องเป็นเวลาในอนาคต')
    }
    return at
  }

  async function create(who: Actor, input: BroadcastInput): Promise<BroadcastView> {
    const messages = normaliseMessages(input.messages)
    const topic = input.topic ?? 'general'
    const scheduledAt = scheduledOf(input.scheduledAt)
    return db.transaction(async (tx) => {
      const id = randomUUID()
      const [row] = await tx
        .insert(broadcasts)
        .values({
          id,
          stationId: who.stationId,
          title: input.title ?? `ประกาศ ${now().toISOString().slice(0, 10)}`,
          topic,
          audience: input.audience,
          messages,
          scheduledAt,
          recipients: await size(tx, who.stationId, input.audience, topic),
          aggregationUnit: unitOf(id),
          createdBy: who.officerId,
        })
        .returning()
      if (!row) {
        throw new Error('insert returned no row')
      }
      await record(tx, who, 'broadcast.create', row, { audience: input.audience.type, topic })
      return toView(tx, row)
    })
  }

  async function update(who: Actor, id: string, input: Partial<BroadcastInput>): Promise<BroadcastView> {
    return db.transaction(async (tx) => {
      const b = await load(tx, who.stationId, id, true)
      if (b.status !== 'draft' && b.status !== 'awaiting_approval') {
        throw conflict('not_editable', 'only a draft can be edited', 'แก้ไขได้เฉพาะประกาศที่ยังไม่ส่ง')
      }
      const audience = input.audience ?? b.audience
      const topic = input.topic ?? b.topic
      const [row] = await tx
        .update(broadcasts)
        .set({
          title: input.title ?? b.title,
          topic,
          audience,
          messages: input.messages === undefined ? b.messages : normaliseMessages(input.messages),
          scheduledAt: input.scheduledAt === undefined ? b.scheduledAt : scheduledOf(input.scheduledAt),
          recipients: await size(tx, who.stationId, audience, topic),
          // An edit needs a fresh approval.
          status: 'draft',
          approvedBy: null,
          approvedAt: null,
          sendRequestedBy: null,
          sendRequestedAt: null,
          updatedAt: now(),
        })
        .where(eq(broadcasts.id, b.id))
        .returning()
      if (!row) {
        throw new Error('update returned no row')
      }
      await record(tx, who, 'broadcast.update', row, { fields: Object.keys(input) })
      return toView(tx, row)
    })
  }

  async function estimateFor(stationId: string, audience: Audience, topic: AnnouncementTopic = 'general') {
    return estimate(db, quotaDeps, { stationId, audience, topic })
  }

  /** The quota check, then now (fan-out) or at its time (scheduled). Caller holds the row's lock. */
  async function go(tx: Tx, who: Actor | null, b: Broadcast, partial: PartialSend | null): Promise<Broadcast> {
    // One send at a time per station: two sends never both fit into the same remainder.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`broadcast-send:${b.stationId}`}))`)
    const at = now()
    const q = { stationId: b.stationId, audience: b.audience, topic: b.topic }
    if ((b.scheduledAt && b.scheduledAt > at) || b.audience.type === 'all_friends') {
      const e = await estimate(tx, quotaDeps, q)
      const left = allowance(e)
      if (!e.fits && (!partial || (left !== null && partial.limit > left))) {
        throw new QuotaExceededError(e)
      }
      if (b.scheduledAt && b.scheduledAt > at) {
        await tx
          .update(broadcasts)
          .set({ status: 'scheduled', partial, recipients: e.recipients, updatedAt: at })
          .where(eq(broadcasts.id, b.id))
        await record(tx, who, 'broadcast.schedule', b, { scheduledAt: b.scheduledAt.toISOString(), partial })
        return load(tx, b.stationId, b.id)
      }
      const n = await fanOut(tx, b, partial, at)
      await record(tx, who, 'broadcast.send', b, { recipients: n, partial })
      return load(tx, b.stationId, b.id)
    }
    // Sending now: the audience is resolved once, by the snapshot itself, and checked against the limits read before
    // it (its own requests are not yet pending). The snapshot holds min(audience, partial limit) recipients, so
    // "it fits, or the partial limit does" is "the snapshot fits". Refused: the error rolls the snapshot back.
    const l = await limits(tx, quotaDeps, b.stationId)
    const left = allowance(l)
    const n = await fanOut(tx, b, partial, at)
    if (left !== null && n > left) {
      // The rare path pays for the full count (the error shows the audience and what it leaves out).
      const counts = await countAudience(tx, {
        stationId: b.stationId,
        audience: b.audience as Exclude<Audience, { type: 'all_friends' }>,
        topic: b.topic,
      })
      throw new QuotaExceededError(withLimits(counts, l, false))
    }
    await record(tx, who, 'broadcast.send', b, { recipients: n, partial })
    return load(tx, b.stationId, b.id)
  }

  async function send(who: Actor, id: string, partial: PartialSend | null): Promise<BroadcastView> {
    return db.transaction(async (tx) => {
      const b = await load(tx, who.stationId, id, true)
      if (b.status === 'awaiting_approval') {
        throw conflict('awaiting_approval', 'a supervisor must approve it first', 'รอผู้บังคับบัญชาอนุมัติก่อนส่ง')
      }
      if (b.status !== 'draft') {
        throw conflict('not_sendable', `an announcement that is ${b.status} cannot be sent`, 'ประกาศนี้ส่งไม่ได้แล้ว')
      }
      const settings = await readSettings(tx, b.stationId)
      if (settings.requireApproval && !b.approvedBy) {
        // Checked now too, so the sender learns at once that it would not fit.
        const e = await estimate(tx, quotaDeps, { stationId: b.stationId, audience: b.audience, topic: b.topic })
        const left = allowance(e)
        if (!e.fits && (!partial || (left !== null && partial.limit > left))) {
          throw new QuotaExceededError(e)
        }
        const [row] = await tx
          .update(broadcasts)
          .set({
            status: 'awaiting_approval',
            partial,
            sendRequestedBy: who.officerId,
            sendRequestedAt: now(),
            updatedAt: now(),
          })
          .where(eq(broadcasts.id, b.id))
          .returning()
        await record(tx, who, 'broadcast.send_requested', b, { partial })
        return toView(tx, row ?? b)
      }
      const row = await go(tx, who, { ...b, sendRequestedBy: who.officerId }, partial)
      await tx
        .update(broadcasts)
        .set({ sendRequestedBy: who.officerId, sendRequestedAt: now() })
        .where(eq(broadcasts.id, b.id))
      return toView(tx, row)
    })
  }

  /**
   * A supervisor's approval (broadcasts.approve). Nobody approves an announcement they wrote or asked to send: the
   * station's practice is that a second person (the supervisor) checks it. Approving one whose sending was asked
   * for sends it (or schedules it) at once.
   */
  async function approve(who: Actor, id: string, partial: PartialSend | null): Promise<BroadcastView> {
    return db.transaction(async (tx) => {
      const b = await load(tx, who.stationId, id, true)
      if (b.status !== 'draft' && b.status !== 'awaiting_approval') {
        throw conflict('not_approvable', `an announcement that is ${b.status} needs no approval`, 'ไม่ต้องอนุมัติประกาศนี้')
      }
      if (b.createdBy === who.officerId || b.sendRequestedBy === who.officerId) {
        throw new AppError(
          'own_announcement',
          403,
          'an announcement is approved by someone other than its author or sender',
          'ผู้อนุมัติต้องไม่ใช่ผู้สร้างหรือผู้ขอส่งประกาศ',
        )
      }
      const approved = { ...b, approvedBy: who.officerId, approvedAt: now() }
      await tx
        .update(broadcasts)
        .set({ approvedBy: who.officerId, approvedAt: approved.approvedAt, updatedAt: now() })
        .where(eq(broadcasts.id, b.id))
      await record(tx, who, 'broadcast.approve', b)
      if (b.status === 'awaiting_approval') {
        const row = await go(tx, who, { ...approved, status: 'draft' }, partial ?? b.partial ?? null)
        return toView(tx, row)
      }
      return toView(tx, await load(tx, b.stationId, b.id))
    })
  }

  /** Stops what has not been sent: pending requests become 'cancelled'; a request already leased finishes. */
  async function cancel(who: Actor, id: string): Promise<BroadcastView> {
    const _view = await db.transaction(async (tx) => {
      const b = await load(tx, who.stationId, id, true)
      if (!['draft', 'awaiting_approval', 'scheduled', 'sending'].includes(b.status)) {
        throw conflict('not_cancellable', `an announcement that is ${b.status} cannot be cancelled`, 'ยกเลิกไม่ได้แล้ว')
      }
      const at = now()
      const stopped = await tx
        .update(outboundMessages)
        .set({ status: 'cancelled' })
        .where(
          and(
            eq(outboundMessages.broadcastId, b.id),
            eq(outboundMessages.status, 'pending'),
            or(isNull(outboundMessages.leasedUntil), lt(outboundMessages.leasedUntil, at)),
          ),
        )
        .returning({ id: outboundMessages.id })
      const [row] = await tx
        .update(broadcasts)
        .set({ status: 'cancelled', cancelledBy: who.officerId, cancelledAt: at, updatedAt: at })
        .where(eq(broadcasts.id, b.id))
        .returning()
      await record(tx, who, 'broadcast.cancel', b, { was: b.status, requestsStopped: stopped.length })
      return toView(tx, row ?? b)
    })
    await delivery.settled(id)
    return toView(db, await load(db, who.stationId, id))
  }

  /** The announcement to the signed-in officer's own LINE (a push in their language), as citizens would get it. */
  async function testSend(who: Actor, id: string, language: 'th' | 'en' = 'th'): Promise<{ sent: number }> {
    return db.transaction(async (tx) => {
      const b = await load(tx, who.stationId, id)
      const ids = await writeOutbox(tx, {
        to: who.lineUserId,
        messages: messagesFor(b.messages, language) as LineMessage[],
        stationId: b.stationId,
        purpose: 'announcement-test',
        kind: ANNOUNCEMENT_KIND,
      })
      await record(tx, who, 'broadcast.test', b, { language })
      return { sent: ids.length }
    })
  }

  /**
   * Scheduled announcements whose time has come (each claimed under its row lock, so two workers send it once); one
   * that no longer fits the quota is marked failed (audited). Returns how many started.
   */
  async function startDue(): Promise<number> {
    const due = await db
      .select({ id: broadcasts.id, stationId: broadcasts.stationId })
      .from(broadcasts)
      .where(and(eq(broadcasts.status, 'scheduled'), lt(broadcasts.scheduledAt, now())))
      .limit(20)
    let started = 0
    for (const d of due) {
      try {
        await db.transaction(async (tx) => {
          const [b] = await tx.select().from(broadcasts).where(eq(broadcasts.id, d.id)).for('update')
          if (b?.status !== 'scheduled') {
            return
          }
          await go(tx, null, { ...b, scheduledAt: null }, b.partial ?? null)
          started += 1
        })
      } catch (err) {
        if (!(err instanceof QuotaExceededError)) {
          throw err
        }
        await db.transaction(async (tx) => {
          await tx
            .update(broadcasts)
            .set({ status: 'failed', completedAt: now(), updatedAt: now() })
            .where(and(eq(broadcasts.id, d.id), eq(broadcasts.status, 'scheduled')))
          await record(tx, null, 'broadcast.quota_refused', d, { recipients: err.estimate.recipients })
        })
      }
    }
    return started
  }

  async function get(stationId: string, id: string) {
    return load(db, stationId, id)
  }

  return { create, update, estimate: estimateFor, send, approve, cancel, testSend, startDue, get }
}
export type Broadcasts = ReturnType<typeof createBroadcasts>
