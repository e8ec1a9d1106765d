import { and, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, cases, lostDocumentReports, stations } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { lostDocumentStack } from './api-stack.js'
import { buttonUris, FULL_ID, insertReport, lineFriend } from './record-fixtures.js'

/** The officers' decisions on a report, through the admin API, down to the citizen's LINE chat and the verify page. */
describe('POST /api/admin/lost-documents/:caseId/{approve,reject,request-info,revoke}', () => {
  const s = lostDocumentStack()
  let duty: TestOfficer
  let viewer: TestOfficer
  beforeAll(async () => {
    duty = await signInOfficer(s.db.db, { role: 'duty_officer' })
    viewer = await signInOfficer(s.db.db, { role: 'viewer' })
  })

  const post = (caseId: string, action: string, payload?: object, who: TestOfficer | null = duty) =>
    s.app.inject({
      method: 'POST',
      url: `/api/admin/lost-documents/${caseId}/${action}`,
      headers: who ? who.headers : {},
      ...(payload ? { payload } : {}),
    })
  const verify = async (token: string) =>
    (await s.app.inject({ method: 'GET', url: `/verify/${token}`, headers: { accept: 'application/json' } })).json()
  const statusOf = async (caseId: string) =>
    (await s.db.db.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)))[0]?.status
  const report = async (user = lineFriend(s, 'Citizen')) => ({
    user,
    ...(await insertReport(s, { lineUserId: user.userId })),
  })

  it('approve issues the record with the officer: the card reaches the citizen, the page says VALID (happy)', async () => {
    const r = await report()
    const res = await post(r.caseId, 'approve')
    expect(res.statusCode, res.body).toBe(200)
    const body = res.json()
    expect(body).toMatchObject({ case: { id: r.caseId, status: 'issued' }, notified: true })
    expect(body.record.pdfUrl.th).toContain('lang=th')

    const [row] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, r.caseId))
    expect(row?.issuedBy).toBe(duty.id)
    const [card] = await s.emulator.waitForMessages(r.user.userId, 1, 15_000)
    const verifyUrl = buttonUris(card?.message)[1] ?? ''
    expect(await verify(verifyUrl.split('/verify/')[1] ?? '')).toMatchObject({ status: 'valid' })
    const audits = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.entityId, r.caseId), eq(auditLog.action, 'lost_document.approve')))
    expect(audits[0]).toMatchObject({ officerId: duty.id, actor: 'officer' })
  })

  it('reject sends the reason to the citizen and closes the report', async () => {
    const r = await report()
    const res = await post(r.caseId, 'reject', { reason: 'ข้อมูลบัตรไม่ตรงกับทะเบียนราษฎร' })
    expect(res.statusCode, res.body).toBe(200)
    expect(await statusOf(r.caseId)).toBe('rejected')
    const [msg] = await s.emulator.waitForMessages(r.user.userId, 1, 15_000)
    expect(JSON.stringify(msg?.message)).toContain('ข้อมูลบัตรไม่ตรงกับทะเบียนราษฎร')
    expect(JSON.stringify(msg?.message)).toContain(r.referenceNumber)
    // Rejected is final: no record can follow.
    expect((await post(r.caseId, 'approve')).json().error.code).toBe('invalid_status_move')
  })

  it('request-info asks the question and waits; asking again keeps waiting', async () => {
    const r = await report()
    expect((await post(r.caseId, 'request-info', { question: 'กรุณาส่งรูปบัตรที่ยังเหลืออยู่' })).statusCode).toBe(200)
    expect(await statusOf(r.caseId)).toBe('awaiting_info')
    expect((await post(r.caseId, 'request-info', { question: 'หายที่ชั้นไหนของห้าง' })).statusCode).toBe(200)
    expect(await statusOf(r.caseId)).toBe('awaiting_info')
    const msgs = await s.emulator.waitForMessages(r.user.userId, 2, 15_000)
    expect(JSON.stringify(msgs.map((m) => m.message))).toContain('กรุณาส่งรูปบัตรที่ยังเหลืออยู่')
    expect(JSON.stringify(msgs.map((m) => m.message))).toContain('หายที่ชั้นไหนของห้าง')
    // The answer came: the officer can issue from awaiting_info.
    expect((await post(r.caseId, 'approve')).statusCode).toBe(200)
  })

  it('revoke tells the citizen and turns the page to REVOKED; only an issued record can be revoked', async () => {
    const r = await report()
    expect((await post(r.caseId, 'revoke', { reason: 'ยังไม่ได้ออก' })).json().error.code).toBe('invalid_status_move')
    await post(r.caseId, 'approve')
    const [card] = await s.emulator.waitForMessages(r.user.userId, 1, 15_000)
    const token = (buttonUris(card?.message)[1] ?? '').split('/verify/')[1] ?? ''
    const res = await post(r.caseId, 'revoke', { reason: 'ผู้แจ้งพบเอกสารแล้ว' })
    expect(res.statusCode, res.body).toBe(200)
    expect(await statusOf(r.caseId)).toBe('revoked')
    expect(await verify(token)).toMatchObject({ status: 'revoked', referenceNumber: r.referenceNumber })
    const msgs = await s.emulator.waitForMessages(r.user.userId, 2, 15_000)
    expect(JSON.stringify(msgs[1]?.message)).toContain('ผู้แจ้งพบเอกสารแล้ว')
  })

  it('checks the role, the session, the station and the body (security)', async () => {
    const r = await report()
    for (const [action, payload] of [
      ['approve', undefined],
      ['reject', { reason: 'x' }],
      ['request-info', { question: 'x' }],
      ['revoke', { reason: 'x' }],
    ] as const) {
      expect((await post(r.caseId, action, payload, viewer)).statusCode, action).toBe(403)
      expect((await post(r.caseId, action, payload, null)).statusCode, action).toBe(401)
    }
    expect((await post(r.caseId, 'reject', { reason: '   ' })).statusCode).toBe(400)
    expect((await post(r.caseId, 'reject', { reason: 'x'.repeat(1001) })).statusCode).toBe(400)
    expect((await post('not-a-uuid', 'approve')).statusCode).toBe(400)

    const [other] = await s.db.db
      .insert(stations)
      .values({ code: 'TST', nameTh: 'สถานีทดสอบ', nameEn: 'Test', addressTh: '-', addressEn: '-', phone: '0' })
      .returning({ id: stations.id })
    const outsider = await signInOfficer(s.db.db, { role: 'duty_officer', stationId: other?.id })
    expect((await post(r.caseId, 'approve', undefined, outsider)).statusCode).toBe(404)
    expect(await statusOf(r.caseId)).toBe('submitted')
  })

  it("lets an officer reveal the declarant's national ID through the audited case reveal", async () => {
    const r = await report()
    const detail = await s.app.inject({ method: 'GET', url: `/api/admin/cases/${r.caseId}`, headers: duty.headers })
    expect(detail.statusCode, detail.body).toBe(200)
    expect(detail.json().case.revealable).toEqual(expect.arrayContaining(['nationalId', 'phone', 'documentNumbers']))
    expect(detail.body).not.toContain(FULL_ID)
    const reveal = await s.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${r.caseId}/reveal`,
      headers: duty.headers,
      payload: { field: 'nationalId', reason: 'ตรวจสอบกับทะเบียนราษฎร' },
    })
    expect(reveal.statusCode, reveal.body).toBe(200)
    expect(reveal.json()).toEqual({ value: FULL_ID })
  })
})
