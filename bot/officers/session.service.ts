import { createHash, randomBytes } from 'node:crypto'
import { and, eq, gt, isNull } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { officerSessions, officers } from '../../db/schema/index.js'
import type { OfficerPrincipal } from './permissions.js'

/** Sessions last 12 hours from the last request (sliding). */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000
/** 32 random bytes, base64url: 43 characters. Anything else is not looked up. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/

/** Only this hash is stored: a copy of the table does not let anyone sign in. */
export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex')
}

export type SessionsDeps = {
  now?: () => Date
  ttlMs?: number
  /** Slide the expiry at most this often per session (not one UPDATE per request). */
  slideEveryMs?: number
}

export function createSessions({
  now = () => new Date(),
  ttlMs = SESSION_TTL_MS,
  slideEveryMs = 60_000,
}: SessionsDeps = {}) {
  async function issue(tx: Tx, officerId: string, meta: { ip?: string | undefined; userAgent?: string | undefined }) {
    const token = randomBytes(32).toString('base64url')
    const expiresAt = new Date(now().getTime() + ttlMs)
    const [row] = await tx
      .insert(officerSessions)
      .values({
        officerId,
        tokenHash: hashSessionToken(token),
        expiresAt,
        ip: meta.ip ?? null,
        userAgent: meta.userAgent?.slice(0, 300) ?? null,
        lastSeenAt: now(),
      })
      .returning({ id: officerSessions.id })
    if (!row) {
      throw new Error('session insert returned no row')
    }
    return { token, sessionId: row.id, expiresAt }
  }

  /**
   * The officer behind a session token, checked against the database on every request: the session must be
   * unexpired and not revoked, and the officer active, so a disable or a sign-out takes effect at once.
   */
  async function resolve(db: Db, token: string) {
    if (!TOKEN_SHAPE.test(token)) {
      return undefined
    }
    const at = now()
    const [row] = await db
      .select({ session: officerSessions, officer: officers })
      .from(officerSessions)
      .innerJoin(officers, eq(officers.id, officerSessions.officerId))
      .where(
        and(
          eq(officerSessions.tokenHash, hashSessionToken(token)),
          isNull(officerSessions.revokedAt),
          gt(officerSessions.expiresAt, at),
          eq(officers.active, true),
        ),
      )
      .limit(1)
    if (!row) {
      return undefined
    }
    const principal: OfficerPrincipal = {
      officerId: row.officer.id,
      stationId: row.officer.stationId,
      role: row.officer.role,
      lineUserId: row.officer.lineUserId,
      displayName: row.officer.displayName,
      sessionId: row.session.id,
    }
    let expiresAt = row.session.expiresAt
    const slid = at.getTime() - row.session.lastSeenAt.getTime() >= slideEveryMs
    if (slid) {
      expiresAt = new Date(at.getTime() + ttlMs)
      await db.update(officerSessions).set({ expiresAt, lastSeenAt: at }).where(eq(officerSessions.id, row.session.id))
    }
    return { principal, expiresAt, slid }
  }

  async function revoke(tx: Tx, sessionId: string) {
    await tx
      .update(officerSessions)
      .set({ revokedAt: now() })
      .where(and(eq(officerSessions.id, sessionId), isNull(officerSessions.revokedAt)))
  }

  async function revokeAllOf(tx: Tx, officerId: string) {
    await tx
      .update(officerSessions)
      .set({ revokedAt: now() })
      .where(and(eq(officerSessions.officerId, officerId), isNull(officerSessions.revokedAt)))
  }

  /** Whether a session still holds (not signed out, not expired, officer still active): the live stream asks. */
  async function isAlive(db: Db, sessionId: string): Promise<boolean> {
    const [row] = await db
      .select({ id: officerSessions.id })
      .from(officerSessions)
      .innerJoin(officers, eq(officers.id, officerSessions.officerId))
      .where(
        and(
          eq(officerSessions.id, sessionId),
          isNull(officerSessions.revokedAt),
          gt(officerSessions.expiresAt, now()),
          eq(officers.active, true),
        ),
      )
      .limit(1)
    return Boolean(row)
  }

  return { issue, resolve, revoke, revokeAllOf, isAlive, ttlMs }
}
export type Sessions = ReturnType<typeof createSessions>
