import { createHash, randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMediaLinks } from '../../../bot/consultation/messages/media-links.js'
import { addCitizenMessage } from '../../../bot/consultation/messages/thread.js'
import { understand } from '../../../bot/conversation/understanding/index.js'
import { makePng } from '../../../bot/emulator/index.js'
import type { LineEvent } from '../../../bot/line/events.schema.js'
import type { Case, Consultation } from '../../../db/schema/index.js'
import {
  auditLog,
  caseEvents,
  cases,
  citizens,
  consultations,
  inboundEvents,
  outboundMessages,
} from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs, befriend, openTestConsultation } from './fixtures.js'

async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs
  for (;;) {
    const v = await probe()
    if (v !== undefined) {
      return v
    }
    if (Date.now() > end) {
      throw new Error(`timed out waiting for ${what}`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

type EventView = { id: number; type: string; body: unknown; data: Record<string, unknown> | null }
type CaseView = {
  case: { id: string; status: string }
  events: EventView[]
  consultation?: { unread: number; lastOfficerMessageAt: string | null; nextResponseDueAt: string | null }
}

/**
 * Issue #12, points 3–5 (officers' side): officers answer a consultation through the admin API; deliveries are
 * checked at the LINE emulator (reply while the citizen's token is fresh, push after, never both; answers within
 * seconds in one request), the thread keeps order, files go by signed links, texts are encrypted at rest.
 */
describe('consultation thread: officers answer through the admin API', () => {
  let s: Stack
  let advisor: TestOfficer
  let api: Api

  beforeAll(async () => {
    // LINE fetches image messages' pictures over HTTPS only (the emulator checks it too): links name an https origin.
    s = await startStack({ env: { PUBLIC_BASE_URL: 'https://rsz.example' } })
    advisor = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ท. ที่ปรึกษา' })
    api = apiAs(s, advisor.headers)
  })
  afterAll(async () => {
    await s.close()
  })

  /** A citizen's message on the thread, as the citizen chat stores it (A's chat calls addCitizenMessage). */
  async function citizenSays(c: Case, text: string, webhookEventId = randomUUID()) {
    return s.db.db.transaction(async (tx) => {
      const [co] = await tx.select().from(consultations).where(eq(consultations.caseId, c.id))
      const [current] = await tx.select().from(cases).where(eq(cases.id, c.id))
      const event = {
        type: 'message',
        webhookEventId,
        message: { id: String(Date.now()) + Math.floor(Math.random() * 1000), type: 'text', text },
      } as unknown as LineEvent
      return addCitizenMessage(
        tx,
        { cipher: s.deps.cipher },
        {
          case: current ?? c,
          consultation: co as Consultation,
          event,
          input: { kind: 'text', text, understanding: understand(text) },
          now: new Date(),
        },
      )
    })
  }

  /** An event the bot stores without answering (a beacon): its reply token stays unused for the officer's answer. */
  async function freshToken(userId: string) {
    const webhookEventId = randomUUID().replaceAll('-', '').toUpperCase()
    await s.emulator.deliver([
      {
        type: 'beacon',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId },
        webhookEventId,
        deliveryContext: { isRedelivery: false },
        replyToken: randomUUID().replaceAll('-', ''),
        beacon: { hwid: 'd41d8cd98f', type: 'enter' },
      },
    ])
    return until('the beacon to be processed', async () => {
      const [e] = await s.db.db.select().from(inboundEvents).where(eq(inboundEvents.webhookEventId, webhookEventId))
      return e?.status === 'processed' ? e : undefined
    })
  }

  const view = (c: Case, as: Api = api) => as<CaseView>('GET', `/api/admin/cases/${c.id}`)

  it('answers by reply while the token is fresh, by push after it, never both; delivery state on the thread', async () => {
    const { user, citizen } = await befriend(s, 'สมหญิง')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    await freshToken(user.userId)
    const first = await api<{ event: EventView }>('POST', `/api/admin/cases/${c.id}/messages`, {
      body: 'สวัสดีครับ ได้รับคำถามแล้ว',
    })
    expect(first.status, JSON.stringify(first.json)).toBe(200)
    expect(first.json.event.data?.delivery).toEqual({ state: 'queued' })
    expect(first.json.event.body).toBe('สวัสดีครับ ได้รับคำถามแล้ว')
    const got = await s.emulator.waitForMessages(user.userId, 3)
    expect(got[2]?.via).toBe('reply')

    // The next token is older than its life (LINE's ~1 min; we stop at 50 s): the answer costs a push.
    const stale = await freshToken(user.userId)
    await s.db.db
      .update(inboundEvents)
      .set({ receivedAt: new Date(Date.now() - 120_000) })
      .where(eq(inboundEvents.id, stale.id))
    const second = await api('POST', `/api/admin/cases/${c.id}/messages`, { body: 'ขอเอกสารเพิ่มเติมครับ' })
    expect(second.status).toBe(200)
    const all = await s.emulator.waitForMessages(user.userId, 4)
    expect(all[3]?.via).toBe('push')
    expect(all[3]?.retryKey).toEqual(expect.any(String))
    await new Promise((r) => setTimeout(r, 500))
    const texts = s.emulator.messagesTo(user.userId).map((m) => m.message.text)
    expect(texts.filter((t) => t === 'สวัสดีครับ ได้รับคำถามแล้ว')).toHaveLength(1)
    expect(texts.filter((t) => t === 'ขอเอกสารเพิ่มเติมครับ')).toHaveLength(1)

    const v = await view(c)
    const outs = v.json.events.filter((e) => e.type === 'message_out')
    expect(outs.map((e) => (e.data?.delivery as { state: string; via?: string }) ?? null)).toEqual([
      expect.objectContaining({ state: 'sent', via: 'reply' }),
      expect.objectContaining({ state: 'sent', via: 'push' }),
    ])
    expect(v.json.case.status).toBe('in_progress')
    expect(v.json.consultation?.lastOfficerMessageAt).toEqual(expect.any(String))
  })

  it('sends answers written within a few seconds together, in one LINE request, in order', async () => {
    // A hold long enough that three answers posted one after another fall inside it on a busy machine too (the
    // default 3 s is what an officer typing needs; the grouping itself does not depend on the length).
    const held = await startStack({ env: { PUBLIC_BASE_URL: 'https://rsz.example', ANSWER_HOLD_MS: '8000' } })
    try {
      const officer = await signInOfficer(held.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ท. ที่ปรึกษา' })
      const post = apiAs(held, officer.headers)
      const { user, citizen } = await befriend(held, 'Somchai', 'en')
      const { case: c } = await openTestConsultation(held, { citizenId: citizen.id, language: 'en' })
      for (const body of ['one', 'two', 'three']) {
        const res = await post('POST', `/api/admin/cases/${c.id}/messages`, { body })
        expect(res.status).toBe(200)
      }
      const got = (await held.emulator.waitForMessages(user.userId, 5, 20_000)).slice(2)
      expect(got.map((m) => m.message.text)).toEqual(['one', 'two', 'three'])
      expect(new Set(got.map((m) => m.requestId)).size).toBe(1)
      const answers = await until('the rows to be marked', async () => {
        const rows = await held.db.db.select().from(outboundMessages).where(eq(outboundMessages.to, user.userId))
        const mine = rows.filter((r) => r.purpose === 'case-message')
        return mine.every((r) => r.status !== 'pending') ? mine : undefined
      })
      expect(answers).toHaveLength(3)
      expect(answers.every((r) => r.status === 'delivered' && r.sentVia === 'push')).toBe(true)
      expect(new Set(answers.map((r) => r.retryKey)).size).toBe(1)
    } finally {
      await held.close()
    }
  })

  it('keeps the order of both sides when the citizen writes while the officer types', async () => {
    const { user, citizen } = await befriend(s, 'มาลี')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    await citizenSays(c, 'ถาม 1')
    await api('POST', `/api/admin/cases/${c.id}/messages`, { body: 'ตอบ 1' })
    await citizenSays(c, 'ถาม 2')
    await api('POST', `/api/admin/cases/${c.id}/messages`, { body: 'ตอบ 2' })
    await citizenSays(c, 'ถาม 3')
    const got = (await s.emulator.waitForMessages(user.userId, 4)).slice(2)
    expect(got.map((m) => m.message.text)).toEqual(['ตอบ 1', 'ตอบ 2'])
    const v = await view(c)
    const thread = v.json.events.filter((e) => e.type === 'message_in' || e.type === 'message_out').map((e) => e.body)
    expect(thread).toEqual(['ถาม 1', 'ตอบ 1', 'ถาม 2', 'ตอบ 2', 'ถาม 3'])
    // The citizen wrote after an answer: the next answer is due (office minutes), and the unread count says 3.
    expect(v.json.consultation?.nextResponseDueAt).toEqual(expect.any(String))
    expect(v.json.consultation?.unread).toBe(3)
  })

  it('stores texts encrypted at rest (both sides), readable only by officers who answer; the view is audited', async () => {
    const { citizen } = await befriend(s, 'ปรีชา')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    await citizenSays(c, 'ถูกโกงเงิน 5,000 บาท')
    await api('POST', `/api/admin/cases/${c.id}/messages`, { body: 'แจ้งความได้ที่สถานีครับ' })
    const raw = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))
    const thread = raw.filter((e) => e.type === 'message_in' || e.type === 'message_out')
    expect(thread).toHaveLength(2)
    for (const e of thread) {
      expect(e.body).toBeNull()
      expect(e.bodyEnc).toMatch(/^v\d+\./)
      expect(e.bodyEnc).not.toContain('แจ้งความ')
    }
    const mine = await view(c)
    expect(mine.json.events.filter((e) => e.type.startsWith('message_')).map((e) => e.body)).toEqual([
      'ถูกโกงเงิน 5,000 บาท',
      'แจ้งความได้ที่สถานีครับ',
    ])
    const reads = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'consultation.thread_view'), eq(auditLog.entityId, c.id)))
    expect(reads).toHaveLength(1)
    expect(JSON.stringify(reads[0]?.details)).not.toContain('โกง')

    const viewer = await signInOfficer(s.db.db, { role: 'viewer' })
    const asViewer = apiAs(s, viewer.headers)
    const masked = await view(c, asViewer)
    expect(masked.status).toBe(200)
    for (const e of masked.json.events.filter((e) => e.type.startsWith('message_'))) {
      expect(e.body).toEqual({ masked: true, field: `event_${e.id}` })
    }
    const refused = await asViewer('POST', `/api/admin/cases/${c.id}/messages`, { body: 'hello' })
    expect(refused.status).toBe(403)
    expect((refused.json as { error: { code: string } }).error.code).toBe('forbidden')
  })

  it('fills canned reply placeholders ({name} {ref} {officer} {station}) from a personal or station library', async () => {
    const { user, citizen } = await befriend(s, 'วิไล')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    const created = await api<{ id: string; scope: string }>('POST', '/api/admin/canned-replies', {
      scope: 'personal',
      title: 'ทักทาย',
      body: 'เรียนคุณ {name} เรื่อง {ref} ผม {officer} จาก {station}',
    })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    expect(created.json.scope).toBe('personal')
    // The station's library is for admins and supervisors (consultations.settings).
    const denied = await api('POST', '/api/admin/canned-replies', { scope: 'station', title: 'x', body: 'y' })
    expect(denied.status).toBe(403)
    const supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
    const station = await apiAs(s, supervisor.headers)('POST', '/api/admin/canned-replies', {
      scope: 'station',
      title: 'ปิดท้าย',
      body: 'ขอบคุณครับ',
    })
    expect(station.status).toBe(201)
    const list = await api<{ items: { id: string; scope: string }[] }>('GET', '/api/admin/canned-replies')
    expect(list.json.items.map((i) => i.scope)).toEqual(expect.arrayContaining(['station', 'personal']))
    expect(list.json.items[0]?.scope).toBe('station')

    const sent = await api('POST', `/api/admin/cases/${c.id}/messages`, { cannedReplyId: created.json.id })
    expect(sent.status, JSON.stringify(sent.json)).toBe(200)
    const got = await s.emulator.waitForMessages(user.userId, 3)
    expect(got[2]?.message.text).toBe(`เรียนคุณ วิไล เรื่อง ${c.referenceNumber} ผม ร.ต.ท. ที่ปรึกษา จาก สถานีตำรวจภูธรเมืองระยอง`)
    const patched = await api('PATCH', `/api/admin/canned-replies/${created.json.id}`, { title: 'ทักทาย 2' })
    expect(patched.status).toBe(200)
    expect((await api('DELETE', `/api/admin/canned-replies/${created.json.id}`)).status).toBe(204)
  })

  it('sends an image and a file from the officer by signed links (the original bytes; an expired link refused)', async () => {
    const { user, citizen } = await befriend(s, 'ชัยวัฒน์')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    const png = makePng(4, 4)
    const pdf = Buffer.from('%PDF-1.4\n% officer note\n%%EOF\n')
    const upload = async (bytes: Buffer, type: string, name: string) => {
      const res = await fetch(`${s.baseUrl}/api/admin/cases/${c.id}/attachments`, {
        method: 'POST',
        headers: { ...advisor.headers, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
        body: bytes,
      })
      return { status: res.status, json: (await res.json()) as { id: string; fileName: string; size: number } }
    }
    const image = await upload(png, 'image/png', 'แผนที่.png')
    expect(image.status, JSON.stringify(image.json)).toBe(201)
    expect(image.json).toMatchObject({ fileName: 'แผนที่.png', size: png.length })
    const file = await upload(pdf, 'application/pdf', 'form.pdf')
    expect(file.status).toBe(201)
    expect((await upload(Buffer.from('MZ'), 'application/x-msdownload', 'a.exe')).status).toBe(415)

    const res = await api('POST', `/api/admin/cases/${c.id}/messages`, {
      body: 'ส่งแผนที่และแบบฟอร์มครับ',
      attachmentIds: [image.json.id, file.json.id],
    })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    const got = (await s.emulator.waitForMessages(user.userId, 5)).slice(2)
    expect(got.map((m) => m.message.type)).toEqual(['text', 'image', 'text'])
    const imageUrl = new URL(String(got[1]?.message.originalContentUrl))
    expect(got[1]?.message.previewImageUrl).toBe(imageUrl.toString())
    const fileUrl = new URL(String(/https?:\/\/\S+/.exec(String(got[2]?.message.text))?.[0]))
    expect(got[2]?.message.text).toContain('form.pdf')
    const sha = (b: ArrayBuffer) => createHash('sha256').update(Buffer.from(b)).digest('hex')
    const fetched = await fetch(`${s.baseUrl}${imageUrl.pathname}${imageUrl.search}`)
    expect(fetched.status).toBe(200)
    expect(fetched.headers.get('content-type')).toBe('image/png')
    expect(sha(await fetched.arrayBuffer())).toBe(createHash('sha256').update(png).digest('hex'))
    const doc = await fetch(`${s.baseUrl}${fileUrl.pathname}${fileUrl.search}`)
    expect(sha(await doc.arrayBuffer())).toBe(createHash('sha256').update(pdf).digest('hex'))

    const links = createMediaLinks({
      sessionSecret: s.deps.config.sessionSecret,
      publicBaseUrl: s.deps.config.publicBaseUrl,
    })
    const old = new URL(links.url(image.json.id, new Date(Date.now() - 8 * 24 * 3_600_000)))
    const expired = await fetch(`${s.baseUrl}${old.pathname}${old.search}`)
    expect(expired.status).toBe(403)
    expect(((await expired.json()) as { error: { code: string } }).error.code).toBe('link_expired')
    const tampered = await fetch(`${s.baseUrl}${imageUrl.pathname}${imageUrl.search.replace(/exp=\d/, 'exp=9')}`)
    expect(tampered.status).toBe(403)
  })

  it('shows an answer as failed when the citizen has blocked the OA (LINE would accept a push and drop it)', async () => {
    const { user, citizen } = await befriend(s, 'บล็อก')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    await s.emulator.unfollow(user.userId)
    await until('the unfollow to be recorded', async () => {
      const [row] = await s.db.db.select().from(citizens).where(eq(citizens.id, citizen.id))
      return row?.followState === 'blocked' ? row : undefined
    })
    const res = await api<{ event: EventView }>('POST', `/api/admin/cases/${c.id}/messages`, { body: 'ยังอยู่ไหมครับ' })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(res.json.event.data?.delivery).toMatchObject({
      state: 'failed',
      cause: 'blocked',
      reason: expect.stringContaining('blocked'),
    })
    const v = await view(c)
    expect(v.json.events.find((e) => e.type === 'message_out')?.data?.delivery).toMatchObject({ state: 'failed' })
  })

  it("keeps a citizen's image on the thread (fetched from LINE at once, the original bytes) and takes an answered consultation up again", async () => {
    const { citizen } = await befriend(s, 'ภาพ')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    await api('POST', `/api/admin/cases/${c.id}/messages`, { body: 'ส่งรูปหลักฐานได้ครับ' })
    await s.db.db.update(cases).set({ status: 'answered' }).where(eq(cases.id, c.id))
    const png = makePng(6, 6, [200, 10, 10])
    const messageId = `${Date.now()}77`
    s.emulator.state.contents.set(messageId, { contentType: 'image/png', data: png })
    const stored = await s.db.db.transaction(async (tx) => {
      const [current] = await tx.select().from(cases).where(eq(cases.id, c.id))
      const [co] = await tx.select().from(consultations).where(eq(consultations.caseId, c.id))
      return addCitizenMessage(
        tx,
        { cipher: s.deps.cipher },
        {
          case: current ?? c,
          consultation: co as Consultation,
          event: { type: 'message', message: { id: messageId, type: 'image' } } as unknown as LineEvent,
          input: { kind: 'other', messageType: 'image' },
          now: new Date(),
        },
      )
    })
    expect(stored.media).toBe(true)
    expect(stored.nextResponseDueAt).toBeInstanceOf(Date)
    const entry = await until('the image to be kept', async () => {
      const [e] = await s.db.db.select().from(caseEvents).where(eq(caseEvents.id, stored.eventId))
      return e?.data?.content === 'stored' ? e : undefined
    })
    const file = await fetch(`${s.baseUrl}/api/admin/attachments/${String(entry.data?.attachmentId)}`, {
      headers: advisor.headers,
    })
    expect(file.status).toBe(200)
    const bytes = Buffer.from(await file.arrayBuffer())
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(createHash('sha256').update(png).digest('hex'))
    const v = await view(c)
    expect(v.json.case.status).toBe('in_progress')
    expect(v.json.consultation?.nextResponseDueAt).toBe(stored.nextResponseDueAt?.toISOString())
  })

  it("keeps a citizen's photo when LINE's content API fails first (5xx) and answers on the retry", async () => {
    const { citizen } = await befriend(s, 'ภาพซ้ำ')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    const png = makePng(8, 8, [10, 120, 10])
    const messageId = `${Date.now()}78`
    s.emulator.state.contents.set(messageId, { contentType: 'image/png', data: png })
    // LINE answers the first content request with a 500 (then 200): the job's retry (2 s backoff) keeps it.
    s.emulator.state.faults.push({ path: `/v2/bot/message/${messageId}/content`, status: 500, times: 1 })
    const stored = await s.db.db.transaction(async (tx) => {
      const [current] = await tx.select().from(cases).where(eq(cases.id, c.id))
      const [co] = await tx.select().from(consultations).where(eq(consultations.caseId, c.id))
      return addCitizenMessage(
        tx,
        { cipher: s.deps.cipher },
        {
          case: current ?? c,
          consultation: co as Consultation,
          event: {
            type: 'message',
            message: { id: messageId, type: 'image' },
          } as unknown as LineEvent,
          input: { kind: 'other', messageType: 'image' },
          now: new Date(),
        },
      )
    })
    const entry = await until(
      'the photo to be kept after the retry',
      async () => {
        const [e] = await s.db.db.select().from(caseEvents).where(eq(caseEvents.id, stored.eventId))
        return e?.data?.content === 'stored' ? e : undefined
      },
      30_000,
    )
    expect(s.emulator.state.faults.some((f) => String(f.path).includes(messageId))).toBe(false) // the fault was hit
    const file = await fetch(`${s.baseUrl}/api/admin/attachments/${String(entry.data?.attachmentId)}`, {
      headers: advisor.headers,
    })
    expect(file.status).toBe(200)
    expect(Buffer.from(await file.arrayBuffer()).equals(png)).toBe(true)
  })

  it('counts unread entries per officer, in the inbox and the case view, until marked read', async () => {
    const { citizen } = await befriend(s, 'นับ')
    const { case: c } = await openTestConsultation(s, { citizenId: citizen.id })
    await citizenSays(c, 'สวัสดีค่ะ')
    await citizenSays(c, 'มีคำถามค่ะ')
    const list = await api<{ items: { id: string; unread?: number }[] }>('GET', '/api/admin/cases?kind=consultation')
    expect(list.status, JSON.stringify(list.json)).toBe(200)
    expect(list.json.items.find((i) => i.id === c.id)?.unread).toBe(2)
    const v = await view(c)
    expect(v.json.consultation?.unread).toBe(2)
    const last = v.json.events.at(-1)?.id ?? 0
    const read = await api('POST', `/api/admin/cases/${c.id}/read`, { lastEventId: last })
    expect(read.status, JSON.stringify(read.json)).toBe(204)
    expect((await view(c)).json.consultation?.unread).toBe(0)
    // Another officer has read nothing yet; an older mark never moves the line back.
    const colleague = await signInOfficer(s.db.db, { role: 'duty_officer' })
    expect((await view(c, apiAs(s, colleague.headers))).json.consultation?.unread).toBe(2)
    expect((await api('POST', `/api/admin/cases/${c.id}/read`, { lastEventId: 1 })).status).toBe(400)
    await citizenSays(c, 'อีกข้อค่ะ')
    expect((await view(c)).json.consultation?.unread).toBe(1)
  })
})
