import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { makePng } from '../../../bot/emulator/index.js'
import {
  attachments,
  consultationAnswerOutcomes,
  consultationAnswers,
  consultationTopicSettings,
  officers,
  stations,
} from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'
import { apiAs } from './fixtures.js'

// The citizen LIFF app's side of issue #12 that the chat already had: the common answers first (recorded in the table
// the chat uses), and the citizen's own consultations with their thread, read-only, theirs alone.
const s = lostDocumentStack()
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex')

async function stationWithScamAnswers() {
  const [st] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
  if (!st) {
    throw new Error('station RYG is not seeded')
  }
  await s.db.db.delete(consultationTopicSettings).where(eq(consultationTopicSettings.stationId, st.id))
  await s.db.db.delete(consultationAnswers).where(eq(consultationAnswers.stationId, st.id))
  const base = { stationId: st.id, topic: 'scam' as const, bodyEn: 'Do this.', bodyTh: 'ทำอย่างนี้' }
  return s.db.db
    .insert(consultationAnswers)
    .values([
      { ...base, titleTh: 'ข้อสอง', titleEn: 'Second', position: 1 },
      { ...base, titleTh: 'ข้อแรก', titleEn: 'First', position: 0 },
      { ...base, titleTh: 'ปิดอยู่', titleEn: 'Inactive', position: 2, active: false },
    ])
    .returning()
}

const outcomeRow = async (caseId: string) =>
  (await s.db.db.select().from(consultationAnswerOutcomes).where(eq(consultationAnswerOutcomes.caseId, caseId)))[0]

describe('LIFF: the common answers first', () => {
  it('in order, both languages, recorded as shown; "this answered it" decides the row; none for a bare topic', async () => {
    await stationWithScamAnswers()
    const { token } = s.person('ถามก่อน')
    const before = (await s.db.db.select().from(consultationAnswerOutcomes)).length
    const res = await s.call('/api/liff/consultation/answers', { method: 'POST', token, body: { topic: 'scam' } })
    expect(res.status, res.text).toBe(200)
    const body = res.json()
    expect(body.answers.map((a: { titleTh: string }) => a.titleTh)).toEqual(['ข้อแรก', 'ข้อสอง'])
    expect(body.answers[0]).toMatchObject({ titleEn: 'First', bodyTh: 'ทำอย่างนี้', bodyEn: 'Do this.' })
    const rows = await s.db.db.select().from(consultationAnswerOutcomes).orderBy(consultationAnswerOutcomes.id)
    expect(rows.length).toBe(before + 1)
    expect(rows.at(-1)).toMatchObject({ topic: 'scam', sufficed: null, caseId: null })
    expect(rows.at(-1)?.answerIds).toHaveLength(2)

    const ok = await s.call('/api/liff/consultation/answers/verdict', {
      method: 'POST',
      token,
      body: { outcome: body.outcome, sufficed: true },
    })
    expect(ok.status, ok.text).toBe(200)
    const [decided] = await s.db.db
      .select()
      .from(consultationAnswerOutcomes)
      .where(eq(consultationAnswerOutcomes.id, rows.at(-1)?.id ?? 0))
    expect(decided?.sufficed).toBe(true)

    const none = await s.call('/api/liff/consultation/answers', { method: 'POST', token, body: { topic: 'debt' } })
    expect(none.json()).toEqual({ outcome: null, answers: [] })
    expect((await s.db.db.select().from(consultationAnswerOutcomes)).length).toBe(before + 1)
  })

  it('"still need an officer": the question sent with the outcome links the row (not sufficed) to the case', async () => {
    await stationWithScamAnswers()
    const { user, token } = s.person('ยังต้องการ')
    await s.emulator.follow(user.userId)
    const shown = (
      await s.call('/api/liff/consultation/answers', { method: 'POST', token, body: { topic: 'scam' } })
    ).json()
    const more = await s.call('/api/liff/consultation/answers/verdict', {
      method: 'POST',
      token,
      body: { outcome: shown.outcome, sufficed: false },
    })
    expect(more.status).toBe(200)
    const opened = await s.call('/api/liff/consultation', {
      method: 'POST',
      token,
      body: { topic: 'scam', question: 'โอนเงินไปสองหมื่นแล้วครับ', outcome: shown.outcome },
    })
    expect(opened.status, opened.text).toBe(201)
    expect(await outcomeRow(opened.json().caseId)).toMatchObject({ sufficed: false, topic: 'scam' })
  })

  it("someone else's outcome, or a forged one: 404, the row untouched, nothing opened", async () => {
    await stationWithScamAnswers()
    const a = s.person('เจ้าของ')
    const b = s.person('คนอื่น')
    const shown = (
      await s.call('/api/liff/consultation/answers', { method: 'POST', token: a.token, body: { topic: 'scam' } })
    ).json()
    for (const outcome of [shown.outcome, 'forged', `${shown.outcome}x`]) {
      const res = await s.call('/api/liff/consultation/answers/verdict', {
        method: 'POST',
        token: b.token,
        body: { outcome, sufficed: true },
      })
      expect(res.status).toBe(404)
      expect(res.json().error.code).toBe('outcome_not_found')
    }
    const open = await s.call('/api/liff/consultation', {
      method: 'POST',
      token: b.token,
      body: { topic: 'scam', question: 'x', outcome: shown.outcome },
    })
    expect(open.status).toBe(404)
    const rows = await s.db.db.select().from(consultationAnswerOutcomes).orderBy(consultationAnswerOutcomes.id)
    expect(rows.at(-1)).toMatchObject({ sufficed: null, caseId: null })
    expect((await s.call('/api/liff/my-consultations', { token: b.token })).json().items).toEqual([])
  })
})

describe('LIFF: my consultations', () => {
  it("the owner's list and thread (both sides in order, officer by rank and name, no internal note, files); another citizen gets 404s", async () => {
    await stationWithScamAnswers()
    const a = s.person('เจ้าของเรื่อง')
    const b = s.person('คนแปลกหน้า')
    await s.emulator.follow(a.user.userId)
    const opened = await s.call('/api/liff/consultation', {
      method: 'POST',
      token: a.token,
      body: { topic: 'debt', question: 'เจ้าหนี้นอกระบบข่มขู่ทุกวันครับ' },
    })
    expect(opened.status, opened.text).toBe(201)
    const caseId: string = opened.json().caseId
    // The citizen's photo in the chat joins the thread (its bytes fetched from LINE and kept).
    const png = makePng(6, 6)
    await s.emulator.sendImage(a.user.userId, { contentType: 'image/png', data: png })
    const photo = await waitFor(
      async () => (await s.db.db.select().from(attachments).where(eq(attachments.caseId, caseId)))[0],
    )

    const advisor = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'line-name' })
    await s.db.db.update(officers).set({ fullName: 'ร.ต.อ. สมชาย ใจดี' }).where(eq(officers.id, advisor.id))
    const api = apiAs(s, advisor.headers)
    const note = await api('POST', `/api/admin/cases/${caseId}/notes`, { body: 'ลับ: ตรวจประวัติเจ้าหนี้ก่อน' })
    expect(note.status).toBe(200)
    const pdf = Buffer.from('%PDF-1.4\n% form\n%%EOF\n')
    const up = await fetch(`${s.baseUrl}/api/admin/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: {
        ...advisor.headers,
        'content-type': 'application/pdf',
        'x-file-name': encodeURIComponent('แบบฟอร์ม.pdf'),
      },
      body: pdf,
    })
    const upload = (await up.json()) as { id: string }
    expect(up.status).toBe(201)
    const answer = await api('POST', `/api/admin/cases/${caseId}/messages`, {
      body: 'แจ้งความได้ที่สถานีครับ แนบแบบฟอร์มให้',
      attachmentIds: [upload.id],
    })
    expect(answer.status, JSON.stringify(answer.json)).toBe(200)

    const list = await s.call('/api/liff/my-consultations', { token: a.token })
    expect(list.status).toBe(200)
    expect(list.json().items).toEqual([
      expect.objectContaining({
        id: caseId,
        referenceNumber: opened.json().referenceNumber,
        topic: 'debt',
        topicTh: 'หนี้สิน / เงินกู้',
      }),
    ])
    const thread = await s.call(`/api/liff/my-consultations/${caseId}`, { token: a.token })
    expect(thread.status, thread.text).toBe(200)
    expect(thread.text).not.toContain('ลับ')
    const messages = thread.json().messages
    expect(messages.map((m: { from: string }) => m.from)).toEqual(['citizen', 'citizen', 'officer'])
    expect(messages[0]).toMatchObject({ text: 'เจ้าหนี้นอกระบบข่มขู่ทุกวันครับ', officer: null })
    expect(messages[1]).toMatchObject({ messageType: 'image', files: [expect.objectContaining({ id: photo.id })] })
    expect(messages[2]).toMatchObject({
      officer: 'ร.ต.อ. สมชาย ใจดี',
      text: 'แจ้งความได้ที่สถานีครับ แนบแบบฟอร์มให้',
      files: [expect.objectContaining({ id: upload.id, fileName: 'แบบฟอร์ม.pdf' })],
    })

    const file = (token: string, id: string) =>
      fetch(`${s.baseUrl}/api/liff/my-consultations/${caseId}/files/${id}`, {
        headers: { authorization: `Bearer ${token}` },
      })
    const mine = await file(a.token, photo.id)
    expect(mine.status).toBe(200)
    expect(sha(Buffer.from(await mine.arrayBuffer()))).toBe(sha(png))
    const theirs = await file(a.token, upload.id)
    expect(theirs.headers.get('content-disposition')).toContain('attachment')
    expect(Buffer.from(await theirs.arrayBuffer()).equals(pdf)).toBe(true)

    // Another citizen: nothing listed, the thread and both files 404 with nothing of the case in the answer.
    expect((await s.call('/api/liff/my-consultations', { token: b.token })).json().items).toEqual([])
    const other = await s.call(`/api/liff/my-consultations/${caseId}`, { token: b.token })
    expect(other.status).toBe(404)
    expect(other.text).not.toContain(opened.json().referenceNumber)
    for (const id of [photo.id, upload.id]) {
      const res = await file(b.token, id)
      expect(res.status).toBe(404)
      expect(await res.text()).not.toContain('PDF')
    }
    // Without a verified ID token: 401.
    expect((await s.call(`/api/liff/my-consultations/${caseId}`)).status).toBe(401)
  })

  it('a file kept on the case but never sent to the citizen is not served to them', async () => {
    const a = s.person('ไฟล์ภายใน')
    await s.emulator.follow(a.user.userId)
    const opened = await s.call('/api/liff/consultation', {
      method: 'POST',
      token: a.token,
      body: { topic: 'other', question: 'ขอถามเรื่องทั่วไปครับ' },
    })
    const caseId: string = opened.json().caseId
    const advisor = await signInOfficer(s.db.db, { role: 'legal_advisor' })
    const up = await fetch(`${s.baseUrl}/api/admin/cases/${caseId}/attachments`, {
      method: 'POST',
      headers: { ...advisor.headers, 'content-type': 'image/png', 'x-file-name': 'draft.png' },
      body: makePng(2, 2),
    })
    const { id } = (await up.json()) as { id: string }
    const res = await fetch(`${s.baseUrl}/api/liff/my-consultations/${caseId}/files/${id}`, {
      headers: { authorization: `Bearer ${a.token}` },
    })
    expect(res.status).toBe(404)
  })
})

async function waitFor<T>(probe: () => Promise<T | undefined>, ms = 20_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const got = await probe()
    if (got !== undefined) {
      return got
    }
    if (Date.now() > end) {
      throw new Error('timed out')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}
