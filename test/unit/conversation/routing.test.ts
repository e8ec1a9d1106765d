import { describe, expect, it } from 'vitest'
import { readInput } from '../../../bot/conversation/input.js'
import { languageFeature } from '../../../bot/conversation/language.feature.js'
import { menuFeature } from '../../../bot/conversation/menu.feature.js'
import { smallTalkFeature } from '../../../bot/conversation/small-talk.feature.js'
import type { Feature, FeatureContext, FlowState, Turn } from '../../../bot/conversation/types.js'
import { houseWatchFeature } from '../../../bot/house-watch/chat/house-watch.feature.js'
import type { LineEvent } from '../../../bot/line/events.schema.js'
import { sosFeature } from '../../../bot/sos/sos.feature.js'
import { stationFeature } from '../../../bot/station/station.feature.js'
import type { Station } from '../../../db/schema/index.js'

/**
 * Which service answers a typed message, among those that need no database: the features in the engine's order
 * (bot/compose/conversation.ts), each handed the message as the engine reads it (readInput → understanding).
 */
const FEATURES: Feature[] = [
  sosFeature,
  houseWatchFeature,
  stationFeature,
  languageFeature,
  menuFeature,
  smallTalkFeature,
]
const ctx: FeatureContext = {
  links: { liff: (p) => `https://liff.line.me/x/${p}` },
  adminLiffId: 'admin',
  mainMenu: () => ({ items: [] }),
  contactPhone: async () => null,
}
const station: Station = {
  id: '00000000-0000-4000-8000-000000000001',
  code: 'RYG',
  nameTh: 'สถานีตำรวจภูธรเมืองระยอง',
  nameEn: 'Rayong City Police Station',
  addressTh: 'ถนนสุขุมวิท ตำบลท่าประดู่ อำเภอเมืองระยอง จังหวัดระยอง 21000',
  addressEn: 'Sukhumvit Road, Tha Pradu, Mueang Rayong, Rayong 21000',
  phone: '038-611-111',
  phones: [],
  personalDataRetentionDays: 365,
  sosDueMinutes: 10,
  officeHours: {},
  hoursTh: 'เปิดให้บริการตลอด 24 ชั่วโมง',
  hoursEn: 'Open 24 hours',
  servicesTh: 'แจ้งความ',
  servicesEn: 'Police reports',
  landmarks: [],
  latitude: '12.68',
  longitude: '101.27',
  jurisdiction: null,
  lineGroupId: null,
  createdAt: new Date(),
  updatedAt: new Date(),
}

async function answeredBy(text: string, state: FlowState | null = null) {
  const event = { type: 'message', message: { type: 'text', id: '1', text } } as unknown as LineEvent
  const now = new Date()
  const turn = { input: readInput(event), lang: 'th', state, station, now } as unknown as Turn
  for (const f of FEATURES) {
    const result = await f.handle(turn, ctx)
    if (result) {
      return { id: f.id, result }
    }
  }
  return { id: 'fallback', result: undefined }
}

describe('typed messages reach their service', () => {
  it.each([
    ['ช่วยด้วยค่ะ', 'sos'],
    ['ฉุกเฉินครับ', 'sos'],
    ['ช่วยด้วย มีคนตามหลัง', 'sos'],
    ['โดนปล้น', 'sos'],
    ['เกิดอุบัติเหตุ', 'sos'],
    ['มีคนถือมีดอยู่หน้าบ้าน', 'sos'],
    ['help me please', 'sos'],
    ['ข้อมูลสถานี', 'station'],
    ['โรงพักอยู่ไหนครับ', 'station'],
    ['เบอร์โทรสถานีค่ะ', 'station'],
    ['where is the police station', 'station'],
    ['English please', 'language'],
    ['ภาษาไทยค่ะ', 'language'],
    ['เมนู', 'menu'],
    ['มีบริการอะไรบ้างคะ', 'menu'],
    ['what can you do', 'menu'],
    ['สวัสดีครับ', 'small_talk'],
    ['สวัสดีค่ะ', 'small_talk'],
    ['hello', 'small_talk'],
    ['ขอบคุณมากครับ', 'small_talk'],
    ['thanks', 'small_talk'],
    ['ยกเลิก', 'small_talk'],
    ['ปรึกษากฎหมาย', 'fallback'], // the consultation's to answer (it needs the database): not small talk's any more
    ['ฝากบ้านครับ', 'house_watch'], // issue #13: the hand-over to the form
    ['ไม่รับข่าวสาร', 'fallback'], // the households' switch answers it (it needs the database): not "coming soon"
    ['กลับบ้านแล้วครับ', 'fallback'], // house watch exists: no "coming soon" any more
    ['asdfgh', 'fallback'],
    ['กระเป๋าหายเมื่อวาน', 'fallback'], // lost documents' to answer (not in this list): no one here takes it
    ['ยกเลิกบัตรไปแล้ว', 'fallback'], // a story, not "cancel"
  ])('"%s" → %s', async (message, id) => {
    expect((await answeredBy(message)).id).toBe(id)
  })

  it('SOS in the middle of another flow keeps that flow aside, with "continue my report" beside the card', async () => {
    const now = new Date()
    const report: FlowState = {
      flow: 'lost_document',
      step: 'circumstances',
      data: { enc: 'x' },
      expiresAt: new Date(now.getTime() + 3_600_000),
    }
    const { id, result } = await answeredBy('ช่วยด้วยค่ะ', report)
    expect(id).toBe('sos')
    expect(result?.state).toMatchObject({
      flow: 'sos',
      data: { setAside: { flow: 'lost_document', step: 'circumstances' } },
    })
    // The SOS context lasts minutes; the state lives as long as the report would have.
    expect(result?.state?.expiresAt.getTime()).toBe(report.expiresAt.getTime())
    expect(JSON.stringify(result?.messages)).toContain('"data":"a=resume"')
  })
})
