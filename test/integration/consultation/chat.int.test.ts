import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  attachments,
  caseEvents,
  cases,
  consultationAnswerOutcomes,
  consultationAnswers,
  consultations,
  consultationTopicSettings,
  stationHolidays,
  stations,
} from '../../../db/schema/index.js'
import { quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'

// The citizen's side of a legal consultation, end to end: emulator → signed webhook → inbox → worker → engine →
// outbox → emulator. The clock is the real one here (chat-clock.int.test.ts moves it).
const s = lostDocumentStack()
const { citizenOf, chat } = s

const ALWAYS_OPEN = Object.fromEntries(
  ['0', '1', '2', '3', '4', '5', '6'].map((d) => [d, [{ from: '00:00', to: '24:00' }]]),
)
const REF = /RYG-CON-\d{4}-\d{6}/

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

async function station() {
  const [row] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
  if (!row) {
    throw new Error('station RYG is not seeded')
  }
  // A known station whatever the settings seed gives it: always open, no holidays, every topic in the contract's
  // order with the default SLA, and no common answers but the ones a test adds.
  await s.db.db.update(stations).set({ officeHours: ALWAYS_OPEN }).where(eq(stations.id, row.id))
  await s.db.db.delete(stationHolidays).where(eq(stationHolidays.stationId, row.id))
  await s.db.db.delete(consultationTopicSettings).where(eq(consultationTopicSettings.stationId, row.id))
  await s.db.db.delete(consultationAnswers).where(eq(consultationAnswers.stationId, row.id))
  return row
}

/** The station keeps two common answers on scams (and an inactive one), none on the other topics. */
async function seedScamAnswers() {
  const st = await station()
  return s.db.db
    .insert(consultationAnswers)
    .values([
      {
        stationId: st.id,
        topic: 'scam',
        titleTh: 'โอนเงินให้มิจฉาชีพไปแล้ว',
        titleEn: 'I sent money to a scammer',
        bodyTh: 'โทรแจ้งธนาคารให้ระงับบัญชีทันที แล้วแจ้งความออนไลน์ที่ thaipoliceonline.go.th หรือโทร 1441',
        bodyEn:
          'Call your bank to freeze the account at once, then report online at thaipoliceonline.go.th or call 1441.',
        position: 0,
      },
      {
        stationId: st.id,
        topic: 'scam',
        titleTh: 'ได้รับ SMS แปลก ๆ',
        titleEn: 'A strange SMS',
        bodyTh: 'อย่ากดลิงก์ และอย่าให้รหัส OTP กับใคร',
        bodyEn: 'Do not tap the link and never give anyone an OTP.',
        position: 1,
      },
      {
        stationId: st.id,
        topic: 'scam',
        titleTh: 'ปิดใช้แล้ว',
        titleEn: 'Inactive',
        bodyTh: 'ไม่แสดง',
        bodyEn: 'Not shown',
        position: 2,
        active: false,
      },
    ])
    .returning()
}

async function consultationOf(userId: string) {
  const citizen = await citizenOf(userId)
  const rows = await s.db.db
    .select({ c: cases, k: consultations })
    .from(cases)
    .innerJoin(consultations, eq(consultations.caseId, cases.id))
    .where(eq(cases.citizenId, citizen?.id ?? ''))
    .orderBy(cases.createdAt)
  return rows
}

async function messagesIn(caseId: string) {
  const rows = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.id)
  return rows.filter((e) => e.type === 'message_in')
}

/** A citizen with an open consultation on "other" (no common answers): their chat and the case. */
async function openOne(name: string, question = 'เพื่อนยืมเงินแล้วไม่คืน ฟ้องได้ไหมครับ') {
  await station()
  const user = s.emulator.createUser({ displayName: name, language: 'th' })
  const c = chat(user.userId)
  await c.postback('a=con')
  await c.postback('a=con&x=topic&v=other')
  const receipt = await c.text(question)
  const [row] = await consultationOf(user.userId)
  if (!row) {
    throw new Error('no consultation opened')
  }
  return { user, c, receipt, caseId: row.c.id, ref: row.c.referenceNumber }
}

describe('starting a consultation', () => {
  it('Thai, from the rich menu: topics, common answers first, "still need an officer", the question, the receipt', async () => {
    const answers = await seedScamAnswers()
    const user = s.emulator.createUser({ displayName: 'สมศรี', language: 'th' })
    const c = chat(user.userId)
    const intro = await c.postback('a=con&v=rm')
    expect(intro.text).toContain('ปรึกษาข้อกฎหมายกับเจ้าหน้าที่ตำรวจ')
    expect(quickLabels(intro.msgs[0])).toEqual([
      'ถูกหลอก/มิจฉาชีพ',
      'ครอบครัว/มรดก',
      'หนี้สิน/เงินกู้',
      'จราจร/อุบัติเหตุ',
      'แรงงาน/นายจ้าง',
      'ที่ดิน/เพื่อนบ้าน',
      'ถูกคุกคามออนไลน์',
      'เรื่องอื่น ๆ',
      'ยกเลิก',
    ])

    const shown = await c.postback('a=con&x=topic&v=scam', undefined, 3)
    expect(shown.msgs.map((m) => m.message.type)).toEqual(['text', 'flex', 'text'])
    const carousel = shown.msgs[1]?.message as unknown as { contents: { type: string; contents: unknown[] } }
    expect(carousel.contents.type).toBe('carousel')
    expect(carousel.contents.contents).toHaveLength(2) // the inactive answer is not shown
    expect(shown.text).toContain('โอนเงินให้มิจฉาชีพไปแล้ว')
    expect(shown.text).not.toContain('ไม่แสดง')
    expect(quickLabels(shown.msgs[2])).toEqual(['ตอบคำถามแล้ว ขอบคุณ', 'คุยกับเจ้าหน้าที่', 'ยกเลิก'])
    const outcome = (await s.db.db.select().from(consultationAnswerOutcomes).orderBy(consultationAnswerOutcomes.id)).at(
      -1,
    )
    expect(outcome?.answerIds.sort()).toEqual(
      answers
        .filter((a) => a.active)
        .map((a) => a.id)
        .sort(),
    )
    expect(outcome?.sufficed).toBeNull()

    const ask = await c.postback('a=con&x=more')
    expect(ask.text).toContain('พิมพ์คำถามหรือเล่าเรื่องของท่านได้เลย')
    const receipt = await c.text('ถูกหลอกให้โอนเงินซื้อของออนไลน์ 5,000 บาท ต้องทำอย่างไรครับ')
    expect(receipt.text).toContain('รับเรื่องปรึกษาแล้วครับ')
    expect(receipt.text).toMatch(/เลขที่เรื่อง: RYG-CON-25\d\d-\d{6}/)
    expect(receipt.text).toContain('หัวข้อ: ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์')
    expect(receipt.text).toContain('เจ้าหน้าที่จะตอบในแชตนี้ภายใน')
    expect(receipt.text).toContain('ไม่ใช่การว่าความหรือเป็นตัวแทนทางกฎหมาย')
    expect(receipt.text).toContain('โทร 191')
    expect(quickLabels(receipt.msgs[0])).toEqual(expect.arrayContaining(['จบการสนทนา', 'ปรึกษากฎหมาย']))

    const [row] = await consultationOf(user.userId)
    expect(row?.c).toMatchObject({ kind: 'consultation', status: 'waiting', summary: 'ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์' })
    expect(row?.c.referenceNumber).toMatch(/^RYG-CON-\d{4}-\d{6}$/)
    expect(receipt.text).toContain(row?.c.referenceNumber)
    expect(row?.c.dueAt).not.toBeNull()
    expect(row?.k).toMatchObject({ topic: 'scam', openedVia: 'richmenu', language: 'th', reopenCount: 0 })
    const [question] = await messagesIn(row?.c.id ?? '')
    // The thread is personal data: encrypted at rest, never in plain text.
    expect(question?.body).toBeNull()
    expect(s.deps.cipher.decrypt(question?.bodyEnc ?? '')).toBe('ถูกหลอกให้โอนเงินซื้อของออนไลน์ 5,000 บาท ต้องทำอย่างไรครับ')
    const [decided] = await s.db.db
      .select()
      .from(consultationAnswerOutcomes)
      .where(eq(consultationAnswerOutcomes.id, outcome?.id ?? 0))
    expect(decided).toMatchObject({ sufficed: false, caseId: row?.c.id })
    expect(decided?.decidedAt).not.toBeNull()
  })

  it('English, typed: "legal advice", a topic typed, no common answers so straight to the question', async () => {
    await station()
    const user = s.emulator.createUser({ displayName: 'Anna', language: 'en' })
    const c = chat(user.userId)
    await c.text('English')
    const intro = await c.text('legal advice')
    expect(intro.text).toContain('Ask the officers of Rayong City Police Station about the law')
    expect(quickLabels(intro.msgs[0])).toEqual(expect.arrayContaining(['Scams and fraud', 'Something else', 'Cancel']))
    const ask = await c.text('debts please')
    expect(ask.text).toContain('Please type your question')
    expect(ask.text).toContain('Debts and loans')
    const receipt = await c.text('A loan shark threatens my family. What can I do?')
    expect(receipt.text).toContain('Your consultation has been received.')
    expect(receipt.text).toMatch(/Reference: RYG-CON-\d{4}-\d{6}/)
    expect(receipt.text).toContain('An officer will answer in this chat by')
    expect(receipt.text).toContain('general legal information, not legal representation')
    expect(receipt.text).toContain('call 191')
    expect(quickLabels(receipt.msgs[0])).toContain('End')
    const [row] = await consultationOf(user.userId)
    expect(row?.k).toMatchObject({ topic: 'debt', openedVia: 'chat', language: 'en' })
  })

  it.each([
    'ปรึกษากฎหมาย',
    'ปรึกษาตำรวจ',
    'อยากปรึกษาเรื่องกฎหมายครับ',
    'ปรึกษากดหมายค่ะ',
    'ขอปรึกษาตำรวจหน่อยนะคะ',
    'legal advise pls',
  ])('"%s" (particles, typos) starts it: the topics as quick replies', async (typed) => {
    const user = s.emulator.createUser({ displayName: 'ผู้ใช้', language: 'th' })
    const { msgs } = await chat(user.userId).text(typed)
    expect(quickLabels(msgs[0])).toEqual(expect.arrayContaining(['ถูกหลอก/มิจฉาชีพ', 'เรื่องอื่น ๆ', 'ยกเลิก']))
  })

  it('asked in a sentence that names a topic: straight to that topic', async () => {
    await station()
    const user = s.emulator.createUser({ displayName: 'ประโยค', language: 'th' })
    const c = chat(user.userId)
    const ask = await c.text('ขอปรึกษาเรื่องหนี้นอกระบบหน่อยค่ะ')
    expect(ask.text).toContain('(หัวข้อ: หนี้สิน / เงินกู้)')
    const other = await chat(s.emulator.createUser({ displayName: 'ประโยค', language: 'th' }).userId).text(
      'ผมมีเรื่องอยากปรึกษาครับ เรื่องมันยาว',
    )
    expect(quickLabels(other.msgs[0])).toEqual(expect.arrayContaining(['ถูกหลอก/มิจฉาชีพ', 'เรื่องอื่น ๆ']))
  })

  it('the common answers sufficed: counted, thanked, no case opened', async () => {
    await seedScamAnswers()
    const user = s.emulator.createUser({ displayName: 'พอใจ', language: 'th' })
    const c = chat(user.userId)
    await c.postback('a=con')
    await c.text('โดนแก๊งคอลเซ็นเตอร์หลอกครับ', 3) // the topic typed
    const before = await s.db.db.select().from(consultationAnswerOutcomes).orderBy(consultationAnswerOutcomes.id)
    const thanks = await c.postback('a=con&x=ok')
    expect(thanks.text).toContain('ยินดีครับ')
    const [mine] = await s.db.db
      .select()
      .from(consultationAnswerOutcomes)
      .where(eq(consultationAnswerOutcomes.id, before.at(-1)?.id ?? 0))
    expect(mine).toMatchObject({ sufficed: true, caseId: null })
    expect(await consultationOf(user.userId)).toEqual([])
  })

  it('typed after the common answers, the question itself goes to an officer', async () => {
    await seedScamAnswers()
    const user = s.emulator.createUser({ displayName: 'ถามเลย', language: 'th' })
    const c = chat(user.userId)
    await c.postback('a=con')
    await c.postback('a=con&x=topic&v=scam', undefined, 3)
    const receipt = await c.text('แต่ผมโอนไปสองครั้ง ต้องแจ้งความทั้งสองครั้งไหม')
    expect(receipt.text).toMatch(REF)
    const [row] = await consultationOf(user.userId)
    const [q] = await messagesIn(row?.c.id ?? '')
    expect(s.deps.cipher.decrypt(q?.bodyEnc ?? '')).toBe('แต่ผมโอนไปสองครั้ง ต้องแจ้งความทั้งสองครั้งไหม')
  })

  it('a photo as the question opens it too (its content fetched from LINE)', async () => {
    await station()
    const user = s.emulator.createUser({ displayName: 'ส่งรูป', language: 'th' })
    const c = chat(user.userId)
    await c.postback('a=con')
    await c.postback('a=con&x=topic&v=traffic')
    await s.emulator.sendImage(user.userId)
    const [receipt] = (await c.wait(1)).msgs
    expect(JSON.stringify(receipt?.message)).toMatch(REF)
    const [row] = await consultationOf(user.userId)
    const file = await until(async () => {
      const [f] = await s.db.db
        .select()
        .from(attachments)
        .where(eq(attachments.caseId, row?.c.id ?? ''))
      return f
    })
    expect(file.contentType).toBe('image/png')
  })
})

describe('the thread', () => {
  it('what the citizen sends joins it; a burst is acknowledged once (the reply token is kept for the officer)', async () => {
    const { user, c, caseId, ref } = await openOne('ต่อเรื่อง')
    await s.emulator.sendText(user.userId, 'ลืมบอกไปครับ เขายืมไป 20,000 บาท')
    await s.emulator.sendImage(user.userId)
    await s.emulator.sendSticker(user.userId, '446', '1988')
    await s.emulator.sendLocation(user.userId, { latitude: 12.68, longitude: 101.28, title: 'บ้าน' })
    const inbound = await until(async () => {
      const rows = await messagesIn(caseId)
      return rows.length === 5 ? rows : undefined
    })
    expect(inbound.map((e) => (e.data as { messageType?: string }).messageType)).toEqual([
      'text',
      'text',
      'image',
      'sticker',
      'location',
    ])
    expect(s.deps.cipher.decrypt(inbound[1]?.bodyEnc ?? '')).toBe('ลืมบอกไปครับ เขายืมไป 20,000 บาท')
    expect(s.deps.cipher.decrypt(inbound[4]?.bodyEnc ?? '')).toContain('12.68000')
    // The photo's content is fetched from LINE and kept.
    await until(async () => {
      const [f] = await s.db.db
        .select()
        .from(attachments)
        .where(eq(attachments.caseEventId, inbound[2]?.id ?? 0))
      return f
    })
    expect(s.emulator.messagesTo(user.userId)).toHaveLength(3) // intro, question, receipt: nothing since

    // After a pause, "สวัสดีครับ" is said to the officer, and acknowledged.
    await s.db.db
      .update(consultations)
      .set({ lastCitizenMessageAt: new Date(Date.now() - 60 * 60 * 1000) })
      .where(eq(consultations.caseId, caseId))
    const ack = await c.text('สวัสดีครับ')
    expect(ack.text).toContain(`ส่งข้อความถึงเจ้าหน้าที่แล้วครับ (เรื่อง ${ref})`)
    expect(quickLabels(ack.msgs[0])[0]).toBe('จบการสนทนา')
    const last = (await messagesIn(caseId)).at(-1)
    expect(s.deps.cipher.decrypt(last?.bodyEnc ?? '')).toBe('สวัสดีครับ')
  })

  it('the menu and the rich menu still work, then say how to return; "back" and typed "จบการสนทนา"', async () => {
    const { user, c, caseId, ref } = await openOne('เมนูระหว่างทาง')
    const count = (await messagesIn(caseId)).length
    const menu = await c.text('เมนู', 2)
    expect(menu.text).toContain('ต้องการให้ช่วยเรื่องใดครับ')
    expect(menu.text).toContain(`เรื่องปรึกษา ${ref} ยังเปิดอยู่ครับ`)
    const labels = quickLabels(menu.msgs[1])
    expect(labels.slice(0, 2)).toEqual(['กลับไปคุยต่อ', 'จบการสนทนา'])
    expect(labels).toEqual(expect.arrayContaining(['แจ้งเอกสารหาย', 'ปรึกษากฎหมาย']))
    const st = await c.postback('a=station', undefined, 4)
    expect(st.msgs.map((m) => m.message.type)).toEqual(['flex', 'location', 'flex', 'text'])
    expect(st.text).toContain(ref)
    expect((await messagesIn(caseId)).length).toBe(count) // commands are not said to the officer
    const again = await c.text('ปรึกษากฎหมาย')
    expect(again.text).toContain(`ท่านมีเรื่องปรึกษา ${ref} ที่ยังเปิดอยู่`)
    const back = await c.postback(`a=con&x=back&c=${caseId}`)
    expect(back.text).toContain(`พิมพ์ข้อความถึงเจ้าหน้าที่ได้เลยครับ (เรื่อง ${ref})`)

    const ended = await c.text('จบการสนทนา')
    expect(ended.text).toContain(ref)
    expect(quickLabels(ended.msgs[0]).join(' ')).toContain('5')
    const [row] = await consultationOf(user.userId)
    expect(row?.c.status).toBe('closed')
    expect(row?.k.closedBy).toBe('citizen')
  })

  it('"end", the rating 1–5 and a comment; a thank-you after it re-opens nothing', async () => {
    const { user, c, caseId, ref } = await openOne('ให้คะแนน')
    const ended = await c.postback(`a=con&x=end&c=${caseId}`)
    expect(ended.text).toContain(ref)
    const quick = ended.msgs[0]?.message.quickReply as { items: { action: { data: string } }[] } | undefined
    const stars = quick?.items ?? []
    expect(stars.map((i) => i.action.data)).toEqual(
      ['5', '4', '3', '2', '1'].map((r) => `a=con-rate&c=${caseId}&r=${r}`),
    )
    const ask = await c.postback(`a=con-rate&c=${caseId}&r=4`)
    expect(ask.text).toContain('มีความเห็นเพิ่มเติมถึงสถานีไหมครับ')
    expect(quickLabels(ask.msgs[0])).toEqual(['ไม่มี'])
    const thanks = await c.text('เจ้าหน้าที่ตอบเร็วมาก ขอบคุณครับ')
    expect(thanks.text).toContain('ขอบคุณสำหรับความเห็นครับ')
    const [row] = await consultationOf(user.userId)
    expect(row?.k).toMatchObject({ rating: 4, closedBy: 'citizen' })
    expect(s.deps.cipher.decrypt(row?.k.ratingCommentEnc ?? '')).toBe('เจ้าหน้าที่ตอบเร็วมาก ขอบคุณครับ')
    // A second tap changes nothing; "ขอบคุณครับ" afterwards is small talk, not a new question.
    await c.postback(`a=con-rate&c=${caseId}&r=1`)
    const bye = await c.text('ขอบคุณครับ')
    expect(bye.text).toContain('ยินดี')
    const [after] = await consultationOf(user.userId)
    expect(after?.k.rating).toBe(4)
    expect(after?.c.status).toBe('closed')
  })

  it('"ยกเลิก" in a thread asks whether to end it (not said to the officer); a score typed as one digit counts', async () => {
    const { user, c, caseId, ref } = await openOne('พิมพ์คะแนน')
    const count = (await messagesIn(caseId)).length
    const ask = await c.text('ยกเลิก')
    expect(ask.text).toContain(`ต้องการจบการสนทนาเรื่อง ${ref} ไหมครับ`)
    expect(quickLabels(ask.msgs[0])[0]).toBe('จบการสนทนา')
    expect((await messagesIn(caseId)).length).toBe(count)
    await c.postback(`a=con&x=end&c=${caseId}`)
    const comment = await c.text('5')
    expect(comment.text).toContain('มีความเห็นเพิ่มเติม')
    const skipped = await c.postback('a=con&x=nocomment')
    expect(skipped.text).toContain('ขอบคุณ')
    const [row] = await consultationOf(user.userId)
    expect(row?.k).toMatchObject({ rating: 5, ratingCommentEnc: null, reopenCount: 0 })
    expect(row?.c.status).toBe('closed')
  })

  it("someone else's case cannot be ended from another chat", async () => {
    const { caseId } = await openOne('เจ้าของเรื่อง')
    const other = s.emulator.createUser({ displayName: 'คนอื่น', language: 'th' })
    const answer = await chat(other.userId).postback(`a=con&x=end&c=${caseId}`)
    expect(answer.text).toContain('เรื่องปรึกษานี้จบไปแล้วครับ')
    const [row] = await s.db.db.select().from(cases).where(eq(cases.id, caseId))
    expect(row?.status).toBe('waiting')
  })
})

describe('after a close', () => {
  it('within 7 days a message re-opens the same consultation; later, a new one is started', async () => {
    const { user, c, caseId, ref } = await openOne('กลับมาถาม')
    await c.postback(`a=con&x=end&c=${caseId}`)
    const reopened = await c.text('ขอถามเพิ่มอีกนิดครับ ต้องเตรียมเอกสารอะไรบ้าง')
    expect(reopened.text).toContain(`เปิดเรื่องปรึกษา ${ref} อีกครั้งแล้ว`)
    const [row] = await consultationOf(user.userId)
    expect(row?.c).toMatchObject({ id: caseId, status: 'waiting', resolvedAt: null })
    expect(row?.k).toMatchObject({ reopenCount: 1, closedAt: null, closedBy: null })
    const last = (await messagesIn(caseId)).at(-1)
    expect(s.deps.cipher.decrypt(last?.bodyEnc ?? '')).toBe('ขอถามเพิ่มอีกนิดครับ ต้องเตรียมเอกสารอะไรบ้าง')
    const reopenEvent = (await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).find(
      (e) => e.type === 'status' && e.toStatus === 'waiting',
    )
    expect(reopenEvent).toMatchObject({ fromStatus: 'closed', actorType: 'citizen' })

    // Closed again, eight days ago: the window has passed.
    await c.postback(`a=con&x=end&c=${caseId}`)
    await s.db.db
      .update(consultations)
      .set({ closedAt: new Date(Date.now() - 8 * 24 * 60 * 60 * 1000) })
      .where(eq(consultations.caseId, caseId))
    const count = (await messagesIn(caseId)).length
    await c.text('อีกเรื่องครับ')
    expect((await messagesIn(caseId)).length).toBe(count)
    await c.text('ปรึกษากฎหมาย')
    await c.postback('a=con&x=topic&v=labour')
    const receipt = await c.text('นายจ้างไม่จ่ายค่าจ้างสองเดือน')
    const rows = await consultationOf(user.userId)
    expect(rows).toHaveLength(2)
    expect(rows[1]?.c.referenceNumber).not.toBe(ref)
    expect(receipt.text).toContain(rows[1]?.c.referenceNumber)
    expect(rows[0]?.k.reopenCount).toBe(1)
  })
})
