import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AUDIT_ACTION_LABELS } from '../../../bot/audit/action-labels.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { insertReport, lineFriend } from '../lost-documents/record-fixtures.js'

// Issue #8, point 8: the audit log names cases by their reference number and says what each action means, on the
// page's API and in the CSV.
let s: Stack
let supervisor: TestOfficer
let report: Awaited<ReturnType<typeof insertReport>>
beforeAll(async () => {
  s = await startStack({ worker: false })
  supervisor = await signInOfficer(s.db.db, { role: 'supervisor' })
  report = await insertReport(s, { lineUserId: lineFriend(s, 'ผู้แจ้ง ตรวจบันทึก').userId })
  const viewed = await s.app.inject({
    method: 'GET',
    url: `/api/admin/cases/${report.caseId}`,
    headers: supervisor.headers,
  })
  expect(viewed.statusCode, viewed.body).toBe(200)
  const approved = await s.app.inject({
    method: 'POST',
    url: `/api/admin/lost-documents/${report.caseId}/approve`,
    headers: supervisor.headers,
  })
  expect(approved.statusCode, approved.body).toBe(200)
})
afterAll(async () => {
  await s?.close()
})

describe('audit log: reference numbers and translated actions', () => {
  it('the API gives each case entry its RYG number and each action its Thai and English meaning', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/admin/audit?entityId=${report.referenceNumber}`,
      headers: supervisor.headers,
    })
    expect(res.statusCode, res.body).toBe(200)
    const items = res.json().items as {
      action: string
      entityId: string
      entityRef: string | null
      actionLabel: { th: string; en: string } | null
    }[]
    expect(items.length).toBeGreaterThanOrEqual(2)
    expect(items.every((e) => e.entityId === report.caseId && e.entityRef === report.referenceNumber)).toBe(true)
    expect(items.find((e) => e.action === 'case.view')?.actionLabel).toEqual({ th: 'เปิดดูเรื่อง', en: 'Viewed a case' })
    for (const e of items) {
      expect(e.actionLabel, e.action).not.toBeNull()
    }
    expect(AUDIT_ACTION_LABELS['lost_document.pdf_download']?.th).toBe('ดาวน์โหลดบันทึก (PDF)')
  })

  it('the CSV carries the reference number and the actions in Thai and English', async () => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/admin/audit.csv?entityId=${report.referenceNumber}`,
      headers: supervisor.headers,
    })
    expect(res.statusCode, res.body).toBe(200)
    const lines = res.body
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
    expect(lines[0]?.endsWith(',reference,action (TH),action (EN)')).toBe(true)
    const view = lines.find((l) => l.includes(',case.view,'))
    expect(view).toMatch(new RegExp(`,${report.referenceNumber},เปิดดูเรื่อง,Viewed a case$`))
  })

  it('every action the code writes has words', async () => {
    const { readFileSync, readdirSync } = await import('node:fs')
    const { join } = await import('node:path')
    const files = (readdirSync('bot', { recursive: true }) as string[]).filter((f) => f.endsWith('.ts'))
    const written = new Set<string>()
    for (const f of files) {
      const text = readFileSync(join('bot', f), 'utf8')
      for (const m of text.matchAll(/(?:action: |byOfficer\(\w+, )'([a-z_]+\.[a-z_]+)'/g)) {
        written.add(m[1] as string)
      }
    }
    expect(written.size).toBeGreaterThan(10)
    expect([...written].filter((a) => !AUDIT_ACTION_LABELS[a])).toEqual([])
  })
})
