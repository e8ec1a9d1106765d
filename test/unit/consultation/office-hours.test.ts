import { describe, expect, it } from 'vitest'
import {
  addOfficeMinutes,
  isOpen,
  nextOpening,
  type OfficeCalendar,
  officeMinutesBetween,
} from '../../../bot/consultation/office-hours.js'
import { DEFAULT_OFFICE_HOURS } from '../../../bot/contracts/consultations.js'
import { median } from '../../../bot/dashboard/response-times.js'

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

// The dashboard's response times (issue #12, point 6) in office minutes, as the SLA counts them.
describe('office minutes between two moments', () => {
  it('counts only open time: Friday 16:00 answered Monday 09:00 is 60 minutes', () => {
    expect(officeMinutesBetween(cal, bkk('2026-11-27T16:00:00'), bkk('2026-11-30T09:00:00'))).toBe(60)
    expect(officeMinutesBetween(cal, bkk('2026-12-03T09:00:00'), bkk('2026-12-03T09:20:30'))).toBe(20.5)
  })

  it('skips holidays and closed hours; a wait entirely out of hours is 0; an answer before the question is 0', () => {
    // Friday 4 December 16:00 → Tuesday 8 December 09:00 (Monday 7 is a holiday): 30 + 30.
    expect(officeMinutesBetween(cal, bkk('2026-12-04T16:00:00'), bkk('2026-12-08T09:00:00'))).toBe(60)
    expect(officeMinutesBetween(cal, bkk('2026-12-05T10:00:00'), bkk('2026-12-06T10:00:00'))).toBe(0)
    expect(officeMinutesBetween(cal, bkk('2026-12-03T10:00:00'), bkk('2026-12-03T09:00:00'))).toBe(0)
    expect(
      officeMinutesBetween({ officeHours: {}, holidays: [] }, bkk('2026-12-03T10:00:00'), bkk('2026-12-04T10:00:00')),
    ).toBe(0)
  })

  it('inverts addOfficeMinutes (the SLA due time is exactly its minutes of office time away)', () => {
    const from = bkk('2026-12-04T15:10:00')
    for (const minutes of [5, 80, 240, 1000]) {
      const due = addOfficeMinutes(cal, from, minutes)
      expect(due && officeMinutesBetween(cal, from, due)).toBe(minutes)
    }
  })

  it('periods of a split day (a lunch break) count apart', () => {
    const split: OfficeCalendar = {
      officeHours: {
        '4': [
          { from: '08:30', to: '12:00' },
          { from: '13:00', to: '16:30' },
        ],
      },
      holidays: [],
    }
    expect(officeMinutesBetween(split, bkk('2026-12-03T11:30:00'), bkk('2026-12-03T13:30:00'))).toBe(60)
  })
})

describe('median (as percentile_cont 0.5)', () => {
  it('takes the middle value, the mean of the two middle ones for an even count, null for none', () => {
    expect(median([60, 20, 45])).toBe(45)
    expect(median([20, 60])).toBe(40)
    expect(median([])).toBeNull()
  })
})
