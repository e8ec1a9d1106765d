import { eq } from 'drizzle-orm'
import { notifyCaseChange } from '../../../bot/cases/case-feed.js'
import { createCase } from '../../../bot/cases/cases.service.js'
import { caseEvents, citizens, officers, stations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'

/** The summary an attacker would try: it must show as text, never become an element. */
export const XSS_SUMMARY = '<img src=x onerror=alert(1)>'
const DAY = 86_400_000

export async function stationOf(stack: Stack) {
  const [station] = await stack.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
  if (!station) {
    throw new Error('the seeded RYG station is missing')
  }
  return station
}

/** An officer row for a LINE user the emulator knows (what an admin's approval would create). */
export async function seedOfficer(stack: Stack, role: 'admin' | 'viewer', fullName: string) {
  const station = await stationOf(stack)
  const user = stack.emulator.createUser({ displayName: fullName.split(' ').at(-1) ?? fullName, language: 'th' })
  const [row] = await stack.db.db
    .insert(officers)
    .values({ stationId: station.id, lineUserId: user.userId, displayName: user.displayName, fullName, role })
    .returning()
  if (!row) {
    throw new Error('officer insert returned no row')
  }
  return { user, officer: row }
}

/** Cases of every kind over the last days, one urgent, one overdue with a hostile summary, a citizen message. */
export async function seedCases(stack: Stack) {
  const station = await stationOf(stack)
  const now = Date.now()
  return stack.db.db.transaction(async (tx) => {
    const citizenUser = stack.emulator.createUser({ displayName: 'สมหญิง รักสงบ', language: 'th' })
    const [citizen] = await tx
      .insert(citizens)
      .values({ lineUserId: citizenUser.userId, stationId: station.id, displayName: 'สมหญิง รักสงบ', language: 'th' })
      .returning()
    const at = (daysAgo: number, hours = 0) => new Date(now - daysAgo * DAY - hours * 3_600_000)
    const plain = [
      { kind: 'consultation' as const, summary: 'ปรึกษาเรื่องสัญญาเช่าห้อง', now: at(6) },
      { kind: 'house_watch' as const, summary: 'ฝากบ้าน 20–27 ธ.ค. ซอยยมจินดา 3', now: at(4) },
      { kind: 'lost_document' as const, summary: 'ใบขับขี่, บัตร ATM', now: at(3) },
      { kind: 'consultation' as const, summary: 'ถูกหลอกโอนเงินซื้อของออนไลน์', now: at(2) },
      { kind: 'house_watch' as const, summary: 'ฝากบ้านช่วงปีใหม่ หมู่บ้านเนินพระ', now: at(1) },
    ]
    for (const c of plain) {
      await createCase(tx, { station, citizenId: null, ...c })
    }
    const hostile = await createCase(tx, {
      station,
      kind: 'lost_document',
      citizenId: citizen?.id ?? null,
      summary: XSS_SUMMARY,
      dueAt: at(0, 2),
      now: at(0, 5),
    })
    await tx.insert(caseEvents).values({
      caseId: hostile.id,
      type: 'message_in',
      actorType: 'citizen',
      body: 'บัตรประชาชนหายที่ตลาดบ้านเพ <b>ด่วน</b>',
      createdAt: at(0, 4),
    })
    const urgent = await createCase(tx, {
      station,
      kind: 'sos',
      citizenId: null,
      priority: 'urgent',
      summary: 'ขอความช่วยเหลือด่วน หน้าห้าง PASSIONE',
      location: { latitude: 12.6795, longitude: 101.2601 },
      now: at(0, 1),
    })
    return { hostile, urgent, citizenUser }
  })
}

/** A case filed while the inbox is open: the live stream must bring it in. */
export async function fileLiveCase(stack: Stack) {
  const station = await stationOf(stack)
  return stack.db.db.transaction(async (tx) => {
    const c = await createCase(tx, {
      station,
      kind: 'sos',
      citizenId: null,
      priority: 'urgent',
      summary: 'เหตุทะเลาะวิวาท ถนนสุขุมวิท',
    })
    await notifyCaseChange(tx, c, 'created')
    return c
  })
}
