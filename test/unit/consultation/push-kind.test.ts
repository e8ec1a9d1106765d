import { describe, expect, it } from 'vitest'
import { pushKind } from '../../../bot/dashboard/consultation-stats.js'

// The dashboard's pushes per kind: a push linked to a case counts for its kind; otherwise its purpose decides.
describe('pushKind', () => {
  it('prefers the linked case kind', () => {
    expect(pushKind('case-message', 'consultation')).toBe('consultation')
    expect(pushKind('case-status', 'lost_document')).toBe('lost_document')
  })

  it('maps the purposes the code writes, and the consultation workflow’s own', () => {
    expect(pushKind('case-status', null)).toBe('case')
    expect(pushKind('lost-document-record', null)).toBe('lost_document')
    expect(pushKind('conversation', null)).toBe('chat')
    expect(pushKind('station-alert-urgent', null)).toBe('station_group')
    expect(pushKind('privacy-answer', null)).toBe('privacy')
    expect(pushKind('consultation-rating', null)).toBe('consultation')
    expect(pushKind('something-new', null)).toBe('other')
  })
})
