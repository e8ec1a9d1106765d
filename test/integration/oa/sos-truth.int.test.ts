import { mkdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases, citizens, stations } from '../../../db/schema/index.js'
import { hasChromium, launchChromium } from '../../helpers/browser.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { insertReport } from '../lost-documents/record-fixtures.js'

const SHOTS = join(tmpdir(), 'e2e-shots')

type FlexNode = { type?: string; text?: string; wrap?: boolean; contents?: FlexNode[]; [k: string]: unknown }

/** Every text component of a Flex message, depth first. */
function texts(node: unknown): FlexNode[] {
  if (!node || typeof node !== 'object') {
    return []
  }
  const n = node as FlexNode
  const own = n.type === 'text' ? [n] : []
  return [...own, ...Object.values(n).flatMap((v) => (Array.isArray(v) ? v.flatMap(texts) : texts(v)))]
}

/** Issue #8 point 6: the citizen is told the truth, the number fits, the SOS is due soon, the alert says who to call. */
describe('SOS done right', () => {
  let s: Stack
  let browser: Browser | undefined
  const setGroup = (lineGroupId: string | null) =>
    s.db.db.update(stations).set({ lineGroupId }).where(eq(stations.code, 'RYG'))

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    s = await startStack()
  })
  afterAll(async () => {
    await browser?.close()
    await s?.close()
  })

  async function sosWithLocation(userId: string, before: number) {
    await s.emulator.sendText(userId, 'ช่วยด้วยค่ะ')
    await s.emulator.waitForMessages(userId, before + 1)
    await s.emulator.sendLocation(userId, { latitude: 12.6736, longitude: 101.2795, title: 'สวนศรีเมือง' })
    const [reply] = (await s.emulator.waitForMessages(userId, before + 2)).slice(before + 1)
    const [citizen] = await s.db.db.select().from(citizens).where(eq(citizens.lineUserId, userId))
    const [row] = await s.db.db
      .select()
      .from(cases)
      .where(eq(cases.citizenId, citizen?.id ?? ''))
    if (!reply || !row) {
      throw new Error('no SOS reply or case')
    }
    return { reply, row }
  }

  it('no station group bound: says nobody was alerted and to call 191 now, never "the station received it"', async () => {
    await setGroup(null)
    const th = s.emulator.createUser({ displayName: 'ไม่มีกลุ่ม', language: 'th' })
    const { reply, row } = await sosWithLocation(th.userId, 0)
    // Already the emergency card says it: no promise that police will come, call 191.
    const [card] = await s.emulator.waitForMessages(th.userId, 1)
    expect(JSON.stringify(card?.message)).toContain('สถานียังไม่ได้ตั้งกลุ่ม LINE สำหรับรับแจ้งเหตุ')
    expect(JSON.stringify(card?.message)).not.toContain('ต้องการให้ตำรวจไปหา')
    const json = JSON.stringify(reply.message)
    expect(json).toContain('ยังไม่มีผู้รับแจ้ง')
    expect(json).toContain('โทร 191 ตอนนี้')
    expect(json).toContain('tel:191')
    expect(json).not.toContain('ได้รับตำแหน่งของท่านแล้ว')
    expect(json).not.toContain('แจ้งเตือนเจ้าหน้าที่ในกลุ่ม LINE ของสถานีแล้ว')
    expect(json).toContain(row.referenceNumber)

    const en = s.emulator.createUser({ displayName: 'No group', language: 'en' })
    await s.emulator.follow(en.userId) // the greeting (2 messages) sets English from the LINE profile
    await s.emulator.waitForMessages(en.userId, 2)
    await s.emulator.sendText(en.userId, 'help me')
    await s.emulator.waitForMessages(en.userId, 3)
    await s.emulator.sendLocation(en.userId, { latitude: 12.68, longitude: 101.28 })
    const [enReply] = (await s.emulator.waitForMessages(en.userId, 4)).slice(3)
    const enJson = JSON.stringify(enReply?.message)
    expect(enJson).toContain('nobody was alerted')
    expect(enJson).toContain('Call 191 now')
    expect(enJson).not.toContain('were alerted in their LINE group')

    // A second location: still the truth.
    await s.emulator.sendLocation(en.userId, { latitude: 12.69, longitude: 101.27 })
    const [moved] = (await s.emulator.waitForMessages(en.userId, 5)).slice(4)
    expect(moved?.message.text).toContain('no officer was notified')
  })

  it('a group bound: says the station group was alerted; the alert names the citizen and offers a callback', async () => {
    const officer = s.emulator.createUser({ displayName: 'ร.ต.อ. เวร', language: 'th' })
    const group = s.emulator.createGroup({ groupName: 'ศูนย์วิทยุ', memberIds: [officer.userId] })
    await s.emulator.joinGroup(group.groupId)
    await s.emulator.waitForMessages(group.groupId, 1) // the bot's hello to the group
    await setGroup(group.groupId)
    const groupBefore = s.emulator.messagesTo(group.groupId).length

    const user = s.emulator.createUser({ displayName: 'สมศรี ขอความช่วยเหลือ', language: 'th' })
    await s.emulator.follow(user.userId) // the OA learns the LINE name from the profile
    await s.emulator.waitForMessages(user.userId, 2)
    const { reply, row } = await sosWithLocation(user.userId, 2)
    const [sosCard] = (await s.emulator.waitForMessages(user.userId, 3)).slice(2)
    expect(JSON.stringify(sosCard?.message)).toContain('ต้องการให้ตำรวจไปหา')
    const json = JSON.stringify(reply.message)
    expect(json).toContain('แจ้งเตือนเจ้าหน้าที่ในกลุ่ม LINE ของสถานีแล้ว')
    expect(json).not.toContain('ยังไม่มีผู้รับแจ้ง')

    const [alert] = (await s.emulator.waitForMessages(group.groupId, groupBefore + 1)).slice(groupBefore)
    const card = JSON.stringify(alert?.message)
    expect(card).toContain('ผู้แจ้ง (ชื่อ LINE): สมศรี ขอความช่วยเหลือ')
    const liff = s.deps.config.line.liffIdAdmin
    expect(card).toContain(`https://liff.line.me/${liff}/cases/${row.id}?reply=1`)
    expect(card).toContain('ติดต่อกลับทาง LINE')
    // No phone was given: no call button for one.
    expect(card).not.toContain('โทรหาผู้แจ้ง')
  })

  it('the alert offers a call to the phone number the citizen gave the station (their lost-document report)', async () => {
    const [station] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
    const groupId = station?.lineGroupId ?? ''
    expect(groupId).not.toBe('')
    const user = s.emulator.createUser({ displayName: 'มีเบอร์', language: 'th' })
    await s.emulator.follow(user.userId)
    await s.emulator.waitForMessages(user.userId, 2)
    await insertReport(s, { lineUserId: user.userId }) // its phone: 0812345678, encrypted
    const groupBefore = s.emulator.messagesTo(groupId).length
    await sosWithLocation(user.userId, 2)
    const [alert] = (await s.emulator.waitForMessages(groupId, groupBefore + 1)).slice(groupBefore)
    const card = JSON.stringify(alert?.message)
    expect(card).toContain('ผู้แจ้ง (ชื่อ LINE): มีเบอร์')
    expect(card).toContain('โทรศัพท์: 081-234-5678')
    expect(card).toContain('"uri":"tel:0812345678"')
    expect(card).toContain('โทรหาผู้แจ้ง')
  })

  it("is due within the station's SOS time (a station setting, 10 minutes by default)", async () => {
    await s.db.db.update(stations).set({ sosDueMinutes: 7 }).where(eq(stations.code, 'RYG'))
    const user = s.emulator.createUser({ displayName: 'Due soon', language: 'en' })
    const { row } = await sosWithLocation(user.userId, 0)
    expect(row.dueAt).not.toBeNull()
    expect((row.dueAt?.getTime() ?? 0) - row.createdAt.getTime()).toBe(7 * 60_000)
    await s.db.db.update(stations).set({ sosDueMinutes: 10 }).where(eq(stations.code, 'RYG'))
  })

  it('puts the case number in a text of its own that wraps rather than being cut (Flex JSON)', async () => {
    const user = s.emulator.createUser({ displayName: 'Card', language: 'th' })
    const { reply, row } = await sosWithLocation(user.userId, 0)
    const own = texts(reply.message).find((t) => t.text === row.referenceNumber)
    expect(own, 'the number is a text component of its own').toBeDefined()
    expect(own?.wrap).toBe(true)
    // Nothing else on the card carries the number in a text that could cut it.
    for (const t of texts(reply.message)) {
      if (t.text?.includes(row.referenceNumber)) {
        expect(t.wrap).toBe(true)
      }
    }
  })

  it.skipIf(!hasChromium)('shows the whole number on a 390 px phone in the simulator', async () => {
    browser = await launchChromium()
    const user = s.emulator.createUser({ displayName: 'มือถือ', language: 'th' })
    const page = await browser.newPage({ viewport: { width: 390, height: 844 } })
    await page.goto(`${s.emulator.url}/emulator#chat=${user.userId}`)
    await page.getByTestId('message-input').waitFor()
    const { row } = await sosWithLocation(user.userId, 0)
    const ref = page.locator('.fx-text', { hasText: row.referenceNumber }).last()
    await ref.waitFor()
    // The simulator re-renders the whole timeline on every update: find, scroll and measure the
    // number in one step inside the page, so a re-render cannot detach it in between.
    // Lines the number takes: the distinct tops of its rendered text boxes.
    const box = (await page.evaluate(`(() => {
      const el = [...document.querySelectorAll('.fx-text')].filter((e) => e.textContent.includes(${JSON.stringify(row.referenceNumber)})).at(-1)
      el.scrollIntoView({ block: 'center' })
      const range = document.createRange()
      range.selectNodeContents(el)
      const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)))
      return { text: el.textContent, scroll: el.scrollWidth, client: el.clientWidth, lines: lines.size }
    })()`)) as { text: string; scroll: number; client: number; lines: number }
    await page.screenshot({ path: join(SHOTS, 'sos-card-390.png') })
    expect(box.text).toBe(row.referenceNumber)
    expect(box.scroll).toBeLessThanOrEqual(box.client)
    expect(box.lines, 'the number on one line').toBe(1)
  })
})
