import { describe, expect, it } from 'vitest'
import { decide } from '../../../bot/lost-documents/policy.js'
import type { DocumentType } from '../../../db/schema/index.js'

const type = (code: string, policy: DocumentType['policy'], reasonEn: string | null = null): DocumentType => ({
  code,
  nameTh: code,
  nameEn: code,
  policy,
  reasonTh: reasonEn ? `เหตุผล ${code}` : null,
  reasonEn,
  hasNumber: true,
  issuers: [],
  sortOrder: 1,
  active: true,
  updatedAt: new Date(),
})
const types = [
  type('id', 'issue_now'),
  type('bank', 'issue_now'),
  type('passport', 'review', 'officer checks'),
  type('plate', 'visit_station', 'come in'),
]

describe('the policy per document type', () => {
  it('all issue_now → issued at once', () => {
    expect(decide([{ documentType: 'id' }, { documentType: 'bank' }], types)).toEqual({ status: 'issued', held: [] })
  })
  it('any visit_station → visit_station, with every held item and its reason', () => {
    const d = decide([{ documentType: 'id' }, { documentType: 'passport' }, { documentType: 'plate' }], types)
    expect(d.status).toBe('visit_station')
    expect(d.held.map((h) => [h.position, h.policy, h.reasonEn])).toEqual([
      [1, 'review', 'officer checks'],
      [2, 'visit_station', 'come in'],
    ])
  })
  it('review without visit_station → submitted (officer review)', () => {
    expect(decide([{ documentType: 'id' }, { documentType: 'passport' }], types).status).toBe('submitted')
  })
  it('an unknown type is never issued without a person looking at it', () => {
    expect(decide([{ documentType: 'ghost' }], types)).toMatchObject({
      status: 'submitted',
      held: [{ policy: 'review' }],
    })
  })
})
