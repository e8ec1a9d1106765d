import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_OFFICE_HOURS } from '../../../bot/contracts/consultations.js'
import type { LineMessage } from '../../../bot/line/line-client.js'
import {
  cases,
  consultationAnswers,
  consultationTopicSettings,
  stationHolidays,
  stations,
} from '../../../db/schema/index.js'
import { type EngineChat, startEngineChat } from '../../helpers/engine-chat.js'

// Office hours and the SLA with a controllable clock: the engine as production composes it, one event at a time.
let chat: EngineChat

beforeAll(async () => {
  chat = await startEngineChat()
})
afterAll(async () => {
  await chat?.close()
})
beforeEach(async () => {
  // A known calendar whatever the seed holds: Monday to Friday 08:30–16:30, no holidays, the default SLA (240 min),
  // no common answers (the question comes right after the topic).
  await chat.db.update(stations).set({ officeHours: DEFAULT_OFFICE_HOURS }).where(eq(stations.id, chat.station.id))
  await chat.db.delete(stationHolidays).where(eq(stationHolidays.stationId, chat.station.id))
  await chat.db.delete(consultationTopicSettings).where(eq(consultationTopicSettings.stationId, chat.station.id))
  await chat.db.delete(consultationAnswers).where(eq(consultationAnswers.stationId, chat.station.id))
})

const textOf = (msgs: LineMessage[]) => msgs.map((m) => (m.type === 'text' ? m.text : JSON.stringify(m))).join('\n')

/** Asks a question on a topic without common answers, at a moment: the receipt's text and the case. */
async function ask(at: Date, topic = 'family', lang: 'th' | 'en' = 'th') {
  const user = `U${randomUUID().replace(/-/g, '')}`
  chat.setClock(new Date(at.getTime() - 10_000))
  if (lang === 'en') {
    await chat.text(user, 'English')
  }
  await chat.postback(user, 'a=con')
  await chat.postback(user, `a=con&x=topic&v=${topic}`)
  chat.setClock(at)
  const receipt = textOf(await chat.text(user, 'สามีไม่ยอมจ่ายค่าเลี้ยงดูบุตร ต้องทำอย่างไรครับ'))
  const all = await chat.db.select().from(cases).where(eq(cases.kind, 'consultation'))
  return { receipt, c: all.find((row) => receipt.includes(row.referenceNumber)) }
}

describe('when to expect an answer (office hours, Asia/Bangkok, Buddhist Era)', () => {
  it('in office hours: today, the topic SLA in office minutes from now', async () => {
    // Wednesday 9 Dec 2026, 10:00 in Bangkok.
    const { receipt, c } = await ask(new Date('2026-12-09T03:00:00Z'))
    expect(receipt).toMatch(/เลขที่เรื่อง: RYG-CON-2569-\d{6}/)
    expect(receipt).toContain('เจ้าหน้าที่จะตอบในแชตนี้ภายในวันนี้ เวลา 14:00 น.')
    expect(receipt).not.toContain('นอกเวลาทำการ')
    expect(c?.dueAt?.toISOString()).toBe('2026-12-09T07:00:00.000Z')
    expect(c?.status).toBe('waiting')
  })

  it('a topic with its own SLA (60 office minutes) at the station', async () => {
    await chat.db.insert(consultationTopicSettings).values({
      stationId: chat.station.id,
      topic: 'family',
      position: 0,
      firstResponseMinutes: 60,
    })
    const { receipt } = await ask(new Date('2026-12-09T03:00:00Z'))
    expect(receipt).toContain('ภายในวันนี้ เวลา 11:00 น.')
  })

  it('late in the day the SLA runs on into the next office day', async () => {
    // Wednesday 15:30: one office hour left today, three more from 08:30 on Thursday.
    const { receipt } = await ask(new Date('2026-12-09T08:30:00Z'))
    expect(receipt).toContain('ภายในวันพฤหัสบดีที่ 10 ธ.ค. 2569 เวลา 11:30 น.')
  })

  it('out of hours (Friday evening): when the office opens, and the answer due on Monday', async () => {
    const { receipt, c } = await ask(new Date('2026-12-11T11:00:00Z'))
    expect(receipt).toContain('ขณะนี้อยู่นอกเวลาทำการ สถานีเปิดทำการอีกครั้ง วันจันทร์ที่ 14 ธ.ค. 2569 เวลา 08:30 น.')
    expect(receipt).toContain('ภายในวันจันทร์ที่ 14 ธ.ค. 2569 เวลา 12:30 น.')
    expect(c?.dueAt?.toISOString()).toBe('2026-12-14T05:30:00.000Z')
  })

  it('a holiday on Monday moves the opening to Tuesday; in English', async () => {
    await chat.db
      .insert(stationHolidays)
      .values({ stationId: chat.station.id, date: '2026-12-14', nameTh: 'วันหยุดทดสอบ', nameEn: 'Test holiday' })
    const { receipt } = await ask(new Date('2026-12-11T11:00:00Z'), 'family', 'en')
    expect(receipt).toContain('The office is closed now; it opens again Tuesday, 15 Dec 2026 at 08:30.')
    expect(receipt).toContain('An officer will answer in this chat by Tuesday, 15 Dec 2026 at 12:30.')
    expect(receipt).toContain('not legal representation')
    expect(receipt).toContain('191')
  })

  it('a station with no office hours at all: "as soon as possible", no due time', async () => {
    await chat.db.update(stations).set({ officeHours: {} }).where(eq(stations.id, chat.station.id))
    const { receipt, c } = await ask(new Date('2026-12-09T03:00:00Z'))
    expect(receipt).toContain('เจ้าหน้าที่จะตอบในแชตนี้โดยเร็วที่สุด')
    expect(c?.dueAt).toBeNull()
  })
})

describe('a lost-document report in progress', () => {
  it("is kept aside while a consultation is started, and is the chat's flow again when that start ends", async () => {
    const user = `U${randomUUID().replace(/-/g, '')}`
    chat.setClock(new Date('2026-12-09T03:00:00Z'))
    await chat.postback(user, 'a=ld&x=chat')
    await chat.text(user, 'นายทดสอบ ระหว่างทาง') // the name; the next step asks for the ID type (buttons)
    expect((await chat.state(user))?.step).toBe('idType')
    const intro = textOf(await chat.text(user, 'ปรึกษากฎหมาย'))
    expect(intro).toContain('ปรึกษาข้อกฎหมาย')
    expect((await chat.state(user))?.flow).toBe('consultation')
    const cancelled = textOf(await chat.postback(user, 'a=con&x=cancel'))
    expect(cancelled).toContain('ยกเลิกการขอคำปรึกษาแล้ว')
    expect(await chat.state(user)).toMatchObject({ flow: 'lost_document', step: 'idType' })
  })
})
