import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { addDays, bangkokDay } from '../../../bot/house-watch/lifecycle/days.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { quickLabels } from '../../unit/lost-documents/chat-driver.js'
import { befriend, bkk, caseOf, insertWatch, scheduleAt } from './fixtures-owner.js'

// Issue #13, point 7 in the chat: the end-date question's quick replies handled by the bot (extend by 3 or 7 days,
// home) and "กลับบ้านแล้วค่ะ" typed at any time. The chat runs on the real clock, so the watches end today.
let s: Stack
beforeAll(async () => {
  s = await startStack()
})
afterAll(async () => {
  await s?.close()
})

const today = bangkokDay(new Date())
type Item = { action: { label: string; data: string } }
const itemData = (m: { message: Record<string, unknown> } | undefined, label: string) =>
  (m?.message.quickReply as { items: Item[] } | undefined)?.items.find((i) => i.action.label === label)?.action.data ??
  ''

describe('the end-date question in the chat', () => {
  it('extend by 3, then by 7 from the new end, then home ends it; a late tap changes nothing', async () => {
    const { user, citizen } = await befriend(s, 'สมใจ ขยายเวลา')
    const w = await insertWatch(s, { citizenId: citizen.id, startsOn: addDays(today, -3), endsOn: today })
    await scheduleAt(s, { now: bkk(today, 10) }).tick()
    const [, , question] = await s.emulator.waitForMessages(user.userId, 3)
    expect(quickLabels(question)).toEqual(['กลับบ้านแล้ว', 'ขยาย 3 วัน', 'ขยาย 7 วัน'])

    await s.emulator.sendPostback(user.userId, itemData(question, 'ขยาย 3 วัน'))
    const [, , , extended] = await s.emulator.waitForMessages(user.userId, 4)
    expect(String(extended?.message.text)).toContain(`ขยายเวลาการฝากบ้านเลขที่ ${w.referenceNumber} ถึงวันที่`)
    let row = (await caseOf(s, w.caseId)).w
    expect(row).toMatchObject({ endsOn: addDays(today, 3), extendedCount: 1, endQuestionSentAt: null })

    await s.emulator.sendPostback(user.userId, itemData(question, 'ขยาย 7 วัน'))
    await s.emulator.waitForMessages(user.userId, 5)
    row = (await caseOf(s, w.caseId)).w
    expect(row).toMatchObject({ endsOn: addDays(today, 10), extendedCount: 2 })

    await s.emulator.sendPostback(user.userId, itemData(question, 'กลับบ้านแล้ว'))
    const [, , , , , home] = await s.emulator.waitForMessages(user.userId, 6)
    expect(String(home?.message.text)).toContain('ยินดีต้อนรับกลับบ้าน')
    const ended = await caseOf(s, w.caseId)
    expect(ended.w).toMatchObject({ endReason: 'returned' })
    expect(ended.c?.status).toBe('completed')
    expect(ended.p?.active).toBe(false)

    await s.emulator.sendPostback(user.userId, itemData(question, 'ขยาย 3 วัน'))
    const late = (await s.emulator.waitForMessages(user.userId, 7))[6]
    expect(String(late?.message.text)).toContain('ไม่มีการฝากบ้านที่ยังดูแลอยู่')
    expect((await caseOf(s, w.caseId)).w?.endsOn).toBe(addDays(today, 10))
  })
})

describe('"I\'m home" typed at any time', () => {
  it('"กลับบ้านแล้วค่ะ" ends the running watch before its end date', async () => {
    const { user, citizen } = await befriend(s, 'สมศรี กลับบ้าน')
    const w = await insertWatch(s, { citizenId: citizen.id, startsOn: addDays(today, -2), endsOn: addDays(today, 5) })
    await s.emulator.sendText(user.userId, 'กลับบ้านแล้วค่ะ')
    const [, , answer] = await s.emulator.waitForMessages(user.userId, 3)
    expect(String(answer?.message.text)).toContain(`ยุติการฝากบ้านเลขที่ ${w.referenceNumber} แล้ว`)
    const { c, w: row, p } = await caseOf(s, w.caseId)
    expect(row?.endReason).toBe('returned')
    expect(row?.endedAt).not.toBeNull()
    expect(c?.status).toBe('completed')
    expect(p?.active).toBe(false)
  })
})
