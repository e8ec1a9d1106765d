import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, expect, it } from 'vitest'
import { lostDocumentItems } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { insertReport, lineFriend } from '../lost-documents/record-fixtures.js'

// Issue #8, point 4 (verification on `npm start`): a report sent through the chat showed its documents as
// "เอกสารที่หาย 0: …", "เอกสารที่หาย 1: …": report-write.ts stores positions from 0, the page printed them as they are.
type Section = { id: string; title: { th: string; en: string } }

let s: Stack
let officer: TestOfficer
let report: Awaited<ReturnType<typeof insertReport>>

beforeAll(async () => {
  s = await startStack({ worker: false })
  report = await insertReport(s, { lineUserId: lineFriend(s, 'สมหญิง', 'th').userId })
  // Positions as report-write.ts stores them (0, 1), not as the shared fixture does (1, 2).
  for (const position of [1, 2]) {
    await s.db.db
      .update(lostDocumentItems)
      .set({ position: position - 1 })
      .where(and(eq(lostDocumentItems.caseId, report.caseId), eq(lostDocumentItems.position, position)))
  }
  officer = await signInOfficer(s.db.db, { role: 'admin' })
}, 120_000)
afterAll(async () => {
  await s?.close()
})

it('the lost documents are counted from 1 for officers, and each keeps its own reveal field', async () => {
  const res = await s.app.inject({ method: 'GET', url: `/api/admin/cases/${report.caseId}`, headers: officer.headers })
  expect(res.statusCode, res.body).toBe(200)
  const sections = (res.json().case as { sections: Section[] }).sections.slice(2)
  expect(sections.map((x) => x.title.th)).toEqual(['เอกสารที่หาย 1: บัตรประจำตัวประชาชน', 'เอกสารที่หาย 2: สมุดบัญชีเงินฝาก'])
  expect(sections.map((x) => x.title.en)).toEqual([
    'Lost document 1: Thai national ID card',
    'Lost document 2: Bank passbook',
  ])
  expect(sections.map((x) => x.id)).toEqual(['document_0', 'document_1'])
})
