import { readFileSync } from 'node:fs'
import { count, eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { auditLog, households, zoneAddresses } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { lostDocumentStack } from '../lost-documents/api-stack.js'
import { householdForm, SMALL_ZONE_CSV } from './fixtures.js'

// Issue #14, point 1 (the officers' side): importing the zone's list (bad rows by line, nothing half-saved, re-import
// updates by key), coverage per tambon and municipality, the audience picker's areas, the audited households list.
const s = lostDocumentStack()
let admin: TestOfficer
let viewer: TestOfficer
beforeAll(async () => {
  admin = await signInOfficer(s.db.db, { role: 'admin' })
  viewer = await signInOfficer(s.db.db, { role: 'viewer' })
})
const importCsv = (csv: string, officer = admin) =>
  s.app.inject({
    method: 'POST',
    url: '/api/admin/zone-addresses/import',
    headers: { ...officer.headers, 'content-type': 'text/csv; charset=utf-8' },
    payload: csv,
  })
const read = async (url: string, officer = viewer) => {
  const res = await s.app.inject({ method: 'GET', url, headers: officer.headers })
  expect(res.statusCode, res.body).toBe(200)
  return res.json()
}
const zoneCount = async () => Number((await s.db.db.select({ n: count() }).from(zoneAddresses))[0]?.n)

describe('officers: zone addresses, coverage, areas, households', () => {
  it('a viewer may not import (403); a bad file saves nothing and names its lines', async () => {
    expect((await importCsv(SMALL_ZONE_CSV, viewer)).statusCode).toBe(403)
    const bad = `${SMALL_ZONE_CSV}\r\n,,,ปากน้ำ 1,,ปากน้ำ,,,,,\r\n5,,,,,ปากน้ำ,,,210,,`
    const res = await importCsv(bad)
    expect(res.statusCode).toBe(400)
    const err = res.json().error
    expect(err.code).toBe('import_failed')
    expect(err.details.problems.map((p: { line: number }) => p.line)).toEqual([7, 8])
    expect(err.messageTh).toContain('ยังไม่ได้บันทึก')
    expect(await zoneCount()).toBe(0)
  })

  it('imports (BOM, CRLF, JSON too), then a re-import updates by key', async () => {
    const first = await importCsv(SMALL_ZONE_CSV)
    expect(first.statusCode, first.body).toBe(200)
    expect(first.json()).toEqual({ rows: 5, inserted: 5, updated: 0, total: 5 })
    const again = await s.app.inject({
      method: 'POST',
      url: '/api/admin/zone-addresses/import',
      headers: admin.headers,
      payload: { csv: SMALL_ZONE_CSV.replace('ซอยเดิม', '').replace('14,,,ยมจินดา 2', '14,,บ้านสวน,ซ.ยมจินดา ๒') },
    })
    expect(again.json()).toEqual({ rows: 5, inserted: 0, updated: 5, total: 5 })
    const [row] = await s.db.db.select().from(zoneAddresses).where(eq(zoneAddresses.houseNo, '14'))
    expect(row?.village).toBe('บ้านสวน')
    const [audit] = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'zone_addresses.import'))
    expect(audit?.details).toMatchObject({ rows: 5 })
  })

  it('coverage: registered out of imported per tambon and municipality, members, LINE users; a later import matches', async () => {
    // Two LINE users in the listed 12/3, one in an unlisted house of ท่าประดู่.
    const a = s.person('บ้าน 12/3')
    const code = (await s.call('/api/liff/household', { method: 'POST', token: a.token, body: householdForm() })).json()
      .household.invite.code
    await s.call('/api/liff/household/join', { method: 'POST', token: s.person('ลูก 12/3').token, body: { code } })
    const unlisted = householdForm({ members: 2, address: { ...householdForm().address, houseNo: '200' } })
    await s.call('/api/liff/household', { method: 'POST', token: s.person('บ้าน 200').token, body: unlisted })
    const cov = await read('/api/admin/households/coverage')
    expect(cov).toMatchObject({ total: 5, registered: 1, households: 2, unmatched: 1, members: 6, lineUsers: 3 })
    expect(cov.bySubdistrict).toEqual([
      {
        municipality: 'เทศบาลนครระยอง',
        subdistrict: 'ท่าประดู่',
        total: 3,
        registered: 1,
        households: 2,
        members: 6,
        lineUsers: 3,
      },
      {
        municipality: 'เทศบาลนครระยอง',
        subdistrict: 'ปากน้ำ',
        total: 2,
        registered: 0,
        households: 0,
        members: 0,
        lineUsers: 0,
      },
    ])
    expect(cov.byMunicipality).toEqual([
      { municipality: 'เทศบาลนครระยอง', total: 5, registered: 1, households: 2, members: 6, lineUsers: 3 },
    ])
    expect(cov.density.reduce((t: number, d: number[]) => t + (d[2] ?? 0), 0)).toBe(2)
    // The list gains house 200: re-importing matches the household already registered there.
    await importCsv(`${SMALL_ZONE_CSV}\r\n200,,,ยมจินดา 2,ถนนยมจินดา,ท่าประดู่,เทศบาลนครระยอง,เมืองระยอง,21000,,`)
    expect(await read('/api/admin/households/coverage')).toMatchObject({ total: 6, registered: 2, unmatched: 0 })
    const [h] = await s.db.db.select().from(households).where(eq(households.members, 2))
    expect(h?.municipality).toBe('เทศบาลนครระยอง')
  })

  it('areas: municipalities → tambons → sois with addresses and households', async () => {
    const areas = await read('/api/admin/households/areas')
    expect(areas.municipalities).toHaveLength(1)
    const m = areas.municipalities[0]
    expect(m.name).toBe('เทศบาลนครระยอง')
    expect(m.subdistricts.map((x: { name: string }) => x.name)).toEqual(['ท่าประดู่', 'ปากน้ำ'])
    expect(m.subdistricts[0]).toMatchObject({ addresses: 4, households: 2 })
    expect(m.subdistricts[0].sois).toEqual([
      { name: 'ยมจินดา 2', addresses: 3, households: 2 },
      { name: 'สุขุมวิท 4', addresses: 1, households: 0 },
    ])
  })

  it('the households list: address and counts, no names; each read audited', async () => {
    const list = await read('/api/admin/households?subdistrict=ท่าประดู่')
    expect(list.total).toBe(2)
    expect(list.households[0]).toMatchObject({ soi: 'ยมจินดา 2', matched: true, source: 'liff' })
    expect(list.households[0].address).toContain('ซ.ยมจินดา 2')
    expect(JSON.stringify(list)).not.toContain('บ้าน 12/3')
    const audits = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'households.list'))
    expect(audits.at(-1)?.details).toMatchObject({ filters: { subdistrict: 'ท่าประดู่' }, shown: 2 })
  })

  it('the sample list: 8,053 addresses imported, coverage counts them', async () => {
    const csv = readFileSync(new URL('../../../bot/households/seed/rayong-city-zone.csv', import.meta.url), 'utf8')
    const res = await importCsv(csv)
    expect(res.statusCode, res.body.slice(0, 500)).toBe(200)
    const out = res.json()
    // The small list's houses that the sample also has are updated, the rest added.
    expect(out.rows).toBe(8053)
    expect(out.inserted + out.updated).toBe(8053)
    expect(out.total).toBe(6 + out.inserted)
    const cov = await read('/api/admin/households/coverage')
    expect(cov.total).toBe(out.total)
    expect(cov.bySubdistrict.map((r: { subdistrict: string }) => r.subdistrict).sort()).toEqual(
      ['ท่าประดู่', 'ปากน้ำ', 'เชิงเนิน', 'เนินพระ'].sort(),
    )
  }, 120_000)
})
