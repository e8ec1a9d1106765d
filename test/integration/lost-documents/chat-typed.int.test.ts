import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { citizens, conversationStates, lostDocumentReports } from '../../../db/schema/index.js'
import { chatDriver, quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { daysAgo, THAI_ID } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// Issue #8 points 3 and 8 through the emulator: typed options, the story at step 9, SOS mid-flow, stickers, the
// name, editing from the summary, and the English flow's address.
const s = lostDocumentStack()

type Chat = ReturnType<typeof chatDriver>
function newChat(language: 'th' | 'en' = 'th') {
  const user = s.emulator.createUser({ displayName: 'ผู้แจ้ง', language })
  return { userId: user.userId, c: chatDriver(s, user.userId) }
}
async function stateOf(userId: string) {
  const [row] = await s.db.db.select().from(conversationStates).where(eq(conversationStates.chatKey, userId))
  return row
}

/** Steps 1–8 in Thai with taps where there are buttons; the chat is left at step 9 (what happened). */
async function toStory(c: Chat) {
  await c.postback('a=ld&x=chat')
  await c.text('นายสมชาย ใจดี')
  await c.postback('a=ld&x=idt&v=thai_id')
  await c.text(THAI_ID)
  await c.postback('a=ld&x=dob', { date: '1987-05-12' })
  await c.text('0812345678')
  for (const answer of ['12/3', 'ข้าม', '4', 'ข้าม', 'สุขุมวิท', 'เชิงเนิน', 'เมืองระยอง', 'ระยอง']) {
    await c.text(answer)
  }
  await c.text('21000', 2)
  await c.postback('a=ld&x=doc&v=thai_id_card')
  await c.text(THAI_ID)
  await c.postback('a=ld&x=more&v=0')
  await c.postback('a=ld&x=at', { datetime: daysAgo(1) }, 2)
  return c.text('ตลาดเทศบาล')
}

describe('lost documents: typed answers and free text', () => {
  it('takes typed options: "บัตรประชาชน" as the ID type and the document, "ไม่มีแล้ว" as "no more"', async () => {
    const { c } = newChat()
    await c.postback('a=ld&x=chat')
    await c.text('นางสาวมาลี ศรีสุข')
    expect((await c.text('บัตรประชาชน')).text).toContain('พิมพ์เลขบัตรประชาชนไทย')
    await c.text(THAI_ID)
    await c.text('12/05/2530')
    await c.text('0812345678')
    for (const answer of ['99', 'ไม่มี', 'ไม่มี', 'ไม่มี', 'ไม่มี', 'เนินพระ', 'เมืองระยอง', 'ระยอง']) {
      await c.text(answer)
    }
    await c.text('21000', 2)
    expect((await c.text('บัตรประชาชนค่ะ')).text).toContain('เลขที่ของบัตรประจำตัวประชาชน')
    await c.text('ข้าม')
    const when = await c.text('ไม่มีแล้ว')
    expect(when.text).toContain('ข้อ 7')
    expect((await c.text('เมื่อวาน', 2)).text).toContain('ข้อ 8')
  })

  it('an English speaker types "passport": a foreign passport; the Rayong button stores "Rayong"', async () => {
    const { c } = newChat('en')
    await c.text('English')
    await c.postback('a=ld&x=chat')
    const alone = await c.text('Anna', 2)
    expect(alone.text).toContain('Sorry, please type both your first name and your family name')
    expect(alone.text).not.toMatch(/Sorry: |[\u0E00-\u0E7F]/)
    await c.text('Anna Smith')
    await c.text('passport')
    await c.text('AA1234567')
    await c.text('12/05/1990')
    const phone = await c.text('12345', 2)
    expect(phone.text).toContain('Sorry, the mobile number is not valid')
    await c.text('0891234567')
    for (const answer of ['99', 'skip', '4', 'skip', 'skip', 'Noen Phra']) {
      await c.text(answer)
    }
    const province = await c.text('Mueang Rayong')
    expect(JSON.stringify(province.msgs)).toContain('"data":"a=ld&x=prov&v=Rayong"')
    await c.postback('a=ld&x=prov&v=Rayong')
    await c.text('21150', 2)
    expect((await c.text('passport')).text).toMatch(/foreign passport/i) // mid-sentence it is lower case ("the number of the foreign passport")
    await c.text('AA1234567')
    await c.postback('a=ld&x=more&v=0')
    await c.text('yesterday', 2)
    await c.text('Pattaya bus station')
    expect((await c.text('I lost my wallet on the bus')).text).toContain('PDPA')
    const summary = await c.postback('a=ld&x=consent&v=1')
    expect(summary.text).toContain('Address: 99, Moo 4, Noen Phra Subdistrict, Mueang Rayong District, Rayong, 21150')
    expect(summary.text).toContain('What happened: I lost my wallet on the bus')
  })

  it('step 9 takes the story as the story: no "continue or restart?", no loop', async () => {
    const { c, userId } = newChat()
    expect((await toStory(c)).text).toContain('ข้อ 9')
    const consent = await c.text('กระเป๋าสตางค์หล่นหายระหว่างเดินตลาด')
    expect(consent.text).toContain('ข้อ 10')
    expect(consent.text).not.toContain('ทำต่อจากเดิม')
    expect((await stateOf(userId))?.step).toBe('consent')
  })

  it('a first name alone is not a full name: asked kindly for both, in Thai', async () => {
    const { c } = newChat()
    await c.postback('a=ld&x=chat')
    const again = await c.text('สมชาย', 2)
    expect(again.text).toContain('ขออภัยครับ กรุณาพิมพ์ทั้งชื่อและนามสกุล')
    expect(again.text).toContain('ข้อ 1')
    expect((await c.text('นายสมชายใจดี', 2)).text).toContain('เว้นวรรค')
    expect((await c.text('สมชาย ใจดี')).text).toContain('ข้อ 2')
  })
})

describe('lost documents: SOS mid-flow, stickers, editing from the summary', () => {
  it('SOS in the middle of a report answers the emergency card and keeps the report to continue', async () => {
    const { c, userId } = newChat()
    await toStory(c)
    const sos = await c.text('ช่วยด้วยค่ะ')
    expect(sos.text).toContain('tel:191')
    expect(quickLabels(sos.msgs[0]).slice(0, 2)).toEqual(['ส่งตำแหน่งของฉัน', 'ทำรายการเดิมต่อ'])
    const state = await stateOf(userId)
    expect(state?.flow).toBe('sos')
    expect(state?.data).toMatchObject({ setAside: { flow: 'lost_document', step: 'circumstances' } })
    // A location now is an emergency report; the report in progress is still offered.
    const reported = await c.location({ latitude: 12.68, longitude: 101.28 })
    expect(reported.text).toMatch(/RYG-SOS-/)
    expect(quickLabels(reported.msgs[0])[0]).toBe('ทำรายการเดิมต่อ')
    expect((await c.postback('a=resume')).text).toContain('ข้อ 9')
    expect((await c.text('ลืมกระเป๋าไว้บนรถสองแถว')).text).toContain('ข้อ 10')
  })

  it('"ฉุกเฉิน" then the menu\'s "report lost documents": continue where you left off', async () => {
    const { c } = newChat()
    await c.postback('a=ld&x=chat')
    await c.text('นายต้น ทดสอบ')
    expect((await c.text('ฉุกเฉิน')).text).toContain('tel:191')
    expect((await c.postback('a=ld')).text).toContain('ทำต่อจากเดิมไหม')
    expect((await c.postback('a=ld&x=resume')).text).toContain('ข้อ 2')
  })

  it('a sticker at a free-text step: asked again kindly with its real options; twice: set aside, not asked again', async () => {
    const { c, userId } = newChat()
    await c.postback('a=ld&x=chat')
    await c.text('นายเล็ก ทดสอบ')
    await c.postback('a=ld&x=idt&v=thai_id')
    await c.text(THAI_ID)
    await c.text('12/05/2530')
    await c.text('0812345678')
    await c.text('12/3') // now at "village"
    await s.emulator.sendSticker(userId, '446', '1988')
    const first = await c.wait(2)
    expect(first.text).toContain('ข้อนี้ตอบเป็นข้อความครับ')
    expect(first.text).not.toContain('เลือกจากปุ่ม')
    expect(quickLabels(first.msgs[1])).toEqual(['ข้าม', 'ยกเลิก'])
    await s.emulator.sendImage(userId)
    const second = await c.wait(2)
    expect(second.text).toContain('พักไว้ก่อนได้')
    expect(second.text).not.toContain('หมู่บ้าน หรือ อาคาร')
    // The answer typed now is still taken.
    expect((await c.text('หมู่บ้านสุขใจ')).text).toContain('หมู่ที่')
  })

  it('the summary offers "edit": an answer changed returns to the summary, then the report is filed with it', async () => {
    const { c, userId } = newChat()
    await toStory(c)
    await c.text('ลืมกระเป๋าไว้ที่ร้านกาแฟ')
    const summary = await c.postback('a=ld&x=consent&v=1')
    expect(quickLabels(summary.msgs[0])).toEqual(['ยืนยันและส่ง', 'แก้ไข', 'ยกเลิก'])
    const choose = await c.text('แก้ไข')
    expect(quickLabels(choose.msgs[0])).toEqual(expect.arrayContaining(['ที่อยู่', 'เหตุการณ์', 'กลับไปหน้าสรุป']))
    expect((await c.text('เหตุการณ์')).text).toContain('ข้อ 9')
    const back = await c.text('ทำกระเป๋าหล่นที่ป้ายรถเมล์หน้าตลาด')
    expect(back.text).toContain('ตรวจสอบข้อมูลก่อนส่ง')
    expect(back.text).toContain('เหตุการณ์: ทำกระเป๋าหล่นที่ป้ายรถเมล์หน้าตลาด')
    await c.postback('a=ld&x=edit')
    expect((await c.postback('a=ld&x=edit&v=address')).text).toContain('บ้านเลขที่')
    for (const answer of ['55/1', 'ข้าม', 'ข้าม', 'ข้าม', 'ข้าม', 'ท่าประดู่', 'เมืองระยอง', 'ระยอง']) {
      await c.text(answer)
    }
    const again = await c.text('21000')
    expect(again.text).toContain('ที่อยู่: 55/1 ต.ท่าประดู่ อ.เมืองระยอง จ.ระยอง 21000')
    expect(again.text).toContain('เหตุการณ์: ทำกระเป๋าหล่นที่ป้ายรถเมล์หน้าตลาด')
    const receipt = await c.postback('a=ld&x=declare')
    expect(receipt.text).toMatch(/RYG-25\d\d-\d{6}/)
    const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, userId))
    const [report] = await s.db.db
      .select()
      .from(lostDocumentReports)
      .where(eq(lostDocumentReports.citizenId, citizen?.id ?? ''))
    expect(report?.address).toMatchObject({ houseNo: '55/1', subdistrict: 'ท่าประดู่' })
    expect(s.deps.cipher.decrypt(report?.circumstancesEnc ?? '')).toBe('ทำกระเป๋าหล่นที่ป้ายรถเมล์หน้าตลาด')
  })
})
