import { createHash } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCaseMedia } from '../../../bot/cases/case-media.js'
import { makePng } from '../../../bot/emulator/index.js'
import { attachments, caseEvents, cases, outboundMessages } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { insertReport, lineFriend } from '../lost-documents/record-fixtures.js'
import { findPlainText } from '../privacy/scan.js'

// Issue #8, point 5: a citizen's media on an open case is fetched from LINE, kept with its hash, shown to officers,
// removed by retention and included in the citizen's export.
let s: Stack
let officer: TestOfficer
beforeAll(async () => {
  s = await startStack()
  officer = await signInOfficer(s.db.db, { role: 'duty_officer' })
})
afterAll(async () => {
  await s?.close()
})

async function awaitingCase(name: string) {
  const user = lineFriend(s, name)
  const report = await insertReport(s, { lineUserId: user.userId })
  await s.db.db.update(cases).set({ status: 'awaiting_info' }).where(eq(cases.id, report.caseId))
  return { user, ...report }
}

async function until<T>(what: () => Promise<T | undefined>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms
  for (;;) {
    const got = await what()
    if (got !== undefined) {
      return got
    }
    if (Date.now() > end) {
      throw new Error('timed out')
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

describe('media a citizen sends while a case awaits information', () => {
  it('is fetched from LINE by a job, stored with its SHA-256, shown and served to officers, removed by retention', async () => {
    const { user, caseId } = await awaitingCase('ผู้ส่ง รูปภาพ')
    const png = makePng(64, 48, [200, 30, 30])
    await s.emulator.sendImage(user.userId, { contentType: 'image/png', data: png })
    const [ack] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    // Acknowledged as what it is: a photo, not "a message".
    expect(JSON.stringify(ack?.message)).toContain('ได้รับรูปภาพของท่านแล้ว')
    expect(JSON.stringify(ack?.message)).not.toContain('ได้รับข้อความแล้ว')

    const file = await until(async () => {
      const [row] = await s.db.db.select().from(attachments).where(eq(attachments.caseId, caseId))
      return row
    })
    expect(file.contentType).toBe('image/png')
    expect(file.size).toBe(png.length)
    expect(file.sha256).toBe(createHash('sha256').update(png).digest('hex'))
    // Kept encrypted like an ID number (a photographed passport is as personal): no plaintext, in no encoding, in any
    // column of any table; the hash is of the plaintext.
    expect(file.bytes).toBeNull()
    expect(file.bytesEnc?.startsWith(s.deps.cipher.currentPrefix)).toBe(true)
    expect(s.deps.cipher.decryptBytes(file.bytesEnc ?? '').equals(png)).toBe(true)
    const encodings = [png.toString('base64'), png.toString('base64url'), png.toString('hex')]
    const middles = encodings.map((e) => e.slice(Math.floor(e.length / 2), Math.floor(e.length / 2) + 24))
    expect(await findPlainText(s.db.db, [...encodings, ...middles])).toEqual([])
    const [entry] = await s.db.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.id, file.caseEventId ?? 0))
    expect(entry?.type).toBe('message_in')
    expect(entry?.data).toMatchObject({ messageType: 'image', content: 'stored', attachmentId: file.id })

    // Officers see it in the timeline and open it (audited); without a session it is not served.
    const view = await s.app.inject({ method: 'GET', url: `/api/admin/cases/${caseId}`, headers: officer.headers })
    expect(view.statusCode, view.body).toBe(200)
    const events = view.json().events as { type: string; data: Record<string, unknown> | null }[]
    expect(events.find((e) => e.data?.attachmentId === file.id)).toMatchObject({
      type: 'message_in',
      data: { contentType: 'image/png', size: png.length },
    })
    expect(view.json().case.attachments.map((a: { id: string }) => a.id)).toEqual([file.id])
    const served = await s.app.inject({
      method: 'GET',
      url: `/api/admin/attachments/${file.id}`,
      headers: officer.headers,
    })
    expect(served.statusCode).toBe(200)
    expect(served.headers['content-type']).toBe('image/png')
    expect(createHash('sha256').update(served.rawPayload).digest('hex')).toBe(file.sha256)
    expect(served.rawPayload.equals(png)).toBe(true)
    const anonymous = await s.app.inject({ method: 'GET', url: `/api/admin/attachments/${file.id}` })
    expect(anonymous.statusCode).toBe(401)

    // The citizen's export carries it (bytes and hash).
    const exported = await s.app.inject({
      method: 'GET',
      url: '/api/liff/me/export?format=json',
      headers: { authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}` },
    })
    expect(exported.statusCode, exported.body).toBe(200)
    const mine = (exported.json().cases as { files: { sha256: string; contentBase64: string }[] }[]).flatMap(
      (c) => c.files,
    )
    expect(mine).toEqual([expect.objectContaining({ sha256: file.sha256, contentBase64: png.toString('base64') })])

    // Retention after the station's period removes the file with the case's personal data.
    const resolvedAt = new Date(Date.now() - 400 * 86_400_000)
    await s.db.db.update(cases).set({ status: 'resolved', resolvedAt }).where(eq(cases.id, caseId))
    await s.deps.privacy.retention.run(new Date())
    expect(await s.db.db.select().from(attachments).where(eq(attachments.caseId, caseId))).toEqual([])
    const gone = await s.app.inject({
      method: 'GET',
      url: `/api/admin/attachments/${file.id}`,
      headers: officer.headers,
    })
    expect(gone.statusCode).toBe(404)
  })

  it.each([
    ['video', 'th', 'video/mp4', 'ได้รับวิดีโอของท่านแล้ว'],
    ['audio', 'th', 'audio/m4a', 'ได้รับข้อความเสียงของท่านแล้ว'],
    ['file', 'th', 'application/pdf', 'ได้รับไฟล์ของท่านแล้ว'],
    ['image', 'en', 'image/png', 'We received your photo'],
    ['video', 'en', 'video/mp4', 'We received your video'],
    ['audio', 'en', 'audio/m4a', 'We received your voice message'],
    ['file', 'en', 'application/pdf', 'We received your file'],
  ] as const)('a %s (%s) is acknowledged as what it is', async (type, language, contentType, said) => {
    const user = lineFriend(s, `ผู้ส่ง ${type} ${language}`, language)
    const report = await insertReport(s, { lineUserId: user.userId, language })
    await s.db.db.update(cases).set({ status: 'awaiting_info' }).where(eq(cases.id, report.caseId))
    const id = `99${Date.now().toString().slice(-8)}${Math.floor(Math.random() * 1000)}`
    s.emulator.state.contents.set(id, { contentType, data: Buffer.from('%PDF-1.4 test') })
    const message =
      type === 'file'
        ? { id, type, fileName: 'police-note.pdf', fileSize: 13 }
        : type === 'image'
          ? { id, type, contentProvider: { type: 'line' } }
          : { id, type, duration: 1000, contentProvider: { type: 'line' } }
    await s.emulator.deliver([
      {
        type: 'message',
        mode: 'active',
        timestamp: Date.now(),
        source: { type: 'user', userId: user.userId },
        webhookEventId: `01ACK${id}`.padEnd(26, '0').slice(0, 26),
        deliveryContext: { isRedelivery: false },
        replyToken: `reply${id}`,
        message,
      },
    ])
    const [ack] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    const text = String((ack?.message as { text?: string } | undefined)?.text)
    expect(text).toContain(said)
    expect(text).toContain(report.referenceNumber)
    expect(text).not.toMatch(/ได้รับข้อความแล้ว|Message received/)
  })

  it('the job stores one file however often it runs', async () => {
    const { user, caseId } = await awaitingCase('ผู้ส่ง ซ้ำ')
    await s.emulator.sendImage(user.userId)
    const file = await until(async () => {
      const [row] = await s.db.db.select().from(attachments).where(eq(attachments.caseId, caseId))
      return row
    })
    const media = createCaseMedia({
      db: s.db.db,
      line: s.deps.line,
      logger: { info() {}, warn() {} },
      cipher: s.deps.cipher,
    })
    expect(await media.fetch(file.caseEventId ?? 0)).toBe('already')
    expect(await s.db.db.$count(attachments, eq(attachments.caseId, caseId))).toBe(1)
  })

  it('over the size limit: not kept, the entry says so and the citizen is told in Thai or English', async () => {
    const { user, caseId } = await awaitingCase('ผู้ส่ง ไฟล์ใหญ่')
    // The worker would store it: this case's fetch runs with a tiny limit instead (the job's own code path).
    const [entry] = await s.db.db
      .insert(caseEvents)
      .values({ caseId, type: 'message_in', actorType: 'citizen', data: { messageType: 'image', content: 'pending' } })
      .returning()
    s.emulator.state.contents.set('990000001', { contentType: 'image/png', data: makePng(200, 200, [1, 2, 3]) })
    await s.db.db
      .update(caseEvents)
      .set({ data: { messageType: 'image', content: 'pending', lineMessageId: '990000001' } })
      .where(eq(caseEvents.id, entry?.id ?? 0))
    const media = createCaseMedia({
      db: s.db.db,
      line: s.deps.line,
      logger: { info() {}, warn() {} },
      cipher: s.deps.cipher,
      maxBytes: 100,
    })
    expect(await media.fetch(entry?.id ?? 0)).toBe('too_large')
    expect(await media.fetch(entry?.id ?? 0)).toBe('nothing')
    expect(await s.db.db.$count(attachments, eq(attachments.caseId, caseId))).toBe(0)
    const [after] = await s.db.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.id, entry?.id ?? 0))
    expect(after?.data).toMatchObject({ content: 'too_large' })
    const told = await s.db.db
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.to, user.userId), eq(outboundMessages.purpose, 'media_refused')))
    expect(told).toHaveLength(1)
    expect(JSON.stringify(told[0]?.messages)).toContain('ใหญ่เกินไป')
  })

  it('a kind of file the station does not take is refused with a clear answer', async () => {
    const { user, caseId } = await awaitingCase('ผู้ส่ง ไฟล์แปลก')
    const [entry] = await s.db.db
      .insert(caseEvents)
      .values({
        caseId,
        type: 'message_in',
        actorType: 'citizen',
        data: { messageType: 'file', content: 'pending', lineMessageId: '990000002', fileName: 'x.exe' },
      })
      .returning()
    s.emulator.state.contents.set('990000002', { contentType: 'application/x-msdownload', data: Buffer.from('MZ') })
    const media = createCaseMedia({
      db: s.db.db,
      line: s.deps.line,
      logger: { info() {}, warn() {} },
      cipher: s.deps.cipher,
    })
    expect(await media.fetch(entry?.id ?? 0)).toBe('bad_type')
    const told = await s.db.db
      .select()
      .from(outboundMessages)
      .where(and(eq(outboundMessages.to, user.userId), eq(outboundMessages.purpose, 'media_refused')))
    expect(JSON.stringify(told[0]?.messages)).toContain('ไฟล์ประเภทนี้')
  })

  it('a fetch whose job was lost is asked for again by the sweeper', async () => {
    const { caseId } = await awaitingCase('ผู้ส่ง งานหาย')
    s.emulator.state.contents.set('990000003', { contentType: 'image/png', data: makePng(10, 10, [9, 9, 9]) })
    // As if the enqueue after the commit had failed: the entry is pending and no job exists.
    const [entry] = await s.db.db
      .insert(caseEvents)
      .values({
        caseId,
        type: 'message_in',
        actorType: 'citizen',
        data: { messageType: 'image', content: 'pending', lineMessageId: '990000003' },
        createdAt: new Date(Date.now() - 30 * 60_000),
      })
      .returning()
    await s.deps.pipe.sweeper.sweepOnce()
    const file = await until(async () => {
      const [row] = await s.db.db
        .select()
        .from(attachments)
        .where(eq(attachments.caseEventId, entry?.id ?? 0))
      return row
    })
    expect(file.size).toBeGreaterThan(0)
  })

  it('a file kept in plain base64 before encryption is still served, and encrypted by the retention job', async () => {
    const { caseId } = await awaitingCase('ผู้ส่ง ก่อนเข้ารหัส')
    const png = makePng(12, 9, [7, 77, 177])
    const [legacy] = await s.db.db
      .insert(attachments)
      .values({ caseId, contentType: 'image/png', size: png.length, bytes: png.toString('base64') })
      .returning()
    const open = () =>
      s.app.inject({ method: 'GET', url: `/api/admin/attachments/${legacy?.id}`, headers: officer.headers })
    const before = await open()
    expect(before.statusCode, before.body).toBe(200)
    expect(before.rawPayload.equals(png)).toBe(true)

    const report = await s.deps.privacy.retention.run(new Date())
    expect(report.cases_encrypted).toBeGreaterThanOrEqual(1)
    const [row] = await s.db.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, legacy?.id ?? ''))
    expect(row?.bytes).toBeNull()
    expect(s.deps.cipher.decryptBytes(row?.bytesEnc ?? '').equals(png)).toBe(true)
    expect(await findPlainText(s.db.db, [png.toString('base64')])).toEqual([])
    expect((await open()).rawPayload.equals(png)).toBe(true)
  })
})
