import { eq, sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { friendCitizen, household, statusOf, TEXT } from './fixtures.js'

/**
 * Announcements end to end (issue #14): audience selection and de-duplication, opt-out at send time, quota refusal
 * and partial send, approval by another officer, scheduling with a controllable clock, cancel, fan-out through the
 * outbox with customAggregationUnits, and LINE's statistics read back. Both modes (Postgres + BullMQ, embedded).
 */
describe('announcements', () => {
  let s: Stack
  let admin: TestOfficer
  let supervisor: TestOfficer
  let stationId: string
  const people: Record<string, { citizenId: string; lineUserId: string }> = {}

  beforeAll(async () => {
    s = await startStack()
    admin = await signInOfficer(s.db.db, { role: 'admin' })
    supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
    stationId = admin.stationId
    s.emulator.state.quota = { type: 'none', value: 0 }
    for (const [name, lang] of [
      ['a', 'th'],
      ['b', 'th'],
      ['c', 'en'],
      ['d', 'th'],
      ['e', 'th'],
      ['f', 'en'],
    ] as const) {
      people[name] = await friendCitizen(s, `person ${name}`, lang)
    }
    const id = (n: string) => people[n]?.citizenId ?? ''
    // a is in two matching households (sent once); d has opted out; e blocked the OA.
    await household(
      s.db.db,
      stationId,
      { subdistrict: 'ท่าประดู่', municipality: 'เทศบาลนครระยอง', soi: 'ซอย 1', lat: 12.68, lng: 101.27 },
      [id('a'), id('b')],
    )
    await household(
      s.db.db,
      stationId,
      { subdistrict: 'ท่าประดู่', municipality: 'เทศบาลนครระยอง', soi: 'ซอย 2', lat: 12.69, lng: 101.28 },
      [id('a'), id('c'), id('d')],
    )
    await household(
      s.db.db,
      stationId,
      { subdistrict: 'เชิงเนิน', soi: 'ซอย 9', lat: 12.8, lng: 101.4 },
      [id('e'), id('f')],
      ['crime_alert'],
    )
    await s.db.db
      .update(citizens)
      .set({ announcementsOptedOutAt: new Date() })
      .where(eq(citizens.id, id('d')))
    await s.db.db
      .update(citizens)
      .set({ followState: 'blocked' })
      .where(eq(citizens.id, id('e')))
  }, 60_000)
  afterAll(async () => {
    await s?.close()
  })

  const api = (o: TestOfficer, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) =>
    s.app.inject({ method, url, headers: o.headers, ...(payload ? { payload } : {}) })

  it('estimates an audience: each LINE user once, opted-out and blocked left out, filters and polygon', async () => {
    const all = await api(admin, 'POST', '/api/admin/broadcasts/estimate', { audience: { type: 'households' } })
    expect(all.statusCode, all.body).toBe(200)
    // a, b, c (a twice in households: once); d opted out; e blocked; f's household wants crime alerts only.
    expect(all.json()).toMatchObject({ recipients: 3, byLanguage: { th: 2, en: 1 }, excluded: { optedOut: 1 } })
    const crime = await api(admin, 'POST', '/api/admin/broadcasts/estimate', {
      audience: { type: 'households' },
      topic: 'crime_alert',
    })
    expect(crime.json()).toMatchObject({ recipients: 4, excluded: { optedOut: 1, blocked: 1 } })
    const soi = await api(admin, 'POST', '/api/admin/broadcasts/estimate', {
      audience: { type: 'households', sois: ['ซอย 1'] },
    })
    expect(soi.json().recipients).toBe(2)
    const area = await api(admin, 'POST', '/api/admin/broadcasts/estimate', {
      audience: {
        type: 'households',
        area: {
          type: 'Polygon',
          coordinates: [
            [
              [101.285, 12.685],
              [101.295, 12.685],
              [101.295, 12.695],
              [101.285, 12.695],
              [101.285, 12.685],
            ],
          ],
        },
      },
    })
    expect(area.json().recipients, area.body).toBe(0)
    const en = await api(admin, 'POST', '/api/admin/broadcasts/estimate', {
      audience: { type: 'followers', language: 'en' },
    })
    expect(en.json().recipients).toBe(2)
  })

  it('refuses a message LINE would refuse, naming the problem', async () => {
    const res = await api(admin, 'POST', '/api/admin/broadcasts', {
      audience: { type: 'followers' },
      messages: [{ type: 'text', text: 'x'.repeat(5001) }],
    })
    expect(res.statusCode).toBe(400)
    expect(res.json().error.code).toBe('invalid_message')
    expect(res.json().error.message).toContain('5000')
    const img = await api(admin, 'POST', '/api/admin/broadcasts', {
      audience: { type: 'followers' },
      messages: { th: [{ type: 'image', originalContentUrl: 'http://x/a.jpg', previewImageUrl: 'http://x/b.jpg' }] },
    })
    expect(img.json().error.code).toBe('invalid_message')
  })

  it('approval by another officer, then delivery in each language with the aggregation unit; opt-out honoured at send time; stats read back', async () => {
    const created = await api(admin, 'POST', '/api/admin/broadcasts', {
      title: 'เตือนภัย',
      audience: { type: 'households' },
      messages: { th: TEXT('ระวังมิจฉาชีพ'), en: TEXT('Beware of scams') },
    })
    expect(created.statusCode, created.body).toBe(200)
    const id = created.json().broadcast.id
    expect(created.json().broadcast).toMatchObject({ status: 'draft', recipients: 3 })
    const asked = await api(admin, 'POST', `/api/admin/broadcasts/${id}/send`, {})
    expect(asked.json().broadcast.status).toBe('awaiting_approval')
    const own = await api(admin, 'POST', `/api/admin/broadcasts/${id}/approve`, {})
    expect(own.statusCode).toBe(403)
    expect(own.json().error.code).toBe('own_announcement')
    // b opts out between the snapshot and the request that goes: dropped at send time (the first tries get a 503).
    s.emulator.state.faults.push({ path: '/v2/bot/message/multicast', status: 503, times: 2 })
    const approved = await api(supervisor, 'POST', `/api/admin/broadcasts/${id}/approve`, {})
    expect(approved.statusCode, approved.body).toBe(200)
    expect(approved.json().broadcast.status).toBe('sending')
    await s.db.db
      .update(citizens)
      .set({ announcementsOptedOutAt: new Date() })
      .where(eq(citizens.id, people.b?.citizenId ?? ''))
    await expect
      .poll(async () => (await statusOf(s.db.db, id))?.status, { timeout: 30_000, interval: 200 })
      .toBe('sent')
    const got = (n: string) => s.emulator.state.copies.get(people[n]?.lineUserId ?? '') ?? 0
    expect([got('a'), got('b'), got('c'), got('d'), got('e')]).toEqual([1, 0, 1, 0, 0])
    expect(s.emulator.messagesTo(people.c?.lineUserId ?? '').at(-1)?.message).toMatchObject({ text: 'Beware of scams' })
    const view = await api(admin, 'GET', `/api/admin/broadcasts/${id}`)
    expect(view.json().broadcast).toMatchObject({ status: 'sent', recipients: 2, sent: 2, failed: 0, remaining: 0 })
    expect(view.json().requests).toHaveLength(2)
    const unit = view.json().broadcast.aggregationUnit
    expect(s.emulator.state.aggregationUnits.get(unit)?.recipients).toBe(2)
    await s.deps.announcements.schedule.readStats()
    const after = await api(admin, 'GET', `/api/admin/broadcasts/${id}`)
    expect(after.json().broadcast.lineStats).toMatchObject({ overview: { uniqueImpression: 2 } })
    await s.db.db
      .update(citizens)
      .set({ announcementsOptedOutAt: null })
      .where(eq(citizens.id, people.b?.citizenId ?? ''))
  })

  it('refuses a send over the quota or the budget unless partial; a partial send takes the first in the stated order', async () => {
    const put = await api(admin, 'PUT', '/api/admin/broadcasts/settings', {
      requireApproval: false,
      monthlyBudget: 100,
    })
    expect(put.statusCode, put.body).toBe(200)
    s.emulator.state.quota = { type: 'limited', value: s.emulator.state.usage.total + 2 }
    const created = await api(admin, 'POST', '/api/admin/broadcasts', {
      audience: { type: 'followers' },
      messages: TEXT('ถนนปิด'),
    })
    const id = created.json().broadcast.id
    const refused = await api(admin, 'POST', `/api/admin/broadcasts/${id}/send`, {})
    expect(refused.statusCode).toBe(409)
    expect(refused.json().error.code).toBe('quota_exceeded')
    expect(refused.json().estimate).toMatchObject({ fits: false, quota: { remaining: 2 } })
    const partial = await api(admin, 'POST', `/api/admin/broadcasts/${id}/send`, {
      partial: { limit: 2, order: 'registered_first' },
    })
    expect(partial.statusCode, partial.body).toBe(200)
    await expect.poll(async () => (await statusOf(s.db.db, id))?.status, { timeout: 30_000 }).toBe('sent')
    const b = await statusOf(s.db.db, id)
    expect(b?.sent).toBe(2)
    s.emulator.state.quota = { type: 'none', value: 0 }
  })

  it('a scheduled announcement goes when its time comes; cancel stops what has not been sent', async () => {
    const at = new Date(Date.now() + 3_600_000).toISOString()
    const created = await api(admin, 'POST', '/api/admin/broadcasts', {
      audience: { type: 'followers' },
      messages: TEXT('งานลอยกระทง'),
      scheduledAt: at,
    })
    const id = created.json().broadcast.id
    const scheduled = await api(admin, 'POST', `/api/admin/broadcasts/${id}/send`, {})
    expect(scheduled.json().broadcast.status, scheduled.body).toBe('scheduled')
    expect(await s.deps.announcements.broadcasts.startDue()).toBe(0)
    await s.db.db.execute(sql`update broadcasts set scheduled_at = now() - interval '1 second' where id = ${id}`)
    await s.deps.announcements.schedule.tick()
    await expect.poll(async () => (await statusOf(s.db.db, id))?.status, { timeout: 30_000 }).toBe('sent')

    // Cancel while requests are pending: nothing more goes.
    s.emulator.state.faults.push({ path: '/v2/bot/message/multicast', status: 503, times: 1_000 })
    const second = await api(admin, 'POST', '/api/admin/broadcasts', {
      audience: { type: 'followers' },
      messages: TEXT('ยกเลิก'),
    })
    const sid = second.json().broadcast.id
    await api(admin, 'POST', `/api/admin/broadcasts/${sid}/send`, {})
    await expect
      .poll(
        async () => {
          const [r] = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.broadcastId, sid))
          return (r?.attempts ?? 0) > 0 && r?.leasedUntil === null
        },
        { timeout: 30_000 },
      )
      .toBe(true)
    const cancelled = await api(admin, 'POST', `/api/admin/broadcasts/${sid}/cancel`)
    expect(cancelled.json().broadcast.status, cancelled.body).toBe('cancelled')
    s.emulator.state.faults.length = 0
    const rows = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.broadcastId, sid))
    expect(rows.every((r) => r.status === 'cancelled')).toBe(true)
  })

  it('the test send reaches the officer; lists and audience lists', async () => {
    const list = await api(admin, 'GET', '/api/admin/broadcasts')
    expect(list.json().broadcasts.length).toBeGreaterThan(2)
    const saved = await api(admin, 'POST', '/api/admin/audience-lists', {
      name: 'ผู้ใหญ่บ้าน',
      citizenIds: [people.a?.citizenId, people.c?.citizenId],
    })
    expect(saved.statusCode, saved.body).toBe(200)
    const est = await api(admin, 'POST', '/api/admin/broadcasts/estimate', {
      audience: { type: 'list', listId: saved.json().list.id },
    })
    expect(est.json().recipients).toBe(2)
  })
})
