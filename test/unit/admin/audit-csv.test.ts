import { describe, expect, it } from 'vitest'
import { auditCsv, bangkokDateTime, buddhistDate, csvCell } from '../../../bot/audit/audit.csv.js'
import { encodeAuditCursor } from '../../../bot/audit/audit.service.js'

describe('audit CSV', () => {
  it('Bangkok time whatever the server zone, and the BE date of the Bangkok day', () => {
    const lateUtc = new Date('2026-12-31T20:15:00Z') // already 1 Jan 2027 in Bangkok
    expect(bangkokDateTime(lateUtc)).toBe('2027-01-01 03:15:00')
    expect(buddhistDate(lateUtc)).toBe('01/01/2570')
  })

  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain')
    expect(csvCell('a,b')).toBe('"a,b"')
    expect(csvCell('say "hi"')).toBe('"say ""hi"""')
    expect(csvCell('two\nlines')).toBe('"two\nlines"')
    expect(csvCell('=1+1')).toBe("'=1+1")
    expect(csvCell('+66812345678')).toBe("'+66812345678")
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)")
    expect(csvCell('=HYPERLINK("x")')).toBe('"\'=HYPERLINK(""x"")"')
    expect(csvCell(null)).toBe('')
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"')
    expect(csvCell(42)).toBe('42')
  })

  it('starts with a BOM and ends lines with CRLF', () => {
    const csv = auditCsv([
      {
        id: 7,
        at: new Date('2026-11-26T07:05:03Z'),
        stationId: null,
        officerId: null,
        officerName: 'สมชาย',
        actor: 'officer',
        action: 'case.view',
        entityType: 'case',
        entityId: 'RYG-2569-000001',
        ip: '10.0.0.1',
        userAgent: null,
        details: null,
      },
    ])
    expect(csv.startsWith('\uFEFFid,')).toBe(true)
    expect(csv.endsWith('\r\n')).toBe(true)
    expect(csv.split('\r\n')[1]).toBe(
      // Issue #8: the reference number and the action in Thai and English follow the original columns.
      '7,2026-11-26 14:05:03,26/11/2569,สมชาย,,officer,case.view,case,RYG-2569-000001,10.0.0.1,,,,เปิดดูเรื่อง,Viewed a case',
    )
  })

  it('cursors are opaque base64url', () => {
    expect(encodeAuditCursor(123)).toMatch(/^[A-Za-z0-9_-]+$/)
  })
})
