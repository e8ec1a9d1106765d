import { eq } from 'drizzle-orm'
import { type OfficerRole, officers, stations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'

export type CallInit = {
  method?: string
  /** `Authorization: Session <token>` */
  session?: string
  /** `Authorization: Bearer <LINE ID token>` */
  bearer?: string
  cookie?: string
  body?: unknown
}

/** HTTP to the running stack, as the admin page or an API client would call it. */
export function client(stack: Pick<Stack, 'baseUrl'>) {
  return async function call(path: string, init: CallInit = {}) {
    const headers: Record<string, string> = {}
    if (init.session) {
      headers.authorization = `Session ${init.session}`
    } else if (init.bearer) {
      headers.authorization = `Bearer ${init.bearer}`
    }
    if (init.cookie) {
      headers.cookie = init.cookie
    }
    if (init.cookie && (init.method ?? 'GET') !== 'GET') {
      headers.origin = stack.baseUrl // the admin page's browser sends it with every write
    }
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json'
    }
    const res = await fetch(`${stack.baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    const text = await res.text()
    return { status: res.status, headers: res.headers, text, json: () => JSON.parse(text) }
  }
}

export async function stationId(stack: Pick<Stack, 'db'>, code = 'RYG'): Promise<string> {
  const [row] = await stack.db.db.select({ id: stations.id }).from(stations).where(eq(stations.code, code))
  if (!row) {
    throw new Error(`station ${code} is not seeded`)
  }
  return row.id
}

/** A LINE user of the emulator who is an officer with this role (written straight to the database). */
export async function createOfficer(
  stack: Pick<Stack, 'db' | 'emulator'>,
  role: OfficerRole,
  name = `${role} officer`,
) {
  const user = stack.emulator.createUser({ displayName: name, language: 'th' })
  const [officer] = await stack.db.db
    .insert(officers)
    .values({ stationId: await stationId(stack), lineUserId: user.userId, displayName: name, role })
    .returning()
  if (!officer) {
    throw new Error('officer insert returned nothing')
  }
  return { user, officer }
}

/** Signs in through the real path (emulator ID token → /oauth2/v2.1/verify → session) and returns the token. */
export async function signIn(stack: Pick<Stack, 'baseUrl' | 'emulator'>, lineUserId: string): Promise<string> {
  const res = await client(stack)('/api/admin/auth/session?returnToken=true', {
    method: 'POST',
    bearer: stack.emulator.issueIdToken(lineUserId),
  })
  if (res.status !== 200) {
    throw new Error(`sign-in failed: ${res.status} ${res.text}`)
  }
  return res.json().token
}

export async function signedInOfficer(stack: Stack, role: OfficerRole, name?: string) {
  const { user, officer } = await createOfficer(stack, role, name)
  return { user, officer, session: await signIn(stack, user.userId) }
}
