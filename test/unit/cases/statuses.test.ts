import { describe, expect, it } from 'vitest'
import {
  ALL_STATUSES,
  allowedMoves,
  canMove,
  initialStatus,
  isResolved,
  isTerminal,
  STATUS_LABELS,
  statusesOf,
} from '../../../bot/cases/statuses.js'
import { CASE_KINDS } from '../../../db/schema/index.js'

describe('status moves', () => {
  it.each(CASE_KINDS)('%s: every move leads to a status of the same kind, and every status has labels', (kind) => {
    const statuses = statusesOf(kind)
    expect(statuses).toContain(initialStatus(kind))
    for (const from of statuses) {
      for (const to of allowedMoves(kind, from)) {
        expect(statuses).toContain(to)
      }
      expect(STATUS_LABELS[from]?.th).toBeTruthy()
      expect(STATUS_LABELS[from]?.en).toBeTruthy()
    }
  })

  it('allows the documented moves and no others', () => {
    expect(canMove('lost_document', 'submitted', 'in_review')).toBe(true)
    expect(canMove('lost_document', 'issued', 'revoked')).toBe(true)
    expect(canMove('lost_document', 'rejected', 'in_review')).toBe(false)
    expect(canMove('sos', 'new', 'dispatched')).toBe(true)
    expect(canMove('sos', 'resolved', 'new')).toBe(false)
    expect(canMove('consultation', 'waiting', 'answered')).toBe(false)
    // A status of another kind is never a move.
    expect(canMove('sos', 'new', 'issued')).toBe(false)
    expect(allowedMoves('sos', 'nonsense')).toEqual([])
  })

  it('resolved statuses: terminal ones always, plus answers that can still move (issued, answered)', () => {
    for (const kind of CASE_KINDS) {
      for (const s of statusesOf(kind)) {
        if (isTerminal(kind, s)) {
          expect(isResolved(kind, s), `${kind}/${s}`).toBe(true)
        }
      }
      expect(isResolved(kind, initialStatus(kind))).toBe(false)
    }
    expect(isResolved('lost_document', 'issued')).toBe(true)
    expect(isResolved('consultation', 'answered')).toBe(true)
    expect(isResolved('consultation', 'in_progress')).toBe(false)
  })

  it('ALL_STATUSES lists each status once', () => {
    expect(new Set(ALL_STATUSES).size).toBe(ALL_STATUSES.length)
    expect(ALL_STATUSES).toContain('on_scene')
  })
})
