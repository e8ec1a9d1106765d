import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedConsultationDefaults } from '../../../bot/consultation/settings/seed.js'
import { CONSULTATION_TOPICS } from '../../../bot/contracts/consultations.js'
import { consultationAnswers, stationHolidays, stations } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs } from '../cases/fixtures.js'

// Issue #12, settings: office hours, holidays (seeded 2569–2570), topics' SLA and common answers, edited by admins
// and supervisors, read by every officer, validated and audited.
let s: Stack
let supervisor: TestOfficer
let api: Api
let patrol: Api
let legal: Api
beforeAll(async () => {
  s = await startStack({ worker: false })
  supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
  api = apiAs(s, supervisor.headers)
  patrol = apiAs(s, (await signInOfficer(s.db.db, { role: 'patrol_officer' })).headers)
  legal = apiAs(s, (await signInOfficer(s.db.db, { role: 'legal_advisor' })).headers)
})
afterAll(async () => {
  await s?.close()
})

type Settings = {
  officeHours: Record<string, { from: string; to: string }[]>
  holidays: { date: string; nameTh: string; nameEn: string }[]
  topics: { topic: string; active: boolean; position: number; firstResponseMinutes: number }[]
}
type Answer = { id: string; topic: string; titleTh: string; position: number; active: boolean }

async function audits(action: string) {
  const res = await api<{ items: { action: string; details: Record<string, unknown> }[] }>(
    'GET',
    `/api/admin/audit?action=${action}`,
  )
  return res.json.items
}

describe('the seeded settings', () => {
  it('every officer reads them: weekday office hours, every topic, the Thai holidays of 2569 and 2570', async () => {
    const res = await patrol<Settings>('GET', '/api/admin/consultations/settings')
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.officeHours['1']).toEqual([{ from: '08:30', to: '16:30' }])
    expect(res.json.officeHours['0']).toBeUndefined()
    expect(res.json.topics.map((t) => t.topic)).toEqual([...CONSULTATION_TOPICS])
    const days = Object.fromEntries(res.json.holidays.map((h) => [h.date, h.nameEn]))
    expect(days).toMatchObject({
      '2026-03-03': 'Makha Bucha Day',
      '2026-05-31': 'Visakha Bucha Day',
      '2026-07-29': 'Asarnha Bucha Day',
      '2026-12-05': "King Bhumibol Adulyadej's Birthday",
      '2027-02-21': 'Makha Bucha Day',
      '2027-07-19': 'Buddhist Lent Day (Khao Phansa)',
    })
    expect(res.json.holidays.map((h) => h.date)).toEqual([...res.json.holidays.map((h) => h.date)].sort())
  })

  it('has two or more common answers per topic, Thai and English, in order', async () => {
    const res = await legal<Answer[]>('GET', '/api/admin/consultations/answers')
    expect(res.status).toBe(200)
    for (const topic of CONSULTATION_TOPICS) {
      const mine = res.json.filter((a) => a.topic === topic)
      expect(mine.length, topic).toBeGreaterThanOrEqual(2)
      expect(mine.map((a) => a.position)).toEqual([...mine.map((a) => a.position)].sort((a, b) => a - b))
    }
    const scam = await legal<(Answer & { bodyTh: string; bodyEn: string })[]>(
      'GET',
      '/api/admin/consultations/answers?topic=scam',
    )
    expect(scam.json.every((a) => a.topic === 'scam')).toBe(true)
    expect(scam.json[0]?.bodyTh).toContain('1441')
    expect(scam.json[0]?.bodyEn).toContain('thaipoliceonline.go.th')
  })
})

describe('PUT /api/admin/consultations/settings', () => {
  it('a supervisor changes hours, replaces the holidays, sets a topic; the change is audited', async () => {
    const before = (await api<Settings>('GET', '/api/admin/consultations/settings')).json
    const holidays = [
      ...before.holidays.filter((h) => h.date !== '2026-05-01'),
      { date: '2026-05-11', nameTh: 'วันพืชมงคล', nameEn: 'Royal Ploughing Ceremony' },
    ]
    const body = {
      officeHours: {
        '1': [
          { from: '13:00', to: '16:30' },
          { from: '08:30', to: '12:00' },
        ],
        '6': [{ from: '09:00', to: '12:00' }],
      },
      holidays,
      topics: [{ topic: 'scam', active: true, position: 0, firstResponseMinutes: 60, nextResponseMinutes: 30 }],
    }
    const res = await api<Settings>('PUT', '/api/admin/consultations/settings', body)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.officeHours).toEqual({
      '1': [
        { from: '08:30', to: '12:00' },
        { from: '13:00', to: '16:30' },
      ],
      '6': [{ from: '09:00', to: '12:00' }],
    })
    expect(res.json.holidays).toHaveLength(before.holidays.length)
    expect(res.json.holidays.find((h) => h.date === '2026-05-11')?.nameTh).toBe('วันพืชมงคล')
    expect(res.json.topics.find((t) => t.topic === 'scam')?.firstResponseMinutes).toBe(60)
    expect(res.json.topics.find((t) => t.topic === 'debt')?.firstResponseMinutes).toBe(240)

    const [entry] = await audits('consultation_settings.update')
    expect(entry?.details).toMatchObject({
      holidays: { added: ['2026-05-11'], removed: ['2026-05-01'] },
      topics: { scam: { from: { firstResponseMinutes: 240 }, to: { firstResponseMinutes: 60 } } },
    })
    expect(entry?.details.officeHours).toBeDefined()
  })

  it('the same settings again change nothing and write no audit line', async () => {
    const now = (await api<Settings>('GET', '/api/admin/consultations/settings')).json
    const count = (await audits('consultation_settings.update')).length
    const res = await api('PUT', '/api/admin/consultations/settings', now)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(await audits('consultation_settings.update')).toHaveLength(count)
  })

  it('refuses bad times, overlaps, impossible dates, twice the same day or topic, SLA out of bounds', async () => {
    const topic = { topic: 'scam', active: true, position: 0, firstResponseMinutes: 60, nextResponseMinutes: 30 }
    const bad: unknown[] = [
      {},
      { officeHours: { '1': [{ from: '8:30', to: '16:30' }] } },
      { officeHours: { '1': [{ from: '16:30', to: '08:30' }] } },
      { officeHours: { '1': [{ from: '09:00', to: '09:00' }] } },
      { officeHours: { '1': [{ from: '24:00', to: '24:00' }] } },
      {
        officeHours: {
          '2': [
            { from: '08:00', to: '12:00' },
            { from: '11:00', to: '16:00' },
          ],
        },
      },
      { officeHours: { '7': [{ from: '08:00', to: '12:00' }] } },
      { holidays: [{ date: '2027-02-29', nameTh: 'ไม่มีวันนี้', nameEn: 'No such day' }] },
      { holidays: [{ date: '2569-01-01', nameTh: 'ปีใหม่', nameEn: '' }] },
      { holidays: [{ date: '01/01/2027', nameTh: 'ปีใหม่', nameEn: "New Year's Day" }] },
      {
        holidays: [
          { date: '2027-01-01', nameTh: 'ปีใหม่', nameEn: "New Year's Day" },
          { date: '2027-01-01', nameTh: 'ปีใหม่', nameEn: 'Again' },
        ],
      },
      { topics: [topic, topic] },
      { topics: [{ ...topic, topic: 'weather' }] },
      { topics: [{ ...topic, firstResponseMinutes: 0 }] },
      { topics: [{ ...topic, nextResponseMinutes: 99_999 }] },
      { topics: [{ ...topic, firstResponseMinutes: 30.5 }] },
      { colour: 'blue' },
    ]
    for (const body of bad) {
      const res = await api<{ error: { code: string; message: string; messageTh: string } }>(
        'PUT',
        '/api/admin/consultations/settings',
        body,
      )
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.error.code).toBe('validation_failed')
      expect(res.json.error.messageTh).toBeTruthy()
    }
  })

  it('only admins and supervisors may change them; every officer may read; no session is 401', async () => {
    const body = { officeHours: { '1': [{ from: '08:00', to: '16:00' }] } }
    for (const role of ['duty_officer', 'legal_advisor', 'patrol_officer', 'viewer'] as const) {
      const other = apiAs(s, (await signInOfficer(s.db.db, { role })).headers)
      const res = await other<{ error: { code: string } }>('PUT', '/api/admin/consultations/settings', body)
      expect(res.status, role).toBe(403)
      expect(res.json.error.code).toBe('forbidden')
      expect((await other('GET', '/api/admin/consultations/settings')).status, role).toBe(200)
    }
    const admin = apiAs(s, (await signInOfficer(s.db.db, { role: 'admin' })).headers)
    expect((await admin('PUT', '/api/admin/consultations/settings', body)).status).toBe(200)
    const anonymous = apiAs(s, {})
    expect((await anonymous('GET', '/api/admin/consultations/settings')).status).toBe(401)
    expect((await anonymous('PUT', '/api/admin/consultations/settings', body)).status).toBe(401)
  })
})

describe('common answers', () => {
  const answer = {
    topic: 'debt',
    titleTh: 'หนี้บัตรเครดิต',
    titleEn: 'Credit card debt',
    bodyTh: 'ติดต่อธนาคารเพื่อขอปรับโครงสร้างหนี้',
    bodyEn: 'Ask the bank to restructure the debt.',
  }

  it('a supervisor adds one (last by default), changes it, deletes it; each step is audited', async () => {
    const before = (await api<Answer[]>('GET', '/api/admin/consultations/answers?topic=debt')).json
    const created = await api<Answer>('POST', '/api/admin/consultations/answers', answer)
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(created.json).toMatchObject({ ...answer, active: true, position: before.length })
    const listed = (await api<Answer[]>('GET', '/api/admin/consultations/answers?topic=debt')).json
    expect(listed.at(-1)?.id).toBe(created.json.id)

    const patched = await api<Answer>('PATCH', `/api/admin/consultations/answers/${created.json.id}`, {
      position: 0,
      active: false,
      bodyEn: 'Ask your bank about restructuring the debt.',
    })
    expect(patched.status, JSON.stringify(patched.json)).toBe(200)
    expect(patched.json).toMatchObject({ position: 0, active: false })
    // Same position as the first seeded answer: the older one stays first.
    const order = (await api<Answer[]>('GET', '/api/admin/consultations/answers?topic=debt')).json.map((a) => a.id)
    expect(order.indexOf(created.json.id)).toBe(1)

    const deleted = await api('DELETE', `/api/admin/consultations/answers/${created.json.id}`)
    expect(deleted.status).toBe(204)
    expect((await api('DELETE', `/api/admin/consultations/answers/${created.json.id}`)).status).toBe(404)

    expect((await audits('consultation_answer.create'))[0]?.details).toMatchObject({ topic: 'debt', position: 2 })
    expect((await audits('consultation_answer.update'))[0]?.details).toMatchObject({
      position: { from: 2, to: 0 },
      active: { from: true, to: false },
      bodyEn: 'changed',
    })
    expect((await audits('consultation_answer.delete'))[0]?.details).toMatchObject({ titleTh: 'หนี้บัตรเครดิต' })
  })

  it('validates: both languages, lengths, topic, id; errors carry a code', async () => {
    const bad = [
      { ...answer, titleEn: '' },
      { ...answer, bodyTh: undefined },
      { ...answer, bodyEn: 'x'.repeat(1501) },
      { ...answer, titleTh: 'ก'.repeat(101) },
      { ...answer, topic: 'weather' },
      { ...answer, position: -1 },
      { ...answer, extra: true },
    ]
    for (const body of bad) {
      const res = await api<{ error: { code: string } }>('POST', '/api/admin/consultations/answers', body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.json.error.code).toBe('validation_failed')
    }
    const [some] = (await api<Answer[]>('GET', '/api/admin/consultations/answers?topic=scam')).json
    expect((await api('PATCH', `/api/admin/consultations/answers/${some?.id}`, {})).status).toBe(400)
    expect((await api('PATCH', '/api/admin/consultations/answers/not-a-uuid', { active: false })).status).toBe(400)
    expect((await api('GET', '/api/admin/consultations/answers?topic=weather')).status).toBe(400)
  })

  it("another station's answer is not found; officers without the permission may only read", async () => {
    const [other] = await s.db.db
      .insert(stations)
      .values({ code: 'OTH', nameTh: 'อื่น', nameEn: 'Other', addressTh: '-', addressEn: '-', phone: '191' })
      .returning()
    const [theirs] = await s.db.db
      .insert(consultationAnswers)
      .values({ stationId: other?.id ?? '', topic: 'scam', titleTh: 'ก', titleEn: 'a', bodyTh: 'ข', bodyEn: 'b' })
      .returning()
    const res = await api<{ error: { code: string; messageTh: string } }>(
      'PATCH',
      `/api/admin/consultations/answers/${theirs?.id}`,
      { active: false },
    )
    expect(res.status).toBe(404)
    expect(res.json.error).toMatchObject({ code: 'not_found', messageTh: 'ไม่พบคำตอบนี้' })
    const mine = (await api<Answer[]>('GET', '/api/admin/consultations/answers')).json
    expect(mine.some((a) => a.id === theirs?.id)).toBe(false)

    const [one] = mine
    expect((await legal('POST', '/api/admin/consultations/answers', answer)).status).toBe(403)
    expect((await legal('PATCH', `/api/admin/consultations/answers/${one?.id}`, { active: false })).status).toBe(403)
    expect((await patrol('DELETE', `/api/admin/consultations/answers/${one?.id}`)).status).toBe(403)
  })
})

describe('the seed', () => {
  it('runs once per station: it never brings back what an admin deleted, and seeds a new station', async () => {
    const station = supervisor.stationId
    await s.db.db.delete(stationHolidays).where(eq(stationHolidays.stationId, station))
    const seededBefore = await s.db.db.$count(consultationAnswers, eq(consultationAnswers.stationId, station))
    const { seeded } = await seedConsultationDefaults(s.db.db)
    expect(seeded).toEqual(['OTH']) // the station added above had no settings yet
    expect(await s.db.db.$count(stationHolidays, eq(stationHolidays.stationId, station))).toBe(0)
    expect(await s.db.db.$count(consultationAnswers, eq(consultationAnswers.stationId, station))).toBe(seededBefore)
    expect((await seedConsultationDefaults(s.db.db)).seeded).toEqual([])
  })
})
