import { like } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { buddhistYear } from '../../../bot/cases/reference.js'
import { cases } from '../../../db/schema/index.js'
import { validDraft } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

// The station's gap-free yearly sequence under concurrent submissions: 100 at once (PGlite too: about 20 s).
const N = 100
const s = lostDocumentStack({ worker: false })
const { call } = s

const numberOf = (ref: string) => Number(ref.split('-').at(-1))

describe('reference numbers', () => {
  it(`${N} parallel submissions → ${N} distinct, consecutive numbers (RYG-<BE year>-000001 …)`, async () => {
    const year = buddhistYear(new Date())
    const results = await Promise.all(
      Array.from({ length: N }, (_, i) => {
        const user = s.emulator.createUser({ displayName: `ผู้แจ้ง ${i}`, language: 'th' })
        return call('/api/liff/lost-documents', {
          method: 'POST',
          token: s.emulator.issueIdToken(user.userId),
          body: validDraft({ declarantName: `ผู้แจ้ง คนที่${i}` }),
          headers: { 'idempotency-key': `numbering-${i}-0000` },
        })
      }),
    )
    expect(
      results.map((r) => r.status).filter((st) => st !== 201),
      results.find((r) => r.status !== 201)?.text,
    ).toEqual([])
    const refs = results.map((r) => r.json().report.referenceNumber as string)
    expect(new Set(refs).size).toBe(N)
    for (const ref of refs) {
      expect(ref).toMatch(new RegExp(`^RYG-${year}-\\d{6}$`))
    }
    const numbers = refs.map(numberOf).sort((a, b) => a - b)
    expect(numbers).toEqual(Array.from({ length: N }, (_, i) => i + 1))
  }, 180_000)

  it('a rejected (invalid) submission takes no number: the next valid one continues the sequence', async () => {
    const token = s.emulator.issueIdToken(s.emulator.createUser({ displayName: 'x', language: 'th' }).userId)
    const bad = await call('/api/liff/lost-documents', { method: 'POST', token, body: validDraft({ consent: false }) })
    expect(bad.status).toBe(400)
    const good = await call('/api/liff/lost-documents', { method: 'POST', token, body: validDraft() })
    expect(numberOf(good.json().report.referenceNumber)).toBe(N + 1)
    const rows = await s.db.db
      .select({ ref: cases.referenceNumber })
      .from(cases)
      .where(like(cases.referenceNumber, 'RYG-%'))
    expect(rows).toHaveLength(N + 1)
  })
})
