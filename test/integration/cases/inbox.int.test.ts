import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSearchHasher } from '../../../bot/cases/search-hash.js'
import { auditLog, type Case, citizens, stations } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs, fileCase } from './fixtures.js'

type Item = { id: string; referenceNumber: string; kind: string; status: string; citizenName: string | null }
type Page = { items: Item[]; nextCursor: string | null; counts: Record<string, number>; countCap: number }

/** The inbox: station scope, filters, counts, search through keyed hashes, keyset pages; detail and reveal. */
describe('GET /api/admin/cases', () => {
  let s: Stack
  let me: TestOfficer
  let other: TestOfficer
  let api: Api
  const c: Record<string, Case> = {}
  const day = (d: string) => new Date(`${d}T03:00:00Z`)

  beforeAll(async () => {
    s = await startStack({ worker: false })
    me = await signInOfficer(s.db.db, { role: 'duty_officer' })
    other = await signInOfficer(s.db.db, { role: 'supervisor', displayName: 'ร.ต.ท. อื่น' })
    api = apiAs(s, me.headers)
    const hasher = createSearchHasher(s.deps.config.piiEncryptionKey)
    const [citizen] = await s.db.db
      .insert(citizens)
      .values({ lineUserId: `U${'a'.repeat(32)}`, displayName: 'สมชาย ใจดี' })
      .returning()
    c.named = await fileCase(s, {
      citizenId: citizen?.id,
      now: day('2026-01-05'),
      searchHashes: hasher.hashesFor({ name: 'สมชาย ใจดี', phone: '081-234-5678' }),
      summary: '<img src=x onerror=alert(1)>',
    })
    c.sos = await fileCase(s, { kind: 'sos', priority: 'urgent', now: day('2026-01-06') }, { assigneeId: me.id })
    c.late = await fileCase(s, { kind: 'consultation', now: day('2026-01-07') }, { dueAt: day('2026-01-08') })
    c.watch = await fileCase(s, { kind: 'house_watch', now: day('2026-01-08') }, { dueAt: day('2099-01-01') })
    c.review = await fileCase(s, { now: day('2026-01-09') }, { status: 'in_review', assigneeId: other.id })
    c.done = await fileCase(
      s,
      { now: day('2026-01-10') },
      { status: 'issued', dueAt: day('2026-01-01'), resolvedAt: day('2026-01-10') },
    )
    // Seven more on one instant: the page boundary falls inside a run of equal created_at (the id breaks ties).
    for (let i = 0; i < 7; i++) {
      c[`same${i}`] = await fileCase(s, { now: day('2026-02-01') })
    }
    await s.db.db.insert(stations).values({
      code: 'BKN',
      nameTh: 'สถานีอื่น',
      nameEn: 'Another station',
      addressTh: '-',
      addressEn: '-',
      phone: '1599',
    })
    c.elsewhere = await fileCase(s, { stationCode: 'BKN', now: day('2026-01-06') })
  })
  afterAll(async () => {
    await s.close()
  })

  const list = async (query: string) => {
    const res = await api<Page>('GET', `/api/admin/cases${query}`)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    return res.json
  }
  const refs = (page: Page) => page.items.map((i) => i.referenceNumber)

  it('is documented in the OpenAPI document', async () => {
    const res = await fetch(`${s.baseUrl}/api/admin/docs/json`, { headers: me.headers })
    expect(res.status).toBe(200)
    const doc = (await res.json()) as { paths: Record<string, unknown> }
    for (const path of ['/api/admin/cases', '/api/admin/cases/{id}/status', '/api/admin/dashboard']) {
      expect(Object.keys(doc.paths)).toContain(path)
    }
  })

  it('needs an officer session', async () => {
    const res = await apiAs(s, {})('GET', '/api/admin/cases')
    expect(res.status).toBe(401)
    expect(res.json).toMatchObject({ error: { code: 'unauthorized' } })
  })

  it("lists the station's cases newest first, never another station's, with counts per status", async () => {
    const page = await list('')
    expect(page.items).toHaveLength(13)
    expect(page.items.map((i) => i.id)).not.toContain(c.elsewhere?.id)
    expect(page.items[12]?.id).toBe(c.named?.id)
    expect(page.counts).toEqual({ submitted: 9, new: 1, waiting: 1, in_review: 1, issued: 1 })
    expect(page.countCap).toBe(1000)
    expect(page.nextCursor).toBeNull()
  })

  it('filters by kind and status; counts keep every status of the same filters', async () => {
    expect(refs(await list('?kind=sos'))).toEqual([c.sos?.referenceNumber])
    const page = await list('?kind=lost_document&status=in_review')
    expect(refs(page)).toEqual([c.review?.referenceNumber])
    expect(page.counts).toEqual({
      submitted: 8,
      in_review: 1,
      issued: 1,
      awaiting_info: 0,
      visit_station: 0,
      rejected: 0,
      revoked: 0,
      closed: 0,
    })
  })

  it('filters by assignee (me, none, an officer) and overdue', async () => {
    expect(refs(await list('?assignee=me'))).toEqual([c.sos?.referenceNumber])
    expect(refs(await list(`?assignee=${other.id}`))).toEqual([c.review?.referenceNumber])
    expect((await list('?assignee=none')).items).toHaveLength(11)
    const overdue = await list('?overdue=true')
    expect(refs(overdue)).toEqual([c.late?.referenceNumber]) // the resolved late one no longer counts
    expect(overdue.counts).toEqual({ waiting: 1 })
  })

  it('filters by Bangkok days', async () => {
    const page = await list('?from=2026-01-06&to=2026-01-08')
    expect(refs(page)).toEqual([c.watch, c.late, c.sos].map((x) => x?.referenceNumber))
  })

  it('searches by reference (exact and prefix) and by name or phone through the keyed hashes', async () => {
    const ref = c.late?.referenceNumber ?? ''
    expect(refs(await list(`?q=${ref}`))).toEqual([ref])
    expect(refs(await list(`?q=${encodeURIComponent(ref.slice(0, -2).toLowerCase())}`))).toContain(ref)
    // A prefix must name the year and four digits of the number; a broader one finds nothing.
    expect((await list('?q=RYG-LC-')).items).toEqual([])
    expect((await list('?q=RYG-LC-2569-00')).items).toEqual([])
    for (const q of ['สมชาย ใจดี', '  สมชาย   ใจดี ', '+66 81 234 5678', '0812345678']) {
      expect(refs(await list(`?q=${encodeURIComponent(q)}`)), q).toEqual([c.named?.referenceNumber])
    }
    expect((await list('?q=สมชาย')).items).toEqual([]) // hashes match whole values only
    expect((await list(`?q=${encodeURIComponent("' or 1=1 --")}`)).items).toEqual([])
  })

  it('pages with an opaque keyset cursor, without gaps or repeats inside equal timestamps', async () => {
    const all = refs(await list('?limit=100'))
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const page: Page = await list(`?limit=5${cursor ? `&cursor=${cursor}` : ''}`)
      expect(page.items.length).toBeLessThanOrEqual(5)
      seen.push(...refs(page))
      cursor = page.nextCursor
    } while (cursor)
    expect(seen).toEqual(all)
    const bad = await api('GET', '/api/admin/cases?cursor=bm9wZQ')
    expect(bad.status).toBe(400)
    expect(bad.json).toMatchObject({ error: { code: 'bad_request' }, reqId: expect.any(String) })
    expect((await api('GET', '/api/admin/cases?limit=101')).status).toBe(400)
    expect((await api('GET', '/api/admin/cases?status=bogus')).status).toBe(400)
  })

  it('shows a case with the citizen masked and audits the view; text is returned verbatim', async () => {
    const res = await api<{ case: Record<string, unknown>; events: { type: string }[]; allowedStatuses: string[] }>(
      'GET',
      `/api/admin/cases/${c.named?.id}`,
    )
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(res.json.case).toMatchObject({
      citizenName: 'ส***ย ใ***ดี',
      citizen: { displayName: 'ส***ย ใ***ดี' },
      summary: '<img src=x onerror=alert(1)>',
      revealable: ['displayName'],
    })
    expect(JSON.stringify(res.json)).not.toContain('สมชาย')
    expect(res.json.events.map((e) => e.type)).toEqual(['created'])
    expect(res.json.allowedStatuses).toEqual(['in_review', 'issued', 'awaiting_info', 'rejected', 'visit_station'])
    const views = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'case.view'), eq(auditLog.entityId, c.named?.id ?? '')))
    expect(views).toHaveLength(1)
    expect(views[0]).toMatchObject({ officerId: me.id, stationId: me.stationId, entityType: 'case' })
  })

  it("answers 404 for another station's case and for a malformed id", async () => {
    expect((await api('GET', `/api/admin/cases/${c.elsewhere?.id}`)).status).toBe(404)
    expect((await api('GET', '/api/admin/cases/not-a-uuid')).status).toBe(404)
  })

  it('reveals a field with a reason, audited; a viewer may not', async () => {
    const res = await api('POST', `/api/admin/cases/${c.named?.id}/reveal`, {
      field: 'displayName',
      reason: 'โทรยืนยันตัวตน',
    })
    expect(res.status).toBe(200)
    expect(res.json).toEqual({ value: 'สมชาย ใจดี' })
    const [entry] = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'case.reveal'))
    expect(entry?.details).toEqual({ field: 'displayName', reason: 'โทรยืนยันตัวตน' })
    const missing = await api('POST', `/api/admin/cases/${c.named?.id}/reveal`, { field: 'phone', reason: 'call' })
    expect(missing.status).toBe(404)
    const viewer = await signInOfficer(s.db.db, { role: 'viewer' })
    const denied = await apiAs(s, viewer.headers)('POST', `/api/admin/cases/${c.named?.id}/reveal`, {
      field: 'displayName',
      reason: 'curious',
    })
    expect(denied.status).toBe(403)
  })
})
