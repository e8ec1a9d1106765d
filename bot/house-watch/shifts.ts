import type { PatrolShift } from '../contracts/house-watch.js'

// Thailand keeps UTC+7 all year (no daylight saving): Bangkok's wall clock is plain arithmetic, as in
// bot/consultation/office-hours.ts.
const BANGKOK_OFFSET_MS = 7 * 60 * 60 * 1000
const DAY_MS = 24 * 60 * 60 * 1000
const MINUTE_MS = 60 * 1000

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number)
  return (h ?? 0) * 60 + (m ?? 0)
}

/** A shift as it happens on one day: its key, the Bangkok date it started on, and its bounds. */
export type ShiftSlot = { shift: PatrolShift; shiftDate: string; from: Date; to: Date }

/**
 * The shift a moment falls in, for a station's shifts (each lasts until the next one starts; the last runs past
 * midnight into the first of the next day). `shiftDate` is the Bangkok date the shift started on: a visit at 02:00 in
 * a 16:00–08:00 shift belongs to the day before.
 */
export function shiftAt(shifts: readonly PatrolShift[], at: Date): ShiftSlot {
  const sorted = [...shifts].sort((a, b) => minutesOf(a.start) - minutesOf(b.start))
  const first = sorted[0]
  if (!first) {
    throw new Error('a station has at least one shift')
  }
  const bkk = at.getTime() + BANGKOK_OFFSET_MS
  const dayStart = bkk - (((bkk % DAY_MS) + DAY_MS) % DAY_MS)
  // Starts of yesterday's last shift, today's shifts, and tomorrow's first: the moment lies between two of them.
  const last = sorted[sorted.length - 1] ?? first
  const starts = [
    { shift: last, start: dayStart - DAY_MS + minutesOf(last.start) * MINUTE_MS },
    ...sorted.map((shift) => ({ shift, start: dayStart + minutesOf(shift.start) * MINUTE_MS })),
    { shift: first, start: dayStart + DAY_MS + minutesOf(first.start) * MINUTE_MS },
  ]
  let i = 0
  while (i + 1 < starts.length && (starts[i + 1]?.start ?? Number.POSITIVE_INFINITY) <= bkk) {
    i++
  }
  const current = starts[i] ?? starts[0]
  const next = starts[i + 1]
  if (!current || !next) {
    throw new Error('unreachable: a moment always lies between two shift starts')
  }
  return {
    shift: current.shift,
    shiftDate: new Date(current.start).toISOString().slice(0, 10),
    from: new Date(current.start - BANGKOK_OFFSET_MS),
    to: new Date(next.start - BANGKOK_OFFSET_MS),
  }
}
