import { and, asc, eq, isNull, or } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { type CannedReplyRow, cannedReplies } from '../../db/schema/index.js'
import type { CannedReply } from '../contracts/consultations.js'
import { NotFoundError } from '../errors.js'
import type { ActingOfficer, Audit } from '../officers/audit-port.js'
import { ForbiddenError } from '../officers/permissions.js'

export type CannedReplyInput = { scope: CannedReply['scope']; title: string; body: string; position?: number }
export type CannedReplyPatch = Partial<Pick<CannedReply, 'title' | 'body' | 'position'>>

/** The officer acting, and whether they may edit the station's library (permission consultations.settings). */
export type CannedReplyActor = ActingOfficer & { editsStation: boolean }

function toView(row: CannedReplyRow): CannedReply {
  return {
    id: row.id,
    scope: row.officerId === null ? 'station' : 'personal',
    title: row.title,
    body: row.body,
    position: row.position,
  }
}

function notFound() {
  return new NotFoundError('canned reply not found', 'ไม่พบข้อความสำเร็จรูป')
}

/**
 * Canned replies for officers' answers: the station's library (admins and supervisors edit it) and each officer's
 * own (only they see and edit theirs). Every change is audited (title and scope, never the text).
 */
export function createCannedReplies({ db, audit, now = () => new Date() }: { db: Db; audit: Audit; now?: () => Date }) {
  const record = (tx: Tx, who: ActingOfficer, action: string, row: CannedReplyRow) =>
    audit.record(tx, {
      officer: { officerId: who.officerId, stationId: who.stationId },
      action,
      entityType: 'canned_reply',
      entityId: row.id,
      ip: who.ip,
      userAgent: who.userAgent?.slice(0, 300),
      details: { scope: row.officerId === null ? 'station' : 'personal', title: row.title },
    })

  /** A reply the officer may change: their own, or the station's when they edit the station's library. */
  async function editable(tx: Tx, who: CannedReplyActor, id: string): Promise<CannedReplyRow> {
    const [row] = await tx
      .select()
      .from(cannedReplies)
      .where(
        and(
          eq(cannedReplies.id, id),
          eq(cannedReplies.stationId, who.stationId),
          or(isNull(cannedReplies.officerId), eq(cannedReplies.officerId, who.officerId)),
        ),
      )
      .limit(1)
      .for('update')
    if (!row) {
      throw notFound()
    }
    if (row.officerId === null && !who.editsStation) {
      throw new ForbiddenError('consultations.settings')
    }
    return row
  }

  return {
    /** The station's library, then the officer's own, each in its order. */
    async list(who: ActingOfficer): Promise<CannedReply[]> {
      const rows = await db
        .select()
        .from(cannedReplies)
        .where(
          and(
            eq(cannedReplies.stationId, who.stationId),
            or(isNull(cannedReplies.officerId), eq(cannedReplies.officerId, who.officerId)),
          ),
        )
        .orderBy(asc(cannedReplies.officerId), asc(cannedReplies.position), asc(cannedReplies.createdAt))
      const views = rows.map(toView)
      return [...views.filter((v) => v.scope === 'station'), ...views.filter((v) => v.scope === 'personal')]
    },

    create(who: CannedReplyActor, input: CannedReplyInput): Promise<CannedReply> {
      if (input.scope === 'station' && !who.editsStation) {
        throw new ForbiddenError('consultations.settings')
      }
      return db.transaction(async (tx) => {
        const [row] = await tx
          .insert(cannedReplies)
          .values({
            stationId: who.stationId,
            officerId: input.scope === 'station' ? null : who.officerId,
            title: input.title,
            body: input.body,
            position: input.position ?? 0,
            createdAt: now(),
            updatedAt: now(),
          })
          .returning()
        if (!row) {
          throw new Error('canned reply insert returned no row')
        }
        await record(tx, who, 'canned_reply.create', row)
        return toView(row)
      })
    },

    update(who: CannedReplyActor, id: string, patch: CannedReplyPatch): Promise<CannedReply> {
      return db.transaction(async (tx) => {
        await editable(tx, who, id)
        const [row] = await tx
          .update(cannedReplies)
          .set({ ...patch, updatedAt: now() })
          .where(eq(cannedReplies.id, id))
          .returning()
        if (!row) {
          throw notFound()
        }
        await record(tx, who, 'canned_reply.update', row)
        return toView(row)
      })
    },

    remove(who: CannedReplyActor, id: string): Promise<void> {
      return db.transaction(async (tx) => {
        const row = await editable(tx, who, id)
        await tx.delete(cannedReplies).where(eq(cannedReplies.id, id))
        await record(tx, who, 'canned_reply.delete', row)
      })
    },
  }
}
export type CannedReplies = ReturnType<typeof createCannedReplies>
