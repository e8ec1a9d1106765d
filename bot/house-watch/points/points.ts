import { and, asc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../../db/client.js'
import { type PatrolPoint, patrolPoints } from '../../../db/schema/index.js'
import type { PatrolPointKind, PatrolPointView } from '../../contracts/house-watch.js'
import type { ActingOfficer, Audit } from '../../officers/audit-port.js'
import { PatrolError } from './errors.js'
import { normaliseCode } from './qr.js'

export type RedBoxInput = { code: string; nameTh: string; nameEn: string; latitude: number; longitude: number }
export type RedBoxPatch = Partial<RedBoxInput> & { active?: boolean }

export function pointView(p: PatrolPoint): PatrolPointView {
  return {
    id: p.id,
    kind: p.kind,
    code: p.code,
    nameTh: p.nameTh,
    nameEn: p.nameEn,
    latitude: p.latitude,
    longitude: p.longitude,
    active: p.active,
    qrVersion: p.qrVersion,
    caseId: p.caseId,
  }
}

/** A point of the officer's station, locked for a change; another station's reads as unknown. */
export async function stationPoint(tx: Db | Tx, stationId: string, id: string): Promise<PatrolPoint> {
  const [row] = await tx
    .select()
    .from(patrolPoints)
    .where(and(eq(patrolPoints.id, id), eq(patrolPoints.stationId, stationId)))
    .limit(1)
  if (!row) {
    throw new PatrolError('point_unknown')
  }
  return row
}

function isUniqueViolation(err: unknown): boolean {
  for (let e: unknown = err; e && typeof e === 'object'; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: unknown }).code === '23505') {
      return true
    }
  }
  return false
}

/**
 * Red boxes 4.0 (ตู้แดง): the station's fixed patrol points, registered, edited, retired and their stickers reissued
 * by admins and supervisors (patrol.points). House points come from approved watches (one per case) and only their
 * sticker is reissued here. Every change is audited.
 */
export function createPointRegistry({ db, audit, now = () => new Date() }: { db: Db; audit: Audit; now?: () => Date }) {
  const record = (tx: Tx, who: ActingOfficer, action: string, p: PatrolPoint, details: Record<string, unknown> = {}) =>
    audit.record(tx, {
      officer: { officerId: who.officerId, stationId: who.stationId },
      action,
      entityType: 'patrol_point',
      entityId: p.id,
      ip: who.ip,
      userAgent: who.userAgent?.slice(0, 300),
      details: { code: p.code, kind: p.kind, ...details },
    })

  async function save<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work()
    } catch (err) {
      throw isUniqueViolation(err) ? new PatrolError('code_taken') : err
    }
  }

  return {
    async list(who: ActingOfficer, kind?: PatrolPointKind): Promise<PatrolPointView[]> {
      const rows = await db
        .select()
        .from(patrolPoints)
        .where(and(eq(patrolPoints.stationId, who.stationId), kind ? eq(patrolPoints.kind, kind) : undefined))
        .orderBy(asc(patrolPoints.kind), asc(patrolPoints.code))
      return rows.map(pointView)
    },

    create(who: ActingOfficer, input: RedBoxInput): Promise<PatrolPointView> {
      return save(() =>
        db.transaction(async (tx) => {
          const [row] = await tx
            .insert(patrolPoints)
            .values({ ...input, code: normaliseCode(input.code), stationId: who.stationId, kind: 'red_box' })
            .returning()
          if (!row) {
            throw new Error('patrol point insert returned no row')
          }
          await record(tx, who, 'patrol_point.create', row)
          return pointView(row)
        }),
      )
    },

    /** Edit a red box; `active: false` retires it (its visits stay), `true` brings it back. */
    update(who: ActingOfficer, id: string, patch: RedBoxPatch): Promise<PatrolPointView> {
      return save(() =>
        db.transaction(async (tx) => {
          const point = await stationPoint(tx, who.stationId, id)
          if (point.kind !== 'red_box') {
            throw new PatrolError('not_red_box')
          }
          const [row] = await tx
            .update(patrolPoints)
            .set({ ...patch, ...(patch.code ? { code: normaliseCode(patch.code) } : {}), updatedAt: now() })
            .where(eq(patrolPoints.id, id))
            .returning()
          if (!row) {
            throw new PatrolError('point_unknown')
          }
          const action = patch.active === false ? 'patrol_point.retire' : 'patrol_point.update'
          await record(tx, who, action, row, { fields: Object.keys(patch) })
          return pointView(row)
        }),
      )
    },

    /** A new QR for the point: every sticker printed before stops working at once. */
    reissue(who: ActingOfficer, id: string): Promise<PatrolPointView> {
      return db.transaction(async (tx) => {
        const point = await stationPoint(tx, who.stationId, id)
        const [row] = await tx
          .update(patrolPoints)
          .set({ qrVersion: point.qrVersion + 1, updatedAt: now() })
          .where(eq(patrolPoints.id, id))
          .returning()
        if (!row) {
          throw new PatrolError('point_unknown')
        }
        await record(tx, who, 'patrol_point.reissue', row, { qrVersion: row.qrVersion })
        return pointView(row)
      })
    },
  }
}
export type PointRegistry = ReturnType<typeof createPointRegistry>
