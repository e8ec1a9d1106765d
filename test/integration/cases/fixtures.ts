import { eq } from 'drizzle-orm'
import { openCase } from '../../../bot/cases/open-case.js'
import { type Case, type CaseKind, cases, citizens, stations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'

export type Api = <T = Record<string, unknown>>(
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; json: T; headers: Headers }>

/** fetch against the running stack as one officer (their `Authorization: Session` header). */
export function apiAs(s: Stack, headers: Record<string, string>): Api {
  return async (method, path, body) => {
    const res = await fetch(`${s.baseUrl}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const text = await res.text()
    return { status: res.status, json: (text ? JSON.parse(text) : {}) as never, headers: res.headers }
  }
}

export async function station(s: Stack, code = 'RYG') {
  const [row] = await s.db.db.select().from(stations).where(eq(stations.code, code)).limit(1)
  if (!row) {
    throw new Error(`no station ${code}`)
  }
  return row
}

/** A case as a flow files it (openCase: number, alert, NOTIFY), then any fields a test needs set directly. */
export async function fileCase(
  s: Stack,
  input: {
    kind?: CaseKind
    citizenId?: string | null
    summary?: string
    priority?: 'normal' | 'urgent'
    searchHashes?: string[]
    stationCode?: string
    now?: Date
  } = {},
  set: Partial<typeof cases.$inferInsert> = {},
): Promise<Case> {
  const st = await station(s, input.stationCode)
  return s.db.db.transaction(async (tx) => {
    const { case: c } = await openCase(tx, {
      station: st,
      kind: input.kind ?? 'lost_document',
      citizenId: input.citizenId ?? null,
      summary: input.summary,
      priority: input.priority,
      searchHashes: input.searchHashes,
      now: input.now,
      adminLiffId: s.deps.config.line.liffIdAdmin,
    })
    if (Object.keys(set).length === 0) {
      return c
    }
    const [updated] = await tx.update(cases).set(set).where(eq(cases.id, c.id)).returning()
    return updated ?? c
  })
}

/** A LINE user who added the OA (so the bot knows them as a citizen), after the greeting has arrived. */
export async function befriend(s: Stack, displayName: string, language: 'th' | 'en' = 'th') {
  const user = s.emulator.createUser({ displayName, language })
  await s.emulator.follow(user.userId)
  await s.emulator.waitForMessages(user.userId, 2)
  const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, user.userId))
  if (!citizen) {
    throw new Error('the follow did not create a citizen')
  }
  return { user, citizen }
}
