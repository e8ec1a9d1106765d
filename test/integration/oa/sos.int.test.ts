import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { cases, conversationStates, stations } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'

type QuickReply = { items: { action: { type: string; label?: string } }[] }

/** SOS: numbers at once from anywhere; a location in the SOS context → urgent case + the station's group alerted. */
describe('SOS through the LINE emulator', () => {
  let s: Stack
  let groupId: string
  beforeAll(async () => {
    s = await startStack()
    // The officers' group: the bot is invited in, and an admin binds it to the station.
    const officer = s.emulator.createUser({ displayName: 'ร.ต.อ. เวร', language: 'th' })
    const group = s.emulator.createGroup({ groupName: 'ศูนย์วิทยุ สภ.เมืองระยอง', memberIds: [officer.userId] })
    await s.emulator.joinGroup(group.groupId)
    groupId = group.groupId
    await s.db.db.update(stations).set({ lineGroupId: groupId }).where(eq(stations.code, 'RYG'))
  })
  afterAll(async () => {
    await s?.close()
  })

  it('answers "ฉุกเฉิน" at once with call buttons and a "send my location" quick reply', async () => {
    const user = s.emulator.createUser({ displayName: 'สมศรี', language: 'th' })
    await s.emulator.sendText(user.userId, 'ฉุกเฉิน')
    const [msg] = await s.emulator.waitForMessages(user.userId, 1)
    const json = JSON.stringify(msg?.message)
    for (const tel of ['tel:191', 'tel:1669', 'tel:199', 'tel:1155']) {
      expect(json).toContain(tel)
    }
    const items = (msg?.message.quickReply as QuickReply | undefined)?.items ?? []
    expect(items[0]?.action).toEqual({ type: 'location', label: 'ส่งตำแหน่งของฉัน' })
    expect(items.map((i) => i.action.label)).toContain('ข้อมูลสถานี')
  })

  it('does not wait behind another flow: SOS answers from inside it', async () => {
    const user = s.emulator.createUser({ displayName: 'Busy', language: 'en' })
    const expiresAt = new Date(Date.now() + 60 * 60_000)
    await s.db.db
      .insert(conversationStates)
      .values({ chatKey: user.userId, flow: 'lost_document', step: 'items', data: { items: [] }, expiresAt })
    await s.emulator.sendText(user.userId, 'emergency')
    const [msg] = await s.emulator.waitForMessages(user.userId, 1)
    expect(JSON.stringify(msg?.message)).toContain('tel:191')
    const [state] = await s.db.db.select().from(conversationStates).where(eq(conversationStates.chatKey, user.userId))
    expect(state).toMatchObject({ flow: 'sos', step: 'location' })
  })

  it('a location in the SOS context opens an urgent case and alerts the station group within 5 s', async () => {
    const user = s.emulator.createUser({ displayName: 'Tourist Tom', language: 'en' })
    await s.emulator.follow(user.userId) // the greeting (2 messages) sets English from the LINE profile
    await s.emulator.waitForMessages(user.userId, 2)
    await s.emulator.sendText(user.userId, 'SOS')
    await s.emulator.waitForMessages(user.userId, 3)
    const groupBefore = s.emulator.messagesTo(groupId).length

    const started = Date.now()
    await s.emulator.sendLocation(user.userId, { latitude: 12.6736, longitude: 101.2795, title: 'Sri Mueang Park' })
    const [alert] = (await s.emulator.waitForMessages(groupId, groupBefore + 1, 5_000)).slice(groupBefore)
    const elapsed = Date.now() - started
    expect(elapsed, `station alerted after ${elapsed} ms`).toBeLessThan(5_000)
    expect(alert?.message.type).toBe('flex')
    const card = JSON.stringify(alert?.message)
    expect(card).toContain('ด่วน')
    expect(card).toContain('https://www.google.com/maps/search/?api=1&query=12.6736,101.2795')

    const [row] = await s.db.db.select().from(cases).where(eq(cases.kind, 'sos'))
    expect(row).toMatchObject({ kind: 'sos', priority: 'urgent', latitude: 12.6736, longitude: 101.2795 })
    expect(row?.referenceNumber).toMatch(/^RYG-SOS-\d{4}-\d{6}$/)
    expect(card).toContain(row?.referenceNumber)

    // The citizen gets the reference number and what happens next.
    const [reply] = (await s.emulator.waitForMessages(user.userId, 4)).slice(3)
    const text = JSON.stringify(reply?.message)
    expect(text).toContain(row?.referenceNumber)
    expect(text).toContain('call 191 now')
    expect(text).toContain('tel:191')
  })

  it('a second location moves the same case (no second case) and alerts again', async () => {
    const user = s.emulator.createUser({ displayName: 'Moving', language: 'th' })
    await s.emulator.sendText(user.userId, 'ฉุกเฉิน')
    await s.emulator.waitForMessages(user.userId, 1)
    await s.emulator.sendLocation(user.userId, { latitude: 12.68, longitude: 101.28 })
    await s.emulator.waitForMessages(user.userId, 2)
    const before = await s.db.db.select().from(cases).where(eq(cases.kind, 'sos'))
    await s.emulator.sendLocation(user.userId, { latitude: 12.69, longitude: 101.27 })
    const [update] = (await s.emulator.waitForMessages(user.userId, 3)).slice(2)
    expect(update?.message.text).toContain('อัปเดตตำแหน่ง')
    const after = await s.db.db.select().from(cases).where(eq(cases.kind, 'sos'))
    expect(after).toHaveLength(before.length)
    expect(after.find((c) => c.latitude === 12.69)).toBeDefined()
  })

  it('a location outside the SOS context opens no case', async () => {
    const user = s.emulator.createUser({ displayName: 'Map fan', language: 'en' })
    const before = (await s.db.db.select().from(cases)).length
    await s.emulator.sendLocation(user.userId, { latitude: 12.7, longitude: 101.3 })
    await s.emulator.waitForMessages(user.userId, 1)
    expect(await s.db.db.select().from(cases)).toHaveLength(before)
  })
})
