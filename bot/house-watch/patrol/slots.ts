import type { PatrolShift } from '../../contracts/house-watch.js'
import type { ShiftView } from '../../contracts/patrol.js'
import { type ShiftSlot, shiftAt } from '../shifts.js'

const bangkokDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' })

/** The Bangkok calendar date of a moment, YYYY-MM-DD. */
export function bangkokDate(at: Date): string {
  return bangkokDay.format(at)
}

/** The shift `key` that started on Bangkok date `date`; null when the station has no such shift. */
export function slotOf(shifts: readonly PatrolShift[], date: string, key: string): ShiftSlot | null {
  const shift = shifts.find((s) => s.key === key)
  if (!shift) {
    return null
  }
  return shiftAt(shifts, new Date(`${date}T${shift.start}:00+07:00`))
}

export function shiftView(slot: ShiftSlot): ShiftView {
  return {
    key: slot.shift.key,
    nameTh: slot.shift.nameTh,
    nameEn: slot.shift.nameEn,
    date: slot.shiftDate,
    from: slot.from.toISOString(),
    to: slot.to.toISOString(),
  }
}

export const shiftList = (shifts: readonly PatrolShift[]) =>
  shifts.map(({ key, nameTh, nameEn, start }) => ({ key, nameTh, nameEn, start }))
