import { and, desc, eq, gte, isNull, lt, or, type SQL, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { auditLog, cases, officers } from '../../db/schema/index.js'
import { BadRequestError } from '../errors.js'
import type { Audit, AuditEntryInput } from '../officers/audit-port.js'

export type AuditFilters = {
  /** Entries of this station, plus those of no station (failed sign-ins by unknown LINE users, the system). */
  stationId: string
  officerId?: string | undefined
  /** Exact, or a prefix when it ends with '*' (e.g. 'auth.*'). */
  action?: string | undefined
  entityType?: string | undefined
  entityId?: string | undefined
  from?: Date | undefined
  to?: Date | undefined
}

/** An entry with the acting officer's name and, for a case, its reference number (what officers know it by). */
export type AuditEntry = typeof auditLog.$inferSelect & { officerName: string | null; entityRef?: string | null }

const MAX_USER_AGENT = 300

export function encodeAuditCursor(id: number): string {
  return Buffer.from(`a:${id}`).toString('base64url')
}

function decodeAuditCursor(cursor: string): number {
  const match = /^a:(\d{1,18})$/.exec(Buffer.from(cursor, 'base64url').toString('utf8'))
  if (!match?.[1]) {
    throw new BadRequestError('bad cursor', 'ตำแหน่งหน้าไม่ถูกต้อง')
  }
  return Number(match[1])
}

function where(f: AuditFilters, beforeId?: number): SQL | undefined {
  const conditions: (SQL | undefined)[] = [or(eq(auditLog.stationId, f.stationId), isNull(auditLog.stationId))]
  if (f.officerId) {
    conditions.push(eq(auditLog.officerId, f.officerId))
  }
  if (f.action?.endsWith('*')) {
    const prefix = f.action.slice(0, -1)
    // left() instead of LIKE: action names contain '_', a LIKE wildcard.
    conditions.push(sql`left(${auditLog.action}, ${prefix.length}) = ${prefix}`)
  } else if (f.action) {
    conditions.push(eq(auditLog.action, f.action))
  }
  if (f.entityType) {
    conditions.push(eq(auditLog.entityType, f.entityType))
  }
  if (f.entityId) {
    // A case is found by its ID or by the reference number officers know it by (RYG-2569-000123).
    conditions.push(
      or(
        eq(auditLog.entityId, f.entityId),
        sql`${auditLog.entityId} in (select ${cases.id}::text from ${cases} where ${cases.referenceNumber} = ${f.entityId})`,
      ),
    )
  }
  if (f.from) {
    conditions.push(gte(auditLog.at, f.from))
  }
  if (f.to) {
    conditions.push(lt(auditLog.at, f.to))
  }
  if (beforeId !== undefined) {
    conditions.push(lt(auditLog.id, beforeId))
  }
  return and(...conditions)
}

/** Writes one entry through the caller's transaction (or the db), so a change and its entry commit together. */
export async function recordAudit(exec: Db | Tx, entry: AuditEntryInput): Promise<void> {
  await exec.insert(auditLog).values({
    stationId: entry.stationId !== undefined ? entry.stationId : (entry.officer?.stationId ?? null),
    officerId: entry.officer?.officerId ?? null,
    actor: entry.actor ?? (entry.officer ? 'officer' : 'system'),
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    ip: entry.ip ?? null,
    userAgent: entry.userAgent?.slice(0, MAX_USER_AGENT) ?? null,
    details: entry.details ?? null,
  })
}

/**
 * The append-only audit log (a trigger rejects UPDATE and DELETE): `record` writes through the transaction it is
 * given; `list` reads. Nothing here edits or deletes an entry.
 */
export function createAuditLog({ db }: { db: Db }) {
  const record: Audit['record'] = recordAudit

  /** Newest first, keyset on id (ids grow with time); `cursor` is the last page's `nextCursor`. */
  async function list(filters: AuditFilters, page: { cursor?: string | undefined; limit: number }) {
    const beforeId = page.cursor ? decodeAuditCursor(page.cursor) : undefined
    const rows = await db
      .select({ entry: auditLog, officerName: officers.displayName, entityRef: cases.referenceNumber })
      .from(auditLog)
      .leftJoin(officers, eq(officers.id, auditLog.officerId))
      .leftJoin(cases, and(eq(auditLog.entityType, 'case'), sql`${cases.id}::text = ${auditLog.entityId}`))
      .where(where(filters, beforeId))
      .orderBy(desc(auditLog.id))
      .limit(page.limit + 1)
    const items: AuditEntry[] = rows
      .slice(0, page.limit)
      .map((r) => ({ ...r.entry, officerName: r.officerName, entityRef: r.entityRef }))
    const last = items.at(-1)
    const nextCursor = rows.length > page.limit && last ? encodeAuditCursor(last.id) : null
    return { items, nextCursor }
  }

  return { record, list }
}
export type AuditLog = ReturnType<typeof createAuditLog>
