import { describe, expect, it } from 'vitest'
import { DEFAULT_SHIFTS } from '../../../bot/contracts/house-watch.js'
import { shiftAt } from '../../../bot/house-watch/shifts.js'

const bkk = (iso: string) => new Date(`${iso}+07:00`)

describe('shiftAt: the patrol shift a moment falls in (Bangkok time)', () => {
  it('finds the default three 8-hour shifts', () => {
    expect(shiftAt(DEFAULT_SHIFTS, bkk('2026-12-03T09:15:00'))).toMatchObject({
      shift: { key: 'morning' },
      shiftDate: '2026-12-03',
      from: bkk('2026-12-03T08:00:00'),
      to: bkk('2026-12-03T16:00:00'),
    })
    expect(shiftAt(DEFAULT_SHIFTS, bkk('2026-12-03T23:59:00')).shift.key).toBe('afternoon')
    expect(shiftAt(DEFAULT_SHIFTS, bkk('2026-12-04T00:00:00'))).toMatchObject({
      shift: { key: 'night' },
      shiftDate: '2026-12-04',
    })
  })

  it('gives a shift that runs past midnight the day it started', () => {
    const two = [
      { key: 'day', nameTh: 'กลางวัน', nameEn: 'Day', start: '08:00' },
      { key: 'night', nameTh: 'กลางคืน', nameEn: 'Night', start: '20:00' },
    ]
    expect(shiftAt(two, bkk('2026-12-04T02:00:00'))).toMatchObject({
      shift: { key: 'night' },
      shiftDate: '2026-12-03',
      from: bkk('2026-12-03T20:00:00'),
      to: bkk('2026-12-04T08:00:00'),
    })
    expect(shiftAt(two, bkk('2026-12-04T08:00:00')).shift.key).toBe('day')
  })
})
