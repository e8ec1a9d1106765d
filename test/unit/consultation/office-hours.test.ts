import { describe, expect, it } from 'vitest'
import { addOfficeMinutes, isOpen, nextOpening, type OfficeCalendar } from '../../../bot/consultation/office-hours.js'
import { DEFAULT_OFFICE_HOURS } from '../../../bot/contracts/consultations.js'

/** A Bangkok wall-clock time as a Date (Thailand is UTC+7 all year). */
const bkk = (iso: string) => new Date(`${iso}+07:00`)

const cal: OfficeCalendar = {
  officeHours: DEFAULT_OFFICE_HOURS, // Monday–Friday 08:30–16:30
  holidays: [{ date: '2026-12-07', nameTh: 'วันหยุดชดเชยวันพ่อแห่งชาติ', nameEn: "Father's Day (substitute)" }],
}

describe('office hours (Asia/Bangkok)', () => {
  it('is open on a weekday inside the period, closed before, after, at weekends and on holidays', () => {
    expect(isOpen(cal, bkk('2026-12-03T08:30:00'))).toBe(true) // Thursday, opening minute
    expect(isOpen(cal, bkk('2026-12-03T16:29:59'))).toBe(true)
    expect(isOpen(cal, bkk('2026-12-03T16:30:00'))).toBe(false)
    expect(isOpen(cal, bkk('2026-12-03T08:29:00'))).toBe(false)
    expect(isOpen(cal, bkk('2026-12-05T10:00:00'))).toBe(false) // Saturday
    expect(isOpen(cal, bkk('2026-12-07T10:00:00'))).toBe(false) // a holiday, a Monday
  })

  it('reads the Bangkok day, not the UTC one (01:00 Bangkok is the previous day in UTC)', () => {
    const night: OfficeCalendar = { officeHours: { '4': [{ from: '00:00', to: '02:00' }] }, holidays: [] }
    expect(isOpen(night, bkk('2026-12-03T01:00:00'))).toBe(true) // Thursday in Bangkok, Wednesday 18:00 UTC
  })

  it('next opening: itself when open; Monday morning from Friday evening; skips a holiday', () => {
    expect(nextOpening(cal, bkk('2026-12-03T10:00:00'))).toEqual(bkk('2026-12-03T10:00:00'))
    expect(nextOpening(cal, bkk('2026-12-03T18:00:00'))).toEqual(bkk('2026-12-04T08:30:00'))
    expect(nextOpening(cal, bkk('2026-12-04T17:00:00'))).toEqual(bkk('2026-12-08T08:30:00')) // Mon 7th is a holiday
  })

  it('counts an SLA in office minutes only', () => {
    expect(addOfficeMinutes(cal, bkk('2026-12-03T09:00:00'), 60)).toEqual(bkk('2026-12-03T10:00:00'))
    // 3 h left on Thursday (13:30–16:30), 1 h on Friday morning.
    expect(addOfficeMinutes(cal, bkk('2026-12-03T13:30:00'), 240)).toEqual(bkk('2026-12-04T09:30:00'))
    // Friday evening: the clock starts on Tuesday (Monday is a holiday).
    expect(addOfficeMinutes(cal, bkk('2026-12-04T20:00:00'), 240)).toEqual(bkk('2026-12-08T12:30:00'))
    expect(addOfficeMinutes(cal, bkk('2026-12-03T09:00:00'), 0)).toEqual(bkk('2026-12-03T09:00:00'))
  })

  it('handles split periods (a lunch break) and a calendar that never opens', () => {
    const lunch: OfficeCalendar = {
      officeHours: {
        '4': [
          { from: '13:00', to: '16:30' },
          { from: '08:30', to: '12:00' },
        ],
      },
      holidays: [],
    }
    expect(isOpen(lunch, bkk('2026-12-03T12:30:00'))).toBe(false)
    expect(nextOpening(lunch, bkk('2026-12-03T12:30:00'))).toEqual(bkk('2026-12-03T13:00:00'))
    expect(addOfficeMinutes(lunch, bkk('2026-12-03T11:30:00'), 60)).toEqual(bkk('2026-12-03T13:30:00'))
    const never: OfficeCalendar = { officeHours: {}, holidays: [] }
    expect(nextOpening(never, bkk('2026-12-03T10:00:00'))).toBeNull()
    expect(addOfficeMinutes(never, bkk('2026-12-03T10:00:00'), 10)).toBeNull()
  })
})
