import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { can, type Permission } from '../../../bot/officers/permissions.js'
import { OFFICER_ROLES, type OfficerRole } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { insertReport, lineFriend } from '../lost-documents/record-fixtures.js'

/**
 * Role × route for the cases, dashboard, lost-document, PDPA-request and consultation-settings routes (roles.int.test.ts covers auth, officers, audit,
 * templates, station and groups). The permission is checked before the body is read: a role without it gets 403
 * whatever it sends; a role with it gets past the gate (its answer is then the route's own: 200, 400, 404, 409…).
 */
type Row = { route: string; permission: Permission; path: (caseId: string) => string; body?: object }
const ROWS: Row[] = [
  { route: 'GET /api/admin/cases', permission: 'cases.read', path: () => '/api/admin/cases' },
  { route: 'GET /api/admin/cases/sos-waiting', permission: 'cases.read', path: () => '/api/admin/cases/sos-waiting' },
  { route: 'GET /api/admin/cases/:id', permission: 'cases.read', path: (id) => `/api/admin/cases/${id}` },
  {
    route: 'POST /api/admin/cases/:id/reveal',
    permission: 'cases.reveal_pii',
    path: (id) => `/api/admin/cases/${id}/reveal`,
    body: { field: 'nationalId', reason: 'ตรวจสอบตัวตนผู้แจ้ง' },
  },
  {
    route: 'POST /api/admin/cases/:id/assign',
    permission: 'cases.act',
    path: (id) => `/api/admin/cases/${id}/assign`,
    body: { officerId: 'me' },
  },
  {
    route: 'POST /api/admin/cases/:id/status',
    permission: 'cases.act',
    path: (id) => `/api/admin/cases/${id}/status`,
    body: { status: 'in_review' },
  },
  {
    route: 'POST /api/admin/cases/:id/notes',
    permission: 'cases.act',
    path: (id) => `/api/admin/cases/${id}/notes`,
    body: { body: 'โน้ตภายใน' },
  },
  {
    route: 'POST /api/admin/cases/:id/messages',
    permission: 'cases.act',
    path: (id) => `/api/admin/cases/${id}/messages`,
    body: { body: 'สวัสดีครับ' },
  },
  {
    route: 'POST /api/admin/consultations/:id/close',
    permission: 'cases.act',
    path: (id) => `/api/admin/consultations/${id}/close`,
    body: {},
  },
  {
    route: 'POST /api/admin/consultations/:id/convert',
    permission: 'cases.act',
    path: (id) => `/api/admin/consultations/${id}/convert`,
    body: { kind: 'sos' },
  },
  {
    route: 'POST /api/admin/cases/:id/attachments',
    permission: 'cases.act',
    path: (id) => `/api/admin/cases/${id}/attachments`,
    body: {},
  },
  {
    route: 'POST /api/admin/cases/:id/read',
    permission: 'cases.read',
    path: (id) => `/api/admin/cases/${id}/read`,
    body: { lastEventId: 1 },
  },
  { route: 'GET /api/admin/canned-replies', permission: 'cases.act', path: () => '/api/admin/canned-replies' },
  {
    route: 'POST /api/admin/canned-replies',
    permission: 'cases.act',
    path: () => '/api/admin/canned-replies',
    body: { scope: 'personal', title: 'ทักทาย', body: 'สวัสดีครับ {name}' },
  },
  {
    route: 'PATCH /api/admin/canned-replies/:id',
    permission: 'cases.act',
    path: () => '/api/admin/canned-replies/00000000-0000-4000-8000-000000000000',
    body: { title: 'ใหม่' },
  },
  {
    route: 'DELETE /api/admin/canned-replies/:id',
    permission: 'cases.act',
    path: () => '/api/admin/canned-replies/00000000-0000-4000-8000-000000000000',
  },
  {
    route: 'GET /api/admin/attachments/:id',
    permission: 'cases.read',
    path: () => '/api/admin/attachments/00000000-0000-4000-8000-000000000000',
  },
  { route: 'GET /api/admin/dashboard', permission: 'dashboard.read', path: () => '/api/admin/dashboard' },
  { route: 'GET /api/admin/document-types', permission: 'cases.read', path: () => '/api/admin/document-types' },
  {
    route: 'PUT /api/admin/document-types/:code',
    permission: 'document_types.edit',
    path: () => '/api/admin/document-types/student_card',
    body: { policy: 'review', reasonTh: 'ตรวจสอบก่อน', reasonEn: 'Checked first' },
  },
  {
    route: 'POST /api/admin/lost-documents/:caseId/approve',
    permission: 'cases.act',
    path: (id) => `/api/admin/lost-documents/${id}/approve`,
  },
  {
    route: 'POST /api/admin/lost-documents/:caseId/reject',
    permission: 'cases.act',
    path: (id) => `/api/admin/lost-documents/${id}/reject`,
    body: { reason: 'ข้อมูลไม่ครบ' },
  },
  {
    route: 'POST /api/admin/lost-documents/:caseId/request-info',
    permission: 'cases.act',
    path: (id) => `/api/admin/lost-documents/${id}/request-info`,
    body: { question: 'หายที่ไหน' },
  },
  {
    route: 'POST /api/admin/lost-documents/:caseId/revoke',
    permission: 'cases.act',
    path: (id) => `/api/admin/lost-documents/${id}/revoke`,
    body: { reason: 'พบเอกสารแล้ว' },
  },
  {
    route: 'GET /api/admin/privacy/requests',
    permission: 'privacy.requests',
    path: () => '/api/admin/privacy/requests',
  },
  {
    route: 'POST /api/admin/privacy/requests/:id/complete',
    permission: 'privacy.requests',
    path: () => '/api/admin/privacy/requests/00000000-0000-4000-8000-000000000000/complete',
    body: { confirm: true },
  },
  {
    route: 'POST /api/admin/privacy/requests/:id/refuse',
    permission: 'privacy.requests',
    path: () => '/api/admin/privacy/requests/00000000-0000-4000-8000-000000000000/refuse',
    body: { ground: 'legal_obligation', explanation: 'ต้องเก็บไว้ตามกฎหมาย' },
  },
  {
    route: 'GET /api/admin/consultations/settings',
    permission: 'cases.read',
    path: () => '/api/admin/consultations/settings',
  },
  {
    route: 'PUT /api/admin/consultations/settings',
    permission: 'consultations.settings',
    path: () => '/api/admin/consultations/settings',
    body: {
      topics: [{ topic: 'cyber', active: true, position: 6, firstResponseMinutes: 120, nextResponseMinutes: 60 }],
    },
  },
  {
    route: 'GET /api/admin/consultations/answers',
    permission: 'cases.read',
    path: () => '/api/admin/consultations/answers?topic=scam',
  },
  {
    route: 'POST /api/admin/consultations/answers',
    permission: 'consultations.settings',
    path: () => '/api/admin/consultations/answers',
    body: { topic: 'other', titleTh: 'ทดสอบ', titleEn: 'Test', bodyTh: 'ข้อความ', bodyEn: 'Text' },
  },
  {
    route: 'PATCH /api/admin/consultations/answers/:id',
    permission: 'consultations.settings',
    path: () => '/api/admin/consultations/answers/00000000-0000-4000-8000-000000000000',
    body: { active: false },
  },
  {
    route: 'DELETE /api/admin/consultations/answers/:id',
    permission: 'consultations.settings',
    path: () => '/api/admin/consultations/answers/00000000-0000-4000-8000-000000000000',
  }, // House watch and patrols (issue #13).
  {
    route: 'GET /api/admin/house-watch/settings',
    permission: 'patrol.read',
    path: () => '/api/admin/house-watch/settings',
  },
  {
    route: 'PUT /api/admin/house-watch/settings',
    permission: 'house_watch.settings',
    path: () => '/api/admin/house-watch/settings',
    body: {
      approval: 'auto',
      maxDays: 30,
      gpsToleranceMeters: 100,
      purgeAfterDays: 30,
      digestHour: 20,
      shifts: [{ key: 'day', nameTh: 'กลางวัน', nameEn: 'Day', start: '08:00' }],
    },
  },
  {
    route: 'GET /api/admin/house-watch/area',
    permission: 'house_watch.settings',
    path: () => '/api/admin/house-watch/area',
  },
  {
    route: 'PUT /api/admin/house-watch/area',
    permission: 'house_watch.settings',
    path: () => '/api/admin/house-watch/area',
    body: { jurisdiction: null, neighbours: [] },
  },
  // Announcements (issue #14).
  { route: 'GET /api/admin/broadcasts', permission: 'broadcasts.send', path: () => '/api/admin/broadcasts' },
  {
    route: 'POST /api/admin/broadcasts',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts',
    body: { audience: { type: 'followers' }, messages: [{ type: 'text', text: 'ทดสอบ' }] },
  },
  {
    route: 'POST /api/admin/broadcasts/estimate',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/estimate',
    body: { audience: { type: 'followers' } },
  },
  {
    route: 'GET /api/admin/broadcasts/settings',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/settings',
  },
  {
    route: 'PUT /api/admin/broadcasts/settings',
    permission: 'broadcasts.approve',
    path: () => '/api/admin/broadcasts/settings',
    body: { requireApproval: true, monthlyBudget: null },
  },
  {
    route: 'GET /api/admin/broadcasts/:id',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/00000000-0000-4000-8000-000000000000',
  },
  {
    route: 'PATCH /api/admin/broadcasts/:id',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/00000000-0000-4000-8000-000000000000',
    body: { title: 'ใหม่' },
  },
  {
    route: 'POST /api/admin/broadcasts/:id/test',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/00000000-0000-4000-8000-000000000000/test',
    body: {},
  },
  {
    route: 'POST /api/admin/broadcasts/:id/approve',
    permission: 'broadcasts.approve',
    path: () => '/api/admin/broadcasts/00000000-0000-4000-8000-000000000000/approve',
    body: {},
  },
  {
    route: 'POST /api/admin/broadcasts/:id/send',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/00000000-0000-4000-8000-000000000000/send',
    body: {},
  },
  {
    route: 'POST /api/admin/broadcasts/:id/cancel',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/00000000-0000-4000-8000-000000000000/cancel',
  },
  { route: 'GET /api/admin/audience-lists', permission: 'broadcasts.send', path: () => '/api/admin/audience-lists' },
  {
    route: 'POST /api/admin/audience-lists',
    permission: 'broadcasts.send',
    path: () => '/api/admin/audience-lists',
    body: { name: 'รายชื่อ', citizenIds: [] },
  },
  {
    route: 'PUT /api/admin/audience-lists/:id',
    permission: 'broadcasts.send',
    path: () => '/api/admin/audience-lists/00000000-0000-4000-8000-000000000000',
    body: { name: 'รายชื่อ', citizenIds: [] },
  },
  {
    route: 'DELETE /api/admin/audience-lists/:id',
    permission: 'broadcasts.send',
    path: () => '/api/admin/audience-lists/00000000-0000-4000-8000-000000000000',
  },
  { route: 'GET /api/admin/patrol/today', permission: 'patrol.read', path: () => '/api/admin/patrol/today' },
  {
    route: 'GET /api/admin/patrol/coverage',
    permission: 'patrol.coverage',
    path: () => '/api/admin/patrol/coverage?date=2569-01-01&shift=nope',
  },
  {
    route: 'GET /api/admin/patrol/coverage.csv',
    permission: 'patrol.coverage',
    path: () => '/api/admin/patrol/coverage.csv?date=2569-01-01&shift=nope',
  },
  {
    route: 'POST /api/admin/patrol/check-ins',
    permission: 'patrol.check_in',
    path: () => '/api/admin/patrol/check-ins',
    body: { code: 'RB-NONE', position: null, result: 'normal' },
  },
  { route: 'GET /api/admin/patrol/points', permission: 'patrol.points', path: () => '/api/admin/patrol/points' },
  {
    route: 'POST /api/admin/patrol/points',
    permission: 'patrol.points',
    path: () => '/api/admin/patrol/points',
    body: { code: '' },
  },
  {
    route: 'PATCH /api/admin/patrol/points/:id',
    permission: 'patrol.points',
    path: () => '/api/admin/patrol/points/00000000-0000-4000-8000-000000000000',
    body: { active: false },
  },
  {
    route: 'POST /api/admin/patrol/points/:id/reissue',
    permission: 'patrol.points',
    path: () => '/api/admin/patrol/points/00000000-0000-4000-8000-000000000000/reissue',
  },
  // CCOC evidence (issue #15): the files are third parties' personal data, evidence.read only.
  {
    route: 'GET /api/admin/cases/:id/evidence',
    permission: 'evidence.read',
    path: (id) => `/api/admin/cases/${id}/evidence`,
  },
  {
    route: 'POST /api/admin/cases/:id/evidence',
    permission: 'evidence.read',
    path: (id) => `/api/admin/cases/${id}/evidence`,
    body: { not: 'a file' },
  },
  {
    route: 'GET /api/admin/cases/:id/evidence.zip',
    permission: 'evidence.read',
    path: (id) => `/api/admin/cases/${id}/evidence.zip`,
  },
  {
    route: 'GET /api/admin/evidence/:id/content',
    permission: 'evidence.read',
    path: () => '/api/admin/evidence/00000000-0000-4000-8000-000000000000/content',
  },
  {
    route: 'GET /api/admin/patrol/points/:id/sticker.pdf',
    permission: 'patrol.points',
    path: () => '/api/admin/patrol/points/00000000-0000-4000-8000-000000000000/sticker.pdf',
  },
  // Households (issue #14).
  {
    route: 'POST /api/admin/zone-addresses/import',
    permission: 'households.import',
    path: () => '/api/admin/zone-addresses/import',
    body: { csv: '' },
  },
  {
    route: 'GET /api/admin/households/coverage',
    permission: 'households.read',
    path: () => '/api/admin/households/coverage',
  },
  {
    route: 'GET /api/admin/households/areas',
    permission: 'households.read',
    path: () => '/api/admin/households/areas',
  },
  { route: 'GET /api/admin/households', permission: 'households.read', path: () => '/api/admin/households' },
  // Cameras near a case and footage requests (issue #15).
  {
    route: 'PUT /api/admin/cases/:id/location',
    permission: 'cases.act',
    path: (id) => `/api/admin/cases/${id}/location`,
    body: {},
  },
  {
    route: 'GET /api/admin/cases/:id/cameras',
    permission: 'cameras.read',
    path: (id) => `/api/admin/cases/${id}/cameras`,
  },
  {
    route: 'POST /api/admin/cases/:id/footage-requests',
    permission: 'footage.request',
    path: (id) => `/api/admin/cases/${id}/footage-requests`,
    body: {},
  },
  {
    route: 'GET /api/admin/footage-requests',
    permission: 'footage.request',
    path: () => '/api/admin/footage-requests',
  },
  {
    route: 'PATCH /api/admin/footage-requests/:id',
    permission: 'footage.request',
    path: () => '/api/admin/footage-requests/00000000-0000-4000-8000-000000000000',
    body: { status: 'closed' },
  },
  {
    route: 'GET /api/admin/footage-requests/:id/letter.pdf',
    permission: 'footage.request',
    path: () => '/api/admin/footage-requests/00000000-0000-4000-8000-000000000000/letter.pdf',
  },
  // Announcements (issue #14): a picture for an announcement (a JSON body is no picture: 422 for the allowed roles).
  {
    route: 'POST /api/admin/broadcasts/images',
    permission: 'broadcasts.send',
    path: () => '/api/admin/broadcasts/images',
    body: { not: 'a picture' },
  },
  // CCOC camera registry (issue #15).
  { route: 'GET /api/admin/cameras', permission: 'cameras.read', path: () => '/api/admin/cameras' },
  { route: 'GET /api/admin/cameras/stats', permission: 'cameras.read', path: () => '/api/admin/cameras/stats' },
  {
    route: 'GET /api/admin/cameras/:id',
    permission: 'cameras.read',
    path: () => '/api/admin/cameras/00000000-0000-4000-8000-000000000000',
  },
  {
    route: 'POST /api/admin/cameras/:id/phone',
    permission: 'cameras.read',
    path: () => '/api/admin/cameras/00000000-0000-4000-8000-000000000000/phone',
  },
  {
    route: 'POST /api/admin/cameras/import',
    permission: 'cameras.edit',
    path: () => '/api/admin/cameras/import',
    body: { csv: 'code,name\nA,B' },
  },
  { route: 'POST /api/admin/cameras', permission: 'cameras.edit', path: () => '/api/admin/cameras', body: {} },
  {
    route: 'PATCH /api/admin/cameras/:id',
    permission: 'cameras.edit',
    path: () => '/api/admin/cameras/00000000-0000-4000-8000-000000000000',
    body: {},
  },
  {
    route: 'POST /api/admin/cameras/:id/retire',
    permission: 'cameras.edit',
    path: () => '/api/admin/cameras/00000000-0000-4000-8000-000000000000/retire',
  },
  {
    route: 'POST /api/admin/cameras/:id/verify',
    permission: 'cameras.edit',
    path: () => '/api/admin/cameras/00000000-0000-4000-8000-000000000000/verify',
    body: { decision: 'verify' },
  },
]

describe('role × route: cases, dashboard, lost documents', () => {
  let s: Stack
  let caseId = ''
  const sessions = new Map<OfficerRole, TestOfficer>()
  beforeAll(async () => {
    s = await startStack()
    for (const role of OFFICER_ROLES) {
      sessions.set(role, await signInOfficer(s.db.db, { role }))
    }
    caseId = (await insertReport(s, { lineUserId: lineFriend(s, 'ผู้แจ้ง สิทธิ์').userId })).caseId
  })
  afterAll(async () => {
    await s.close()
  })

  const send = (row: Row, headers: Record<string, string>) =>
    s.app.inject({
      method: row.route.split(' ')[0] as 'GET',
      url: row.path(caseId),
      headers,
      ...(row.body ? { payload: row.body } : {}),
    })

  describe.each(ROWS)('$route', (row) => {
    it.each(OFFICER_ROLES)('%s', async (role) => {
      const res = await send(row, sessions.get(role)?.headers ?? {})
      if (can(role, row.permission)) {
        expect([401, 403], `${role}: ${res.body}`).not.toContain(res.statusCode)
      } else {
        expect(res.statusCode, res.body).toBe(403)
        expect(res.json().error.code).toBe('forbidden')
      }
    })
    it('no session → 401', async () => {
      expect((await send(row, {})).statusCode).toBe(401)
    })
    it("a citizen's LINE ID token → 401", async () => {
      const citizen = s.emulator.createUser({ displayName: 'พลเมือง', language: 'th' })
      const res = await send(row, { authorization: `Bearer ${s.emulator.issueIdToken(citizen.userId)}` })
      expect(res.statusCode).toBe(401)
    })
  })

  it('a role without the permission gets 403 even with a body that would not validate', async () => {
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${caseId}/status`,
      headers: sessions.get('viewer')?.headers ?? {},
      payload: { nonsense: true },
    })
    expect(res.statusCode).toBe(403)
  })

  it('covers every officer route outside roles.int.test.ts', async () => {
    const viewer = sessions.get('viewer')?.headers ?? {}
    const doc = (await s.app.inject({ method: 'GET', url: '/api/admin/docs/json', headers: viewer })).json() as {
      paths: Record<string, object>
    }
    const others = /^\w+ \/api\/admin\/(auth|me|access-requests|officers|audit|templates|station|groups)\b/
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`))
      .filter((r) => r.includes(' /api/admin/') && !others.test(r) && !r.endsWith('/cases/stream'))
    expect(documented.sort()).toEqual(ROWS.map((r) => r.route).sort())
  })
})
