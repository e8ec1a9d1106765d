import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs, fileCase } from './fixtures.js'

const at = (iso: string) => new Date(iso)
const minutesLater = (d: Date, m: number) => new Date(d.getTime() + m * 60_000)

describe('GET /api/admin/dashboard', () => {
  let s: Stack
  let supervisor: TestOfficer
  beforeAll(async () => {
    s = await startStack({ worker: false })
    supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
    // 2026-03-01T17:30Z is 00:30 on 2 March in Bangkok: it counts on the 2nd.
    const late = at('2026-03-01T17:30:00Z')
    await fileCase(s, { kind: 'sos', now: late }, { firstResponseAt: minutesLater(late, 4), status: 'dispatched' })
    const a = at('2026-03-02T02:00:00Z')
    await fileCase(
      s,
      { now: a },
      {
        status: 'issued',
        firstResponseAt: minutesLater(a, 10),
        resolvedAt: minutesLater(a, 60),
        dueAt: minutesLater(a, 30), // resolved after its due time: a breach
      },
    )
    const b = at('2026-03-03T02:00:00Z')
    await fileCase(
      s,
      { kind: 'consultation', now: b },
      { status: 'answered', firstResponseAt: minutesLater(b, 20), resolvedAt: minutesLater(b, 120) },
    )
    await fileCase(s, { kind: 'consultation', now: b }, { dueAt: minutesLater(b, 60) }) // open past due: a breach
    await fileCase(s, { now: at('2026-02-01T02:00:00Z') }) // outside the range
  })
  afterAll(async () => {
    await s.close()
  })

  it('gives cases per Bangkok day and kind, medians, SLA breaches, open by status and the quota', async () => {
    const res = await apiAs(s, supervisor.headers)<Record<string, unknown>>(
      'GET',
      '/api/admin/dashboard?from=2026-03-01&to=2026-03-03',
    )
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json).toMatchObject({
      from: '2026-02-28T17:00:00.000Z',
      to: '2026-03-03T17:00:00.000Z',
      perDay: [
        { date: '2026-03-02', kind: 'lost_document', count: 1 },
        { date: '2026-03-02', kind: 'sos', count: 1 },
        { date: '2026-03-03', kind: 'consultation', count: 2 },
      ],
      medianFirstResponseMinutes: 10,
      medianResolutionMinutes: 90,
      slaBreaches: 2,
      openByStatus: { dispatched: 1, waiting: 1, submitted: 1 },
      quota: { limit: expect.any(Number), used: expect.any(Number), remaining: expect.any(Number) },
    })
  })

  it('defaults to the last 30 days and refuses a reversed range; a patrol officer may not see it', async () => {
    const api = apiAs(s, supervisor.headers)
    const res = await api<{ from: string; to: string }>('GET', '/api/admin/dashboard')
    expect(res.status).toBe(200)
    expect(Date.parse(res.json.to) - Date.parse(res.json.from)).toBe(30 * 86_400_000)
    expect((await api('GET', '/api/admin/dashboard?from=2026-03-05&to=2026-03-01')).status).toBe(400)
    const patrol = await signInOfficer(s.db.db, { role: 'patrol_officer' })
    expect((await apiAs(s, patrol.headers)('GET', '/api/admin/dashboard')).status).toBe(403)
  })
})
