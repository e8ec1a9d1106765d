import { randomUUID } from 'node:crypto'
import { eq, inArray } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createCase } from '../../../bot/cases/cases.service.js'
import {
  attachments,
  auditLog,
  caseEvents,
  cases,
  conversationStates,
  inboundEvents,
  jobRuns,
  lostDocumentItems,
  lostDocumentReports,
  officerSessions,
  outboundMessages,
  stations,
} from '../../../db/schema/index.js'
import { createRetentionJob } from '../../../jobs/retention.job.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { FULL_ID, insertReport, lineFriend } from '../lost-documents/record-fixtures.js'
import { findPlainText } from './scan.js'

// Issue #9, point 2: the retention job, run with a controllable clock (`now` is the test's, never the wall's).
const DAY = 86_400_000
// Near the wall clock: sessions and approvals made through the API carry real times.
const NOW = new Date(Math.floor(Date.now() / 1000) * 1000)
const ago = (days: number) => new Date(NOW.getTime() - days * DAY)

let s: Stack
let stationId = ''
beforeAll(async () => {
  s = await startStack({ worker: false })
  const [station] = await s.db.db.select().from(stations).where(eq(stations.code, 'RYG'))
  stationId = station?.id ?? ''
})
afterAll(async () => {
  await s?.close()
})

const run = (now = NOW) => s.deps.privacy.retention.run(now)
const ids = <T extends { id: unknown }>(rows: T[]) => rows.map((r) => r.id)

async function inbound(status: 'pending' | 'processed' | 'failed', at: Date, payload: object = {}) {
  const webhookEventId = randomUUID()
  const [row] = await s.db.db
    .insert(inboundEvents)
    .values({
      webhookEventId,
      destination: 'Ubot',
      type: 'message',
      chatKey: `U${'1'.repeat(32)}`,
      occurredAt: at.getTime(),
      payload: {
        type: 'message',
        webhookEventId,
        message: { id: '1', type: 'text', text: 'โทร 0899999999' },
        ...payload,
      },
      status,
      receivedAt: at,
      processedAt: status === 'processed' ? at : null,
    })
    .returning()
  return row?.id ?? 0
}

async function outbound(status: 'pending' | 'delivered' | 'failed', at: Date, purpose = 'conversation') {
  const [row] = await s.db.db
    .insert(outboundMessages)
    .values({
      method: 'push',
      to: `U${'2'.repeat(32)}`,
      messages: [{ type: 'text', text: 'x' }],
      status,
      purpose,
      createdAt: at,
      deliveredAt: status === 'delivered' ? at : null,
    })
    .returning()
  return row?.id ?? ''
}

describe('the retention job (controllable clock)', () => {
  it('deletes processed inbox rows after 7 days, scrubbing older ones it finds still holding words', async () => {
    const old = await inbound('processed', ago(8))
    const oldFailed = await inbound('failed', ago(9))
    const recent = await inbound('processed', ago(6))
    const pendingOld = await inbound('pending', ago(30))
    const report = await run()
    const left = ids(
      await s.db.db
        .select()
        .from(inboundEvents)
        .where(inArray(inboundEvents.id, [old, oldFailed, recent, pendingOld])),
    )
    expect(left.sort()).toEqual([recent, pendingOld].sort())
    const [kept] = await s.db.db.select().from(inboundEvents).where(eq(inboundEvents.id, recent))
    expect(kept?.payload).toMatchObject({ scrubbed: true, message: { id: '1', type: 'text' } })
    expect(JSON.stringify(kept?.payload)).not.toContain('0899999999')
    // A pending event is the pipe's, not retention's: still waiting to be run, words and all.
    const [pending] = await s.db.db.select().from(inboundEvents).where(eq(inboundEvents.id, pendingOld))
    expect(JSON.stringify(pending?.payload)).toContain('0899999999')
    expect(report.inbound_events).toBeGreaterThanOrEqual(2)
  })

  it('deletes delivered and failed outbox rows after 30 days, a PDPA answer once delivered, never a pending one', async () => {
    const old = await outbound('delivered', ago(31))
    const failed = await outbound('failed', ago(40))
    const recent = await outbound('delivered', ago(29))
    const pending = await outbound('pending', ago(40))
    const answer = await outbound('delivered', ago(0), 'privacy-answer')
    const pendingAnswer = await outbound('pending', ago(0), 'privacy-answer')
    await run()
    const left = ids(
      await s.db.db
        .select()
        .from(outboundMessages)
        .where(inArray(outboundMessages.id, [old, failed, recent, pending, answer, pendingAnswer])),
    )
    expect(left.sort()).toEqual([recent, pending, pendingAnswer].sort())
  })

  it('deletes officers sessions a week after they expired or were revoked, and finished conversation state', async () => {
    const officer = await signInOfficer(s.db.db, { role: 'viewer' })
    const mk = async (expiresAt: Date, revokedAt: Date | null = null) =>
      (
        await s.db.db
          .insert(officerSessions)
          .values({ officerId: officer.id, tokenHash: randomUUID(), expiresAt, revokedAt })
          .returning()
      )[0]?.id ?? ''
    const expiredLongAgo = await mk(ago(8))
    const expiredRecently = await mk(ago(6))
    const revoked = await mk(new Date(NOW.getTime() + DAY), ago(10))
    const live = await mk(new Date(NOW.getTime() + DAY))
    const state = (chatKey: string, flow: string | null, expiresAt: Date | null, updatedAt: Date) =>
      s.db.db
        .insert(conversationStates)
        .values({ chatKey, flow, step: flow ? 'x' : null, data: { enc: 'v1.x' }, expiresAt, updatedAt })
    await state('Ufinished', null, null, ago(2))
    await state('Uexpired', 'lost_document', ago(1.5), ago(2))
    await state('Uactive', 'lost_document', new Date(NOW.getTime() + DAY), ago(0.5))
    await state('UfinishedJustNow', null, null, ago(0.1))
    await run()
    const sessions = ids(
      await s.db.db
        .select()
        .from(officerSessions)
        .where(inArray(officerSessions.id, [expiredLongAgo, expiredRecently, revoked, live])),
    )
    expect(sessions.sort()).toEqual([expiredRecently, live].sort())
    const states = (await s.db.db.select().from(conversationStates)).map((r) => r.chatKey)
    expect(states).toEqual(expect.arrayContaining(['Uactive', 'UfinishedJustNow']))
    expect(states).not.toContain('Ufinished')
    expect(states).not.toContain('Uexpired')
  })

  it("purges an ended case's personal data after the station's period, keeping the counts and the public verification", async () => {
    const officer = await signInOfficer(s.db.db, { role: 'duty_officer' })
    const oldOne = await insertReport(s, { lineUserId: lineFriend(s, 'ผู้แจ้ง เก่า').userId })
    const newer = await insertReport(s, { lineUserId: lineFriend(s, 'ผู้แจ้ง ใหม่').userId })
    const open = await insertReport(s, { lineUserId: lineFriend(s, 'ผู้แจ้ง ค้าง').userId })
    const approved = await s.app.inject({
      method: 'POST',
      url: `/api/admin/lost-documents/${oldOne.caseId}/approve`,
      headers: officer.headers,
    })
    expect(approved.statusCode, approved.body).toBe(200)
    await s.db.db
      .insert(caseEvents)
      .values({ caseId: oldOne.caseId, type: 'note', actorType: 'officer', body: `โทรหา ${FULL_ID}` })
    await s.db.db
      .insert(attachments)
      .values({ caseId: oldOne.caseId, contentType: 'image/png', size: 3, bytes: 'AAAA' })
    const sos = await s.db.db.transaction(async (tx) => {
      const [station] = await tx.select().from(stations).where(eq(stations.id, stationId))
      if (!station) {
        throw new Error('no station')
      }
      return createCase(tx, {
        station,
        kind: 'sos',
        citizenId: oldOne.citizenId,
        summary: 'แจ้งเหตุฉุกเฉิน: บ้านเลขที่ 99/9 ซอยลับ',
        location: { latitude: 12.6811, longitude: 101.2811 },
        now: ago(400),
      })
    })
    await s.db.db
      .update(cases)
      .set({ status: 'resolved', resolvedAt: ago(370) })
      .where(eq(cases.id, sos.id))
    await s.db.db
      .update(cases)
      .set({ resolvedAt: ago(366) })
      .where(eq(cases.id, oldOne.caseId))
    await s.db.db
      .update(cases)
      .set({ status: 'rejected', resolvedAt: ago(300) })
      .where(eq(cases.id, newer.caseId))
    const countBefore = await s.db.db.$count(cases)

    const report = await run()
    expect(report.cases).toBe(2)
    const [purged] = await s.db.db.select().from(cases).where(eq(cases.id, oldOne.caseId))
    expect(purged).toMatchObject({ citizenId: null, personalDataPurgedAt: NOW, searchHashes: [], status: 'issued' })
    expect(purged?.referenceNumber).toBe(oldOne.referenceNumber)
    const [report1] = await s.db.db
      .select()
      .from(lostDocumentReports)
      .where(eq(lostDocumentReports.caseId, oldOne.caseId))
    expect(report1).toMatchObject({
      citizenId: null,
      declarantName: null,
      idNumberEnc: null,
      phoneEnc: null,
      address: null,
    })
    expect(report1?.issuedAt).not.toBeNull()
    const items = await s.db.db.select().from(lostDocumentItems).where(eq(lostDocumentItems.caseId, oldOne.caseId))
    expect(items.map((i) => [i.documentType, i.numberEnc])).toEqual([
      ['thai_id_card', null],
      ['bank_book', null],
    ])
    expect(await s.db.db.$count(attachments, eq(attachments.caseId, oldOne.caseId))).toBe(0)
    const events = await s.db.db.select().from(caseEvents).where(eq(caseEvents.caseId, oldOne.caseId))
    expect(events.every((e) => e.body === null && e.bodyEnc === null)).toBe(true)
    const [sosRow] = await s.db.db.select().from(cases).where(eq(cases.id, sos.id))
    expect(sosRow).toMatchObject({ latitude: null, longitude: null, summary: '', citizenId: null })
    // Counts stay: no case row is deleted. The others keep everything.
    expect(await s.db.db.$count(cases)).toBe(countBefore)
    for (const kept of [newer, open]) {
      const [r] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, kept.caseId))
      expect(r?.idNumberEnc).not.toBeNull()
    }
    // Nothing personal of the purged case is left in plain text (the fixture's ID number is only in the others).
    expect((await findPlainText(s.db.db, ['ซอยลับ 99/9', '99/9 ซอยลับ'])).map((h) => h.table)).toEqual([])

    // The QR code on the paper still verifies: number, dates, document types.
    const token = s.deps.lostDocuments.records.tokenFor({
      caseId: oldOne.caseId,
      issuedAt: report1?.issuedAt ?? new Date(),
      verifyTokenHash: report1?.verifyTokenHash ?? '',
    })
    const verify = await s.app.inject({
      method: 'GET',
      url: `/verify/${token}`,
      headers: { accept: 'application/json' },
    })
    expect(verify.statusCode, verify.body).toBe(200)
    expect(verify.json()).toMatchObject({ status: 'valid', referenceNumber: oldOne.referenceNumber })
    expect(verify.body).toContain('thai_id_card')
    // Officers see the case, without personal data to reveal.
    const detail = await s.app.inject({
      method: 'GET',
      url: `/api/admin/cases/${oldOne.caseId}`,
      headers: officer.headers,
    })
    expect(detail.statusCode, detail.body).toBe(200)
    expect(detail.json().case.revealable).toEqual([])

    // A station that shortens its period: the next run takes the rejected report of 300 days ago too.
    await s.db.db.update(stations).set({ personalDataRetentionDays: 180 }).where(eq(stations.id, stationId))
    expect((await run(new Date(NOW.getTime() + DAY))).cases).toBe(1)
    const [open1] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, open.caseId))
    expect(open1?.idNumberEnc).not.toBeNull() // never resolved: never purged
    await s.db.db.update(stations).set({ personalDataRetentionDays: 365 }).where(eq(stations.id, stationId))
  })

  it('encrypts stories stored in plain text before, and audits each run (counts only)', async () => {
    const r = await insertReport(s, { lineUserId: lineFriend(s, 'ผู้แจ้ง เดิม').userId })
    await run()
    const [row] = await s.db.db.select().from(lostDocumentReports).where(eq(lostDocumentReports.caseId, r.caseId))
    expect(row?.circumstances).toBeNull()
    expect(s.deps.cipher.decrypt(row?.circumstancesEnc ?? '')).toBe('ลืมกระเป๋าสตางค์ไว้ที่ร้านค้า')
    const audits = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'privacy.retention'))
    expect(audits.length).toBeGreaterThan(0)
    expect(audits[0]).toMatchObject({ actor: 'system', officerId: null })
  })

  it('the job runs the day once, however many workers ask for it', async () => {
    let runs = 0
    const job = createRetentionJob({
      db: s.db.db,
      retention: {
        run: async () => {
          runs += 1
          return {}
        },
      },
      logger: { info() {} },
      now: () => NOW,
    })
    expect(await job({ runKey: '2027-03-01' })).toBe('done')
    expect(await job({ runKey: '2027-03-01' })).toBe('already-run')
    expect(await job({ runKey: '2027-03-02' })).toBe('done')
    expect(runs).toBe(2)
    expect(await s.db.db.$count(jobRuns)).toBe(2)
  })
})
