import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  caseEvents,
  cases,
  consultationAnswerOutcomes,
  consultationAnswers,
  consultations,
  consultationTopicSettings,
  stations,
} from '../../../db/schema/index.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'
import { apiAs } from './fixtures.js'

// Issue #12, "never asked twice for the same thing": a start message that tells the case ("ปรึกษากฎหมาย
// โดนโกงออนไลน์ โอนเงินไปแล้ว…") is kept as the question, through the topic and the common answers, to the receipt
// and the officers' thread; a bare "ปรึกษากฎหมายเรื่องหนี้ครับ" asks for the question. End to end through the emulator.
const s = lostDocumentStack()
const REF = /RYG-CON-\d{4}-\d{6}/
const ALWAYS_OPEN = Object.fromEntries([0, 1, 2, 3, 4, 5, 6].map((d) => [d, [{ from: '00:00', to: '24:00' }]]))

/** The station always open, every topic offered, and common answers on scams only. */
async function stationWithScamAnswers() {
  const [st] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
  if (!st) {
    throw new Error('station RYG is not seeded')
  }
  await s.db.db.update(stations).set({ officeHours: ALWAYS_OPEN }).where(eq(stations.id, st.id))
  await s.db.db.delete(consultationTopicSettings).where(eq(consultationTopicSettings.stationId, st.id))
  await s.db.db.delete(consultationAnswers).where(eq(consultationAnswers.stationId, st.id))
  await s.db.db.insert(consultationAnswers).values({
    stationId: st.id,
    topic: 'scam',
    titleTh: 'โอนเงินให้มิจฉาชีพไปแล้ว',
    titleEn: 'I sent money to a scammer',
    bodyTh: 'โทรแจ้งธนาคารให้ระงับบัญชีทันที',
    bodyEn: 'Call your bank at once.',
    position: 0,
  })
}

async function consultationOf(userId: string) {
  const citizen = await s.citizenOf(userId)
  const [row] = await s.db.db
    .select({ c: cases, k: consultations })
    .from(cases)
    .innerJoin(consultations, eq(consultations.caseId, cases.id))
    .where(eq(cases.citizenId, citizen?.id ?? ''))
  return row
}

/** The officers' thread (the admin API a legal advisor reads): the question is its first message, as written. */
async function officersSee(caseId: string) {
  const advisor = await signInOfficer(s.db.db, { role: 'legal_advisor', displayName: 'ร.ต.ท. ที่ปรึกษา' })
  const res = await apiAs(s, advisor.headers)<{ events: { type: string; body: unknown }[] }>(
    'GET',
    `/api/admin/cases/${caseId}`,
  )
  expect(res.status).toBe(200)
  return res.json.events.filter((e) => e.type === 'message_in').map((e) => e.body)
}

async function questionStored(caseId: string) {
  const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId)).orderBy(caseEvents.id)
  const q = events.find((e) => e.type === 'message_in')
  expect(q?.body).toBeNull() // encrypted at rest
  return s.deps.cipher.decrypt(q?.bodyEnc ?? '')
}

describe('a start sentence that tells the case is the question', () => {
  it.each([
    ['ปรึกษาหน่อยค่ะโดนหลอกโอนเงินซื้อของในเฟสบุ๊คไม่ได้ของ', 'scam', 'ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์'],
    ['ปรึกษากฏหมายค่ะ เรื่องมรดก พ่อเสียไม่มีพินัยกรรม ลูกๆแบ่งยังไงคะ', 'family', 'ครอบครัว / มรดก'],
    ['ปรึกษาตำรวจหน่อยครับถูกนายจ้างไล่ออกไม่จ่ายเงินเดือนสองเดือน', 'labour', 'แรงงาน / นายจ้าง'],
    ['ปรึกษากฎหมายคร้าบบบ เพื่อนบ้านจอดรถขวางหน้าบ้านทุกวันแจ้งได้ไหม', 'property', 'ที่ดิน / เพื่อนบ้าน'],
  ])('"%s": topic %s, no common answers, the receipt at once with the question', async (typed, topic) => {
    await stationWithScamAnswers()
    if (topic === 'scam') {
      await s.db.db.delete(consultationAnswers) // this one without common answers: straight to the receipt
    }
    const user = s.emulator.createUser({ displayName: 'ประโยคยาว', language: 'th' })
    const receipt = await s.chat(user.userId).text(typed)
    expect(receipt.text).toMatch(REF)
    expect(receipt.text).toContain(`คำถามของท่าน: "${typed}"`)
    expect(receipt.text).not.toContain('พิมพ์คำถาม') // never asked for it
    const row = await consultationOf(user.userId)
    expect(row?.k.topic).toBe(topic)
    expect(await questionStored(row?.c.id ?? '')).toBe(typed)
    expect(JSON.stringify(await officersSee(row?.c.id ?? ''))).toContain(typed)
  })

  it('the issue\'s sentence: the scam answers first, "still need an officer", then the receipt with the question', async () => {
    await stationWithScamAnswers()
    const typed = 'ปรึกษากฎหมาย โดนโกงออนไลน์ โอนเงินไปแล้ว 5,000 บาท ทำยังไงดีคะ'
    const user = s.emulator.createUser({ displayName: 'โดนโกง', language: 'th' })
    const c = s.chat(user.userId)
    const shown = await c.text(typed, 3)
    expect(shown.text).toContain('ถูกหลอกลวง / แก๊งคอลเซ็นเตอร์')
    expect(shown.text).toContain('โอนเงินให้มิจฉาชีพไปแล้ว')
    expect(await consultationOf(user.userId)).toBeUndefined() // the answers first: nothing opened yet
    const receipt = await c.postback('a=con&x=more')
    expect(receipt.text).toMatch(REF)
    expect(receipt.text).toContain(`คำถามของท่าน: "${typed}"`)
    const row = await consultationOf(user.userId)
    expect(row?.k.topic).toBe('scam')
    expect(await questionStored(row?.c.id ?? '')).toBe(typed)
    const [outcome] = await s.db.db
      .select()
      .from(consultationAnswerOutcomes)
      .where(eq(consultationAnswerOutcomes.caseId, row?.c.id ?? ''))
    expect(outcome?.sufficed).toBe(false)
    expect(JSON.stringify(await officersSee(row?.c.id ?? ''))).toContain('5,000 บาท')
  })

  it('"this answered it" after a sentence: thanked, nothing opened, the question forgotten', async () => {
    await stationWithScamAnswers()
    const user = s.emulator.createUser({ displayName: 'พอแล้ว', language: 'th' })
    const c = s.chat(user.userId)
    await c.text('ปรึกษากฎหมาย โดนโกงออนไลน์ โอนเงินไปแล้ว 5,000 บาท ทำยังไงดีคะ', 3)
    const thanks = await c.postback('a=con&x=ok')
    expect(thanks.text).toContain('ยินดีครับ')
    expect(await consultationOf(user.userId)).toBeUndefined()
  })

  it('no single topic named (English): the topics, the question kept; the topic tapped opens it', async () => {
    await stationWithScamAnswers()
    const typed = 'legal advice: a loan shark threatens my family every night'
    const user = s.emulator.createUser({ displayName: 'Ben', language: 'en' })
    const c = s.chat(user.userId)
    await c.text('English')
    const topics = await c.text(typed)
    expect(topics.text).toContain('no need to type it again')
    expect(quickLabels(topics.msgs[0])).toEqual(expect.arrayContaining(['Debts and loans', 'Cancel']))
    const receipt = await c.postback('a=con&x=topic&v=debt')
    expect(receipt.text).toMatch(/Reference: RYG-CON-\d{4}-\d{6}/)
    expect(receipt.text).toContain(`Your question: "${typed}"`)
    const row = await consultationOf(user.userId)
    expect(row?.k.topic).toBe('debt')
    expect(await questionStored(row?.c.id ?? '')).toBe(typed)
  })

  it('"ปรึกษากฎหมายเรื่องหนี้ครับ" is a topic only: the question is asked for, on that topic', async () => {
    await stationWithScamAnswers()
    const user = s.emulator.createUser({ displayName: 'หัวข้อ', language: 'th' })
    const c = s.chat(user.userId)
    const ask = await c.text('ปรึกษากฎหมายเรื่องหนี้ครับ')
    expect(ask.text).toContain('พิมพ์คำถามหรือเล่าเรื่องของท่านได้เลยครับ (หัวข้อ: หนี้สิน / เงินกู้)')
    expect(await consultationOf(user.userId)).toBeUndefined()
    const receipt = await c.text('โดนทวงหนี้ข่มขู่ทุกวันครับ')
    expect(receipt.text).toContain('คำถามของท่าน: "โดนทวงหนี้ข่มขู่ทุกวันครับ"')
  })
})
