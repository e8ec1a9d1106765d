import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { lostDocumentReports } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { lostDocumentStack } from './api-stack.js'
import { buttonUris, insertReport, lineFriend } from './record-fixtures.js'

/** The inbox's generic status change on a lost-document case does what the review routes do. */
describe('POST /api/admin/cases/:id/status on a lost-document report', () => {
  const s = lostDocumentStack()
  let duty: TestOfficer
  beforeAll(async () => {
    duty = await signInOfficer(s.db.db, { role: 'duty_officer' })
  })

  const status = (caseId: string, payload: object) =>
    s.app.inject({ method: 'POST', url: `/api/admin/cases/${caseId}/status`, headers: duty.headers, payload })
  const verify = async (token: string) =>
    (await s.app.inject({ method: 'GET', url: `/verify/${token}`, headers: { accept: 'application/json' } })).json()

  it('→ issued makes a real record: verification token, PDF link, VALID page', async () => {
    const user = lineFriend(s, 'Inbox citizen')
    const r = await insertReport(s, { lineUserId: user.userId })
    const res = await status(r.caseId, { status: 'issued' })
    expect(res.statusCode, res.body).toBe(200)
    const [row] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, r.caseId))
    expect(row?.verifyTokenHash).toBeTruthy()
    expect(row?.issuedBy).toBe(duty.id)
    const [card] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    const verifyUrl = buttonUris(card?.message)[1] ?? ''
    expect(await verify(verifyUrl.split('/verify/')[1] ?? '')).toMatchObject({ status: 'valid' })

    // → revoked needs a reason, then the page says REVOKED.
    expect((await status(r.caseId, { status: 'revoked' })).statusCode).toBe(400)
    expect((await status(r.caseId, { status: 'revoked', message: 'ผู้แจ้งพบเอกสารแล้ว' })).statusCode).toBe(200)
    expect(await verify(verifyUrl.split('/verify/')[1] ?? '')).toMatchObject({ status: 'revoked' })
  })

  it('→ rejected needs a reason for the citizen', async () => {
    const user = lineFriend(s, 'Reject citizen')
    const r = await insertReport(s, { lineUserId: user.userId })
    const bad = await status(r.caseId, { status: 'rejected' })
    expect(bad.statusCode).toBe(400)
    expect(bad.json().error.code).toBe('bad_request')
    expect((await status(r.caseId, { status: 'rejected', message: 'ข้อมูลไม่ครบ' })).statusCode).toBe(200)
    const [msg] = await s.emulator.waitForMessages(user.userId, 1, 15_000)
    expect(JSON.stringify(msg?.message)).toContain('ข้อมูลไม่ครบ')
  })
})
