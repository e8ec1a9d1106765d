import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { citizens, outboundMessages, stations } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { lineFriend } from '../lost-documents/record-fixtures.js'

// Issue #8, point 8: an approved access request is told in LINE, in the person's language, through the outbox.
let s: Stack
let admin: TestOfficer
beforeAll(async () => {
  s = await startStack()
  admin = await signInOfficer(s.db.db, { role: 'admin' })
})
afterAll(async () => {
  await s?.close()
})

async function askAndDecide(displayName: string, language: 'th' | 'en' | null, decision: 'approve' | 'decline') {
  const user = lineFriend(s, displayName, language ?? 'th')
  if (language) {
    const [station] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
    await s.db.db.insert(citizens).values({ lineUserId: user.userId, stationId: station?.id, language, displayName })
  }
  const asked = await s.app.inject({
    method: 'POST',
    url: '/api/admin/access-requests',
    headers: { authorization: `Bearer ${s.emulator.issueIdToken(user.userId)}` },
    payload: { note: 'งานสอบสวน' },
  })
  expect(asked.statusCode, asked.body).toBe(201)
  const decided = await s.app.inject({
    method: 'POST',
    url: `/api/admin/access-requests/${asked.json().id}/decision`,
    headers: admin.headers,
    payload: decision === 'approve' ? { decision, role: 'duty_officer' } : { decision },
  })
  expect(decided.statusCode, decided.body).toBe(200)
  return user
}

describe('access request approved', () => {
  it('the new officer gets a LINE message in Thai with the role and the link to the officers page', async () => {
    const user = await askAndDecide('ส.ต.ต. ใหม่', null, 'approve')
    const [notice] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    const text = String(notice?.message.text ?? '')
    expect(text).toContain('ได้รับการอนุมัติแล้ว')
    expect(text).toContain('เจ้าหน้าที่เวร')
    expect(text).toContain('https://liff.line.me/emu-admin')
    const [row] = await s.db.db.select().from(outboundMessages).where(eq(outboundMessages.to, user.userId))
    expect(row?.purpose).toBe('access_approved')
  })

  it('in English for someone who uses the OA in English; nothing on a decline', async () => {
    const en = await askAndDecide('Officer New', 'en', 'approve')
    const [notice] = await s.emulator.waitForMessages(en.userId, 1, 15_000)
    expect(String(notice?.message.text ?? '')).toMatch(
      /^Your request for access to .+ was approved \(role: duty officer\)/,
    )
    const declined = await askAndDecide('ผู้ขอ ไม่ผ่าน', null, 'decline')
    expect(await s.db.db.$count(outboundMessages, eq(outboundMessages.to, declined.userId))).toBe(0)
  })
})
