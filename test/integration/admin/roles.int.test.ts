import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, type Permission } from '../../../bot/officers/permissions.js'
import { accessRequests, lineGroups, OFFICER_ROLES, type OfficerRole } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { client, createOfficer, signedInOfficer, signIn, stationId } from './auth.helpers.js'

// Every officers-and-security route × every role: who gets the success status, who gets 403, and that without a
// session (or with a citizen's LINE token instead of a session) nobody gets anything.
let stack: Stack
let call: ReturnType<typeof client>
const sessions = new Map<OfficerRole, string>()
let targetOfficerId: string
const groupId = `C${randomBytes(16).toString('hex')}`

beforeAll(async () => {
  stack = await startStack({ worker: false })
  call = client(stack)
  for (const role of OFFICER_ROLES) {
    sessions.set(role, (await signedInOfficer(stack, role)).session)
  }
  targetOfficerId = (await createOfficer(stack, 'viewer', 'target')).officer.id
  await stack.db.db.insert(lineGroups).values({ groupId, name: 'ห้องวิทยุ' })
})
afterAll(async () => {
  await stack?.close()
})

type Req = { path: string; body?: unknown; session?: string }
type RouteCase = {
  /** As OpenAPI writes it. */
  route: string
  /** 'signed_in': any officer. */
  permission: Permission | 'signed_in'
  ok: number
  request: (role: OfficerRole) => Promise<Req> | Req
}

async function pendingRequestId(): Promise<string> {
  const user = stack.emulator.createUser({ displayName: 'ผู้ขอสิทธิ์' })
  const [row] = await stack.db.db
    .insert(accessRequests)
    .values({ stationId: await stationId(stack), lineUserId: user.userId, displayName: 'ผู้ขอสิทธิ์' })
    .returning()
  return row?.id ?? ''
}

const template = { kind: 'sos', status: 'new', language: 'th' } as const

const ROUTES: RouteCase[] = [
  {
    route: 'DELETE /api/admin/auth/session',
    permission: 'signed_in',
    ok: 204,
    // Its own session each time: signing out must not end the session the other rows use.
    request: async (role) => {
      const { user } = await createOfficer(stack, role)
      return { path: '/api/admin/auth/session', session: await signIn(stack, user.userId) }
    },
  },
  { route: 'GET /api/admin/me', permission: 'signed_in', ok: 200, request: () => ({ path: '/api/admin/me' }) },
  {
    route: 'GET /api/admin/access-requests',
    permission: 'officers.manage',
    ok: 200,
    request: () => ({ path: '/api/admin/access-requests?status=pending' }),
  },
  {
    route: 'POST /api/admin/access-requests/{id}/decision',
    permission: 'officers.manage',
    ok: 200,
    request: async () => ({
      path: `/api/admin/access-requests/${await pendingRequestId()}/decision`,
      body: { decision: 'decline' },
    }),
  },
  {
    route: 'GET /api/admin/officers',
    permission: 'officers.manage',
    ok: 200,
    request: () => ({ path: '/api/admin/officers' }),
  },
  {
    route: 'PATCH /api/admin/officers/{id}',
    permission: 'officers.manage',
    ok: 200,
    request: () => ({ path: `/api/admin/officers/${targetOfficerId}`, body: { fullName: 'ส.ต.ต. ทดสอบ ระบบ' } }),
  },
  {
    route: 'GET /api/admin/audit',
    permission: 'audit.read',
    ok: 200,
    request: () => ({ path: '/api/admin/audit?limit=5' }),
  },
  {
    route: 'GET /api/admin/audit.csv',
    permission: 'audit.read',
    ok: 200,
    request: () => ({ path: '/api/admin/audit.csv?action=auth.*' }),
  },
  {
    route: 'GET /api/admin/templates',
    permission: 'templates.edit',
    ok: 200,
    request: () => ({ path: '/api/admin/templates?kind=sos' }),
  },
  {
    route: 'PUT /api/admin/templates',
    permission: 'templates.edit',
    ok: 200,
    request: () => ({ path: '/api/admin/templates', body: { ...template, body: 'รับแจ้งเหตุ {reference} แล้ว' } }),
  },
  {
    route: 'POST /api/admin/templates/preview',
    permission: 'templates.edit',
    ok: 200,
    request: () => ({ path: '/api/admin/templates/preview', body: template }),
  },
  {
    route: 'GET /api/admin/station',
    permission: 'cases.read',
    ok: 200,
    request: () => ({ path: '/api/admin/station' }),
  },
  {
    route: 'PUT /api/admin/station',
    permission: 'station.edit',
    ok: 200,
    request: () => ({ path: '/api/admin/station', body: { hoursEn: 'Open 24 hours, every day' } }),
  },
  {
    route: 'GET /api/admin/groups',
    permission: 'groups.bind',
    ok: 200,
    request: () => ({ path: '/api/admin/groups' }),
  },
  {
    route: 'PUT /api/admin/groups/{groupId}/binding',
    permission: 'groups.bind',
    ok: 200,
    request: () => ({ path: `/api/admin/groups/${groupId}/binding`, body: { bound: false } }),
  },
]

function methodOf(rc: RouteCase) {
  return rc.route.split(' ')[0] ?? 'GET'
}
function allowed(rc: RouteCase, role: OfficerRole) {
  return rc.permission === 'signed_in' || can(role, rc.permission)
}

describe.each(ROUTES)('$route', (rc) => {
  it.each(OFFICER_ROLES)(`%s`, async (role) => {
    const req = await rc.request(role)
    const res = await call(req.path, {
      method: methodOf(rc),
      session: req.session ?? sessions.get(role),
      body: req.body,
    })
    if (allowed(rc, role)) {
      expect(res.status, res.text).toBe(rc.ok)
    } else {
      expect(res.status, res.text).toBe(403)
      expect(res.json().error.code).toBe('forbidden')
    }
  })

  it('no session → 401', async () => {
    const req = await rc.request('admin')
    const res = await call(req.path, { method: methodOf(rc), body: req.body })
    expect(res.status, res.text).toBe(401)
    expect(res.json()).toMatchObject({ error: { code: 'unauthorized' }, reqId: expect.any(String) })
  })

  it("a citizen's LINE ID token instead of a session → 401", async () => {
    const citizen = stack.emulator.createUser({ displayName: 'ประชาชน' })
    const req = await rc.request('admin')
    const bearer = stack.emulator.issueIdToken(citizen.userId)
    const res = await call(req.path, { method: methodOf(rc), bearer, body: req.body })
    expect(res.status, res.text).toBe(401)
  })
})

describe('the routes that take a LINE ID token', () => {
  it('POST /api/admin/auth/session: every role signs in; a citizen gets 403 not_an_officer', async () => {
    for (const role of OFFICER_ROLES) {
      const { user } = await createOfficer(stack, role)
      const res = await call('/api/admin/auth/session', {
        method: 'POST',
        bearer: stack.emulator.issueIdToken(user.userId),
      })
      expect(res.status, `${role}: ${res.text}`).toBe(200)
    }
    const citizen = stack.emulator.createUser({ displayName: 'ประชาชน' })
    const res = await call('/api/admin/auth/session', {
      method: 'POST',
      bearer: stack.emulator.issueIdToken(citizen.userId),
    })
    expect(res.status).toBe(403)
    expect(res.json().error.code).toBe('not_an_officer')
  })

  it('POST /api/admin/access-requests: a session is not an ID token (401); an officer cannot ask (409)', async () => {
    const noToken = await call('/api/admin/access-requests', {
      method: 'POST',
      session: sessions.get('admin'),
      body: {},
    })
    expect(noToken.status).toBe(401)
    const { user } = await createOfficer(stack, 'viewer')
    const officer = await call('/api/admin/access-requests', {
      method: 'POST',
      bearer: stack.emulator.issueIdToken(user.userId),
      body: {},
    })
    expect(officer.status, officer.text).toBe(409)
    expect(officer.json().error.code).toBe('already_an_officer')
  })
})

describe('OpenAPI at /api/admin/docs', () => {
  it('documents every officers-and-security route, and this table covers every one of them', async () => {
    const session = sessions.get('viewer')
    const res = await call('/api/admin/docs/json', { session })
    expect(res.status).toBe(200)
    const doc = res.json() as { paths: Record<string, Record<string, unknown>> }
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    )
    // Other engineers' routes live under other names (cases, dashboard, attachments...).
    const mine = /^\w+ \/api\/admin\/(auth|me|access-requests|officers|audit|templates|station|groups)\b/
    const ours = documented.filter((r) => mine.test(r))
    const idTokenRoutes = ['POST /api/admin/auth/session', 'POST /api/admin/access-requests']
    expect(ours.sort()).toEqual([...ROUTES.map((r) => r.route), ...idTokenRoutes].sort())
    expect(documented).toContain('GET /api/liff/me')
    expect((await call('/api/admin/docs', { session })).status).toBeLessThan(400)
  })
})
