import { describe, expect, it } from 'vitest'
import { messageKind } from '../../../bot/line/message-kind.js'

// The dashboard's pushes per kind: a push linked to a case counts for its kind; otherwise its purpose decides.
describe('messageKind', () => {
  it('prefers the linked case kind', () => {
    expect(messageKind('case-message', 'consultation')).toBe('consultation')
    expect(messageKind('case-status', 'lost_document')).toBe('lost_document')
  })

  it('maps the purposes the code writes, and the consultation workflow’s own', () => {
    expect(messageKind('case-status', null)).toBe('case')
    expect(messageKind('lost-document-record', null)).toBe('lost_document')
    expect(messageKind('conversation', null)).toBe('chat')
    expect(messageKind('station-alert-urgent', null)).toBe('station_group')
    expect(messageKind('privacy-answer', null)).toBe('privacy')
    expect(messageKind('consultation-rating', null)).toBe('consultation')
    expect(messageKind('something-new', null)).toBe('other')
  })
})
