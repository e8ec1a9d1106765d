import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens, outboundMessages, stations } from '../../../db/schema/index.js'
import { th as adminTh } from '../../../liff/admin/src/i18n/th.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { validDraft } from '../../unit/lost-documents/fixtures.js'

// Issue #8, point 8: what the station's LINE group reads agrees with the officers' page and with the citizen.
let s: Stack
beforeAll(async () => {
  s = await startStack()
})
afterAll(async () => {
  await s?.close()
})

describe("the station's LINE group", () => {
  it('the join message points to the menu and section that exist on the officers page', async () => {
    const member = s.emulator.createUser({ displayName: 'ผู้กอง', language: 'th' })
    const group = s.emulator.createGroup({ groupName: 'เวร สภ.เมืองระยอง', memberIds: [member.userId] })
    await s.emulator.joinGroup(group.groupId)
    const [note] = await s.emulator.waitForMessages(group.groupId, 1, 15_000)
    const text = String(note?.message.text ?? '')
    expect(text).toContain(`เมนู "${adminTh['nav.station']}"`)
    expect(text).toContain(`"${adminTh['groups.title']}"`)
    expect(text).not.toContain('"กลุ่ม LINE")')
  })

  it('a report the citizen must bring to the station is announced with that status, not "received"', async () => {
    const groupId = `C${randomUUID().replaceAll('-', '')}`
    const [station] = await s.db.db
      .update(stations)
      .set({ lineGroupId: groupId })
      .where(eq(stations.code, 'RYG'))
      .returning()
    if (!station) {
      throw new Error('no station')
    }
    const caseId = await s.db.db.transaction(async (tx) => {
      const [citizen] = await tx
        .insert(citizens)
        .values({ lineUserId: `U${randomUUID().replaceAll('-', '')}`, stationId: station.id, language: 'th' })
        .returning()
      if (!citizen) {
        throw new Error('no citizen')
      }
      const result = await s.deps.lostDocuments.submit(tx, {
        citizen,
        station,
        draft: validDraft({ items: [{ documentType: 'cheque_book', number: '1234567', issuer: null }] }),
        channel: 'liff',
        idempotencyKey: randomUUID(),
        now: new Date(),
      })
      expect(result.decision?.status).toBe('visit_station')
      return result.caseId
    })
    const alerts = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.to, groupId))
    expect(alerts).toHaveLength(1)
    const card = JSON.stringify(alerts[0]?.messages)
    expect(card).toContain('สถานะ: กรุณามาที่สถานี')
    expect(card).not.toContain('รับเรื่องแล้ว')
    expect(card).toContain(caseId)
  })
})
