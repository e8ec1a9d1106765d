import { and, asc, eq, ne, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Officer, type OfficerRole, officers, stations } from '../../db/schema/index.js'
import { AppError, NotFoundError } from '../errors.js'
import type { Sessions } from './session.service.js'

export const DEFAULT_STATION_CODE = 'RYG'

export type OfficerPatch = { role?: OfficerRole | undefined; active?: boolean | undefined; fullName?: string | null }

export class ConflictError extends AppError {
  constructor(code: string, message: string, messageTh: string) {
    super(code, 409, message, messageTh)
  }
}

export type OfficersDeps = { sessions: Pick<Sessions, 'revokeAllOf'>; now?: () => Date }

/** Officers of a station: who they are, their role, whether they may still sign in. */
export function createOfficers({ sessions, now = () => new Date() }: OfficersDeps) {
  async function stationByCode(tx: Tx, code: string) {
    const [row] = await tx.select().from(stations).where(eq(stations.code, code)).limit(1)
    if (!row) {
      throw new NotFoundError(`no station ${code}`, `ไม่พบสถานี ${code}`)
    }
    return row
  }

  async function findByLineUserId(tx: Tx, lineUserId: string): Promise<Officer | undefined> {
    const [row] = await tx.select().from(officers).where(eq(officers.lineUserId, lineUserId)).limit(1)
    return row
  }

  async function findInStation(tx: Tx, stationId: string, id: string): Promise<Officer> {
    const [row] = await tx
      .select()
      .from(officers)
      .where(and(eq(officers.id, id), eq(officers.stationId, stationId)))
      .limit(1)
    if (!row) {
      throw new NotFoundError('no such officer in your station', 'ไม่พบเจ้าหน้าที่ในสถานีของท่าน')
    }
    return row
  }

  async function listByStation(tx: Tx, stationId?: string): Promise<Officer[]> {
    const where = stationId ? eq(officers.stationId, stationId) : undefined
    return tx.select().from(officers).where(where).orderBy(asc(officers.createdAt), asc(officers.id))
  }

  /** Adds an officer, or gives an existing one (even a disabled one) this station and role and turns them on. */
  async function upsert(
    tx: Tx,
    input: { stationId: string; lineUserId: string; displayName: string; role: OfficerRole; fullName?: string },
  ): Promise<{ officer: Officer; created: boolean; before?: Officer }> {
    const before = await findByLineUserId(tx, input.lineUserId)
    const values = { stationId: input.stationId, role: input.role, active: true, disabledAt: null }
    const [row] = before
      ? await tx
          .update(officers)
          .set({ ...values, ...(input.fullName ? { fullName: input.fullName } : {}) })
          .where(eq(officers.id, before.id))
          .returning()
      : await tx
          .insert(officers)
          .values({ ...values, lineUserId: input.lineUserId, displayName: input.displayName, fullName: input.fullName })
          .returning()
    if (!row) {
      throw new Error('officer upsert returned no row')
    }
    return { officer: row, created: !before, ...(before ? { before } : {}) }
  }

  async function otherActiveAdmins(tx: Tx, stationId: string, exceptId: string): Promise<number> {
    return tx.$count(
      officers,
      and(
        eq(officers.stationId, stationId),
        eq(officers.role, 'admin'),
        eq(officers.active, true),
        ne(officers.id, exceptId),
      ),
    )
  }

  /**
   * Changes role, active flag or printed name. Disabling revokes every session of the officer in the same
   * transaction. A station always keeps one active admin, and nobody disables themselves (no lock-outs).
   */
  async function update(
    tx: Tx,
    args: { stationId: string; id: string; patch: OfficerPatch; actingOfficerId?: string; keepOneAdmin?: boolean },
  ) {
    const before = await findInStation(tx, args.stationId, args.id)
    const { patch } = args
    if (patch.active === false && args.actingOfficerId === before.id) {
      throw new ConflictError('cannot_disable_self', 'you cannot disable yourself', 'ไม่สามารถปิดการใช้งานบัญชีของตนเองได้')
    }
    const losesAdmin =
      before.role === 'admin' && before.active && (patch.active === false || (patch.role && patch.role !== 'admin'))
    if (losesAdmin && args.keepOneAdmin !== false && (await otherActiveAdmins(tx, args.stationId, before.id)) === 0) {
      throw new ConflictError(
        'last_admin',
        'the station must keep at least one active admin',
        'สถานีต้องมีผู้ดูแลระบบที่ใช้งานอยู่อย่างน้อยหนึ่งคน',
      )
    }
    const set: Partial<typeof officers.$inferInsert> = {}
    if (patch.role) {
      set.role = patch.role
    }
    if (patch.fullName !== undefined) {
      set.fullName = patch.fullName
    }
    if (patch.active !== undefined && patch.active !== before.active) {
      set.active = patch.active
      set.disabledAt = patch.active ? null : now()
    }
    const [after] = await tx
      .update(officers)
      .set({ ...set, updatedAt: sql`now()` })
      .where(eq(officers.id, before.id))
      .returning()
    if (!after) {
      throw new Error('officer update returned no row')
    }
    if (patch.active === false) {
      // The session check already refuses inactive officers; revoking also keeps a later re-enable from
      // bringing old sessions back. A new role needs nothing: it is read from the database on every request.
      await sessions.revokeAllOf(tx, before.id)
    }
    return { before, after }
  }

  /** Disables by LINE user ID (the CLI, run by whoever runs the server: it may disable the last admin). */
  async function disableByLineUserId(tx: Tx, lineUserId: string) {
    const row = await findByLineUserId(tx, lineUserId)
    if (!row) {
      throw new NotFoundError(`no officer with LINE user ID ${lineUserId}`, 'ไม่พบเจ้าหน้าที่')
    }
    return update(tx, { stationId: row.stationId, id: row.id, patch: { active: false }, keepOneAdmin: false })
  }

  async function setDisplayName(tx: Tx, id: string, displayName: string) {
    await tx.update(officers).set({ displayName }).where(eq(officers.id, id))
  }

  return {
    stationByCode,
    findByLineUserId,
    findInStation,
    listByStation,
    upsert,
    update,
    disableByLineUserId,
    setDisplayName,
  }
}
export type Officers = ReturnType<typeof createOfficers>
