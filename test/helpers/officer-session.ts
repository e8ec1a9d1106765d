import { createHash, randomBytes, randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Db } from '../../db/client.js'
import { type OfficerRole, officerSessions, officers, stations } from '../../db/schema/index.js'

export type TestOfficer = { id: string; stationId: string; sessionId: string; headers: { authorization: string } }

/**
 * An officer of a station (default: the seeded RYG) signed in without LINE: an officers row and an officer_sessions
 * row holding the SHA-256 of a random token, which the admin session hook accepts as `Authorization: Session <token>`.
 */
export async function signInOfficer(
  db: Db,
  opts: { role?: OfficerRole; displayName?: string; stationCode?: string; stationId?: string } = {},
): Promise<TestOfficer> {
  const stationId = opts.stationId ?? (await stationIdOf(db, opts.stationCode ?? 'RYG'))
  const [officer] = await db
    .insert(officers)
    .values({
      stationId,
      lineUserId: `U${randomUUID().replaceAll('-', '')}`,
      displayName: opts.displayName ?? 'ด.ต. ทดสอบ',
      role: opts.role ?? 'duty_officer',
    })
    .returning({ id: officers.id })
  if (!officer) {
    throw new Error('officer insert returned no row')
  }
  const token = randomBytes(32).toString('base64url')
  const [session] = await db
    .insert(officerSessions)
    .values({
      officerId: officer.id,
      tokenHash: createHash('sha256').update(token).digest('hex'),
      expiresAt: new Date(Date.now() + 12 * 3_600_000),
    })
    .returning({ id: officerSessions.id })
  if (!session) {
    throw new Error('session insert returned no row')
  }
  return { id: officer.id, stationId, sessionId: session.id, headers: { authorization: `Session ${token}` } }
}

export async function stationIdOf(db: Db, code: string): Promise<string> {
  const [row] = await db.select({ id: stations.id }).from(stations).where(eq(stations.code, code)).limit(1)
  if (!row) {
    throw new Error(`station ${code} is not seeded`)
  }
  return row.id
}
