import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import {
  cases,
  consents,
  conversationStates,
  lostDocumentItems,
  lostDocumentReports,
} from '../../../db/schema/index.js'
import { quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { daysAgo, THAI_ID } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// The chat way, end to end: emulator → signed webhook → inbox → worker → engine → outbox → emulator.
const s = lostDocumentStack()

const { citizenOf, chat } = s

describe('lost documents in the chat: happy', () => {
  it('typing "แจ้งเอกสารหาย" explains what is needed, the s.137 warning, and offers the form or the chat', async () => {
    const user = s.emulator.createUser({ displayName: 'สมชาย', language: 'th' })
    const c = chat(user.userId)
    const { msgs, text } = await c.text('แจ้งเอกสารหาย')
    expect(msgs[0]?.message.type).toBe('flex')
    expect(text).toContain('มาตรา 137')
    expect(text).toContain('จำคุกไม่เกิน 6 เดือน')
    expect(text).toContain('https://liff.line.me/emu-citizen/lost-document')
    expect(text).toContain('a=ld&x=chat')
    const anna = s.emulator.createUser({ displayName: 'Anna', language: 'en' })
    const en = chat(anna.userId)
    await s.emulator.follow(anna.userId)
    await en.wait(2) // the greeting sets the chat's language from the LINE profile
    const intro = await en.text('I lost my passport')
    expect(intro.text).toContain('Penal Code, section 137')
  })

  it('the main menu offers the service', async () => {
    const user = s.emulator.createUser({ displayName: 'Nok', language: 'th' })
    const { msgs } = await chat(user.userId).text('เมนู')
    expect(quickLabels(msgs[0])).toContain('แจ้งเอกสารหาย')
    expect(quickLabels(msgs[0])).toContain('เรื่องที่ฉันแจ้ง')
  })

  it('files a report step by step: quick replies, datetime pickers, a location; receipt by reply', async () => {
    const user = s.emulator.createUser({ displayName: 'สมชาย ใจดี', language: 'th' })
    const c = chat(user.userId)
    expect((await c.postback('a=ld&x=chat')).text).toContain('ชื่อ-นามสกุล')
    const idType = await c.text('นายสมชาย ใจดี')
    expect(quickLabels(idType.msgs[0])).toEqual([
      'บัตรประชาชนไทย',
      'หนังสือเดินทาง',
      'บัตรคนต่างด้าว',
      'ใบอนุญาตทำงาน',
      'ยกเลิก',
    ])
    await c.postback('a=ld&x=idt&v=thai_id')
    const bad = await c.text('1234567890122', 2)
    expect(bad.text).toContain('เลขบัตรประชาชนไม่ถูกต้อง')
    const dob = await c.text('1-2345-67890-12-1')
    const quick = dob.msgs[0]?.message.quickReply as
      | { items: { action: { type: string; mode?: string } }[] }
      | undefined
    const picker = quick?.items[0]
    expect(picker?.action).toMatchObject({ type: 'datetimepicker', mode: 'date' })
    expect((await c.postback('a=ld&x=dob', { date: '1987-05-12' })).text).toContain('มือถือ')
    expect((await c.text('+66 81 234 5678')).text).toContain('บ้านเลขที่')
    await c.text('12/3')
    await c.postback('a=ld&x=skip') // village
    await c.text('4') // moo
    await c.text('ข้าม') // soi, typed
    await c.text('สุขุมวิท')
    await c.text('เชิงเนิน')
    await c.text('เมืองระยอง')
    await c.postback('a=ld&x=prov&v=ระยอง')
    expect((await c.text('2100', 2)).text).toContain('รหัสไปรษณีย์ต้องเป็นตัวเลข 5 หลัก')
    const types = await c.text('21000', 2)
    expect(types.msgs[0]?.message.type).toBe('flex')
    expect(types.text).toContain('a=ld&x=doc&v=thai_id_card')
    await c.postback('a=ld&x=doc&v=thai_id_card')
    const more = await c.text(THAI_ID)
    expect(more.text).toContain('บัตรประจำตัวประชาชน')
    await c.postback('a=ld&x=more&v=1', undefined, 2)
    await c.postback('a=ld&x=doc&v=atm_card')
    const issuer = await c.postback('a=ld&x=skip')
    expect(quickLabels(issuer.msgs[0])).toContain('ธนาคารกสิกรไทย')
    await c.postback('a=ld&x=iss&v=1')
    const when = await c.postback('a=ld&x=more&v=0')
    expect(quickLabels(when.msgs[0])).toEqual(['เลือกวันและเวลา', 'รู้แค่วันที่', 'ระบุเป็นช่วง', 'ยกเลิก'])
    const future = await c.postback('a=ld&x=at', { datetime: '2099-01-01T10:00' }, 2)
    expect(future.text).toContain('ต้องไม่เป็นเวลาในอนาคต')
    const at = daysAgo(3)
    const where = await c.postback('a=ld&x=at', { datetime: at }, 2)
    expect(where.text).toMatch(/เวลาที่หาย: .*25\d\d/) // Buddhist Era
    expect(quickLabels(where.msgs[1])).toContain('ส่งตำแหน่ง')
    await c.location({ latitude: 12.6807, longitude: 101.2816, title: 'ตลาดเทศบาล', address: 'ถนนยมจินดา ระยอง' })
    const consent = await c.text('ลืมกระเป๋าสตางค์ไว้ที่ร้านกาแฟ')
    expect(consent.text).toContain('พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล')
    const check = await c.postback('a=ld&x=consent&v=1')
    expect(check.text).toContain('x-xxxx-xxxxx-12-1')
    expect(check.text).not.toContain(THAI_ID)
    expect(check.text).toContain('มาตรา 137')
    // One message, by reply: the receipt carries the record (no second "record ready" push).
    const both = await c.postback('a=ld&x=declare', undefined, 1)
    const receipt = {
      ...both,
      msgs: both.msgs.filter((m) => String(m.message.altText ?? '').startsWith('รับแจ้งเอกสารหาย')),
    }
    expect(receipt.msgs[0]?.via).toBe('reply')
    expect(receipt.msgs[0]?.message.type).toBe('flex')
    expect(receipt.text).toMatch(/RYG-25\d\d-\d{6}/)
    expect(receipt.text).toContain('ออกบันทึกแล้ว')
    expect(receipt.text).toContain('record.pdf')
    expect(receipt.text).toContain('https://liff.line.me/emu-citizen/my-reports/')

    const citizen = await citizenOf(user.userId)
    const [report] = await s.db.db
      .select()
      .from(lostDocumentReports)
      .where(eq(lostDocumentReports.citizenId, citizen?.id ?? ''))
    expect(report).toMatchObject({
      channel: 'chat',
      declarantName: 'นายสมชาย ใจดี',
      idType: 'thai_id',
      idNumberLast: '0121',
    })
    expect(report?.idNumberEnc).not.toContain(THAI_ID)
    expect(report?.phoneEnc).not.toContain('812345678')
    expect(report?.address).toMatchObject({ houseNo: '12/3', moo: '4', road: 'สุขุมวิท', postcode: '21000' })
    expect(report?.latitude).toBeCloseTo(12.6807)
    expect(report?.placeText).toBe('ถนนยมจินดา ระยอง')
    const items = await s.db.db
      .select()
      .from(lostDocumentItems)
      .where(eq(lostDocumentItems.caseId, report?.caseId ?? ''))
    expect(items.map((i) => [i.documentType, i.issuer])).toEqual([
      ['thai_id_card', null],
      ['atm_card', 'ธนาคารกสิกรไทย'],
    ])
    const [row] = await s.db.db
      .select()
      .from(cases)
      .where(eq(cases.id, report?.caseId ?? ''))
    expect(row?.status).toBe('issued')
    expect(row?.searchHashes.length).toBe(3)
    const given = await s.db.db
      .select()
      .from(consents)
      .where(eq(consents.citizenId, citizen?.id ?? ''))
    expect(given.map((g) => g.version)).toEqual(['lost-doc-2026-11'])
    const [state] = await s.db.db.select().from(conversationStates).where(eq(conversationStates.chatKey, user.userId))
    expect(state?.flow).toBeNull()
  })

  it('remembers the citizen: the second report offers "use my details from last time"; a range of time', async () => {
    const user = s.emulator.createUser({ displayName: 'Malee', language: 'en' })
    const c = chat(user.userId)
    await s.emulator.follow(user.userId)
    await c.wait(2)
    await c.postback('a=ld&x=chat')
    await c.text('Malee Srisuk')
    await c.postback('a=ld&x=idt&v=passport')
    await c.text('AA1234567')
    await c.text('12/05/1990')
    await c.text('0891234567')
    for (const answer of ['99', 'skip', 'skip', 'skip', 'skip', 'Noen Phra', 'Mueang Rayong', 'Rayong']) {
      await c.text(answer)
    }
    await c.text('21150', 2)
    await c.postback('a=ld&x=doc&v=foreign_passport')
    await c.text('AA1234567')
    await c.postback('a=ld&x=more&v=0')
    await c.postback('a=ld&x=range')
    await c.postback('a=ld&x=from', { datetime: daysAgo(2) })
    expect((await c.postback('a=ld&x=to', { datetime: daysAgo(3) }, 2)).text).toContain('must be after its start')
    const where = await c.postback('a=ld&x=to', { datetime: daysAgo(1) }, 2)
    expect(where.text).toContain(' – ')
    await c.text('Pattaya bus station')
    await c.text('My bag was stolen on the bus')
    await c.postback('a=ld&x=consent&v=1')
    const receipt = await c.postback('a=ld&x=declare')
    expect(receipt.text).toContain('Received')
    expect(receipt.text).toContain('embassy') // the review reason of a foreign passport, per item
    expect(receipt.text).not.toContain('record.pdf')

    const again = await c.postback('a=ld&x=chat')
    expect(again.text).toContain('Use your details from last time?')
    expect(again.text).toContain('xxxxx4567')
    expect(again.text).not.toContain('AA1234567')
    const types = await c.postback('a=ld&x=reuse&v=1', undefined, 2)
    expect(types.msgs[0]?.message.type).toBe('flex')
    await c.postback('a=ld&x=doc&v=cheque_book')
    await c.postback('a=ld&x=skip')
    await c.postback('a=ld&x=more&v=0')
    await c.postback('a=ld&x=day', { date: daysAgo(1).slice(0, 10) }, 2)
    await c.text('Central Rayong')
    await c.text('Left it at the counter')
    await c.postback('a=ld&x=consent&v=1')
    const second = await c.postback('a=ld&x=declare')
    expect(second.text).toContain('Please come to the station')
    expect(second.text).toContain('tell your bank') // visit_station reason of a cheque book
    const citizen = await citizenOf(user.userId)
    const reports = await s.db.db
      .select()
      .from(lostDocumentReports)
      .where(eq(lostDocumentReports.citizenId, citizen?.id ?? ''))
    expect(reports).toHaveLength(2)
    expect(new Set(reports.map((r) => r.idNumberHash)).size).toBe(1) // the same ID, reused server-side
  })
})
