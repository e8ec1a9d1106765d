import { sql } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createAuditLog } from '../../../bot/audit/audit.service.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { client, signedInOfficer, stationId } from './auth.helpers.js'

let stack: Stack
let call: ReturnType<typeof client>
let supervisor: Awaited<ReturnType<typeof signedInOfficer>>

beforeAll(async () => {
  stack = await startStack({ worker: false })
  call = client(stack)
  supervisor = await signedInOfficer(stack, 'supervisor', 'ร.ต.อ. หญิง สมศรี')
  const audit = createAuditLog({ db: stack.db.db })
  const station = await stationId(stack)
  // As the cases side writes them: a view and a reveal, with what and from where (an old purge: 2025-03-10 07:05:03Z = 14:05:03 in Bangkok).
  await stack.db.db.transaction(async (tx) => {
    await audit.record(tx, {
      officer: { officerId: supervisor.officer.id, stationId: station },
      action: 'case.view',
      entityType: 'case',
      entityId: 'RYG-2569-000001',
      ip: '203.0.113.7',
      userAgent: 'Line/14.0',
      details: { fields: ['ชื่อ', 'เบอร์โทร'] },
    })
    await audit.record(tx, {
      officer: { officerId: supervisor.officer.id, stationId: station },
      action: 'case.reveal_id',
      entityType: 'case',
      entityId: 'RYG-2569-000001',
      details: { reason: '=HYPERLINK("http://evil")', field: 'nationalId' },
    })
  })
  await stack.db.db.execute(sql`
    insert into audit_log (at, station_id, actor, action, entity_type, entity_id)
    values ('2025-03-10T07:05:03Z', ${station}, 'system', 'case.purge', 'case', 'RYG-2568-000009')`)
})
afterAll(async () => {
  await stack?.close()
})

describe('browse', () => {
  it('newest first, filtered by action (exact or prefix), entity and officer', async () => {
    const all = await call('/api/admin/audit', { session: supervisor.session })
    expect(all.status, all.text).toBe(200)
    const ids = all.json().items.map((e: { id: number }) => e.id)
    expect(ids).toEqual([...ids].sort((a, b) => b - a))

    const views = await call('/api/admin/audit?action=case.view', { session: supervisor.session })
    expect(views.json().items).toEqual([
      expect.objectContaining({
        action: 'case.view',
        officerId: supervisor.officer.id,
        officerName: 'ร.ต.อ. หญิง สมศรี',
        ip: '203.0.113.7',
        details: { fields: ['ชื่อ', 'เบอร์โทร'] },
      }),
    ])
    const auth = await call('/api/admin/audit?action=auth.*', { session: supervisor.session })
    expect(auth.json().items.map((e: { action: string }) => e.action)).toContain('auth.sign_in')
    expect(auth.json().items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true)

    const byEntity = await call('/api/admin/audit?entityType=case&entityId=RYG-2569-000001', {
      session: supervisor.session,
    })
    expect(byEntity.json().items).toHaveLength(2)
    const byOfficer = await call(`/api/admin/audit?officerId=${supervisor.officer.id}`, { session: supervisor.session })
    expect(byOfficer.json().items.every((e: { officerId: string }) => e.officerId === supervisor.officer.id)).toBe(true)
    const window = await call('/api/admin/audit?from=2025-03-10T00:00:00%2B07:00&to=2025-03-11T00:00:00%2B07:00', {
      session: supervisor.session,
    })
    expect(window.json().items.map((e: { action: string }) => e.action)).toEqual(['case.purge'])
  })

  it('keyset pagination walks every entry once', async () => {
    const seen: number[] = []
    let cursor: string | null = null
    do {
      const q: string = cursor ? `&cursor=${cursor}` : ''
      const page = await call(`/api/admin/audit?limit=2${q}`, { session: supervisor.session })
      expect(page.status, page.text).toBe(200)
      seen.push(...page.json().items.map((e: { id: number }) => e.id))
      cursor = page.json().nextCursor
    } while (cursor)
    const all = await call('/api/admin/audit?limit=200', { session: supervisor.session })
    expect(seen).toEqual(all.json().items.map((e: { id: number }) => e.id))
    expect(new Set(seen).size).toBe(seen.length)
  })

  it('a bad cursor or filter is a 400 with a code', async () => {
    const res = await call('/api/admin/audit?cursor=bm9wZQ', { session: supervisor.session })
    expect(res.status).toBe(400)
    expect(res.json().error.code).toBe('bad_request')
    expect((await call('/api/admin/audit?from=yesterday', { session: supervisor.session })).status).toBe(400)
  })
})

describe('CSV export', () => {
  it('UTF-8 with BOM, Bangkok time and BE date, Thai intact, formulas defused; the export itself is audited', async () => {
    const res = await call('/api/admin/audit.csv?entityType=case', { session: supervisor.session })
    expect(res.status, res.text).toBe(200)
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="audit-\d{4}-\d{2}-\d{2}\.csv"$/)
    // fetch's text() drops a BOM, so look at the bytes.
    const raw = await fetch(`${stack.baseUrl}/api/admin/audit.csv?entityType=case`, {
      headers: { authorization: `Session ${supervisor.session}` },
    })
    expect([...new Uint8Array(await raw.arrayBuffer()).slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = res.text.trimEnd().split('\r\n')
    expect(lines[0]).toBe(
      'id,time (Asia/Bangkok),date (BE),officer,officer_id,actor,action,entity_type,entity_id,ip,user_agent,details,reference,action (TH),action (EN)',
    )
    expect(lines).toHaveLength(4)
    const purge = lines.find((l) => l.includes('case.purge'))
    // An action without a label shows its code in the label columns.
    expect(purge).toMatch(
      /^\d+,2025-03-10 14:05:03,10\/03\/2568,,,system,case\.purge,case,RYG-2568-000009,,,,,case\.purge,case\.purge$/,
    )
    const view = lines.find((l) => l.includes('case.view'))
    expect(view).toContain('ร.ต.อ. หญิง สมศรี')
    expect(view).toContain('"{""fields"":[""ชื่อ"",""เบอร์โทร""]}"')
    const reveal = lines.find((l) => l.includes('case.reveal_id'))
    expect(reveal).toContain('HYPERLINK') // inside the JSON cell, which does not start with '='

    const exported = await call('/api/admin/audit?action=audit.export', { session: supervisor.session })
    expect(exported.json().items[0]).toMatchObject({ officerId: supervisor.officer.id, details: { rows: 3 } })
    expect(exported.json().items).toHaveLength(2)
  })
})

describe('append-only', () => {
  it('the database refuses UPDATE and DELETE, and no route edits the log', async () => {
    await expect(stack.db.db.execute(sql`update audit_log set action = 'x'`)).rejects.toThrow()
    await expect(stack.db.db.execute(sql`delete from audit_log`)).rejects.toThrow()
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const res = await call('/api/admin/audit', { method, session: supervisor.session, body: {} })
      expect(res.status, method).toBe(404)
    }
  })
})
