import { describe, expect, it } from 'vitest'
import {
  metersBetween,
  nearestNeighbour,
  orderRoute,
  pathLength,
  twoOpt,
} from '../../../bot/house-watch/patrol/route.js'

// Issue #13, point 4: the patrol list is ordered into a sensible route from the station.
const station = { lat: 12.68, lng: 101.28 }
const p = (id: string, lat: number, lng: number) => ({ id, lat, lng })

/** The shortest open walk from the station, by trying every order (small sets only). */
function optimum(stops: { lat: number; lng: number }[]): number {
  const orders = (xs: typeof stops): (typeof stops)[] =>
    xs.length <= 1 ? [xs] : xs.flatMap((x, i) => orders([...xs.slice(0, i), ...xs.slice(i + 1)]).map((r) => [x, ...r]))
  return Math.min(...orders(stops).map((o) => pathLength(station, o)))
}

describe('patrol route', () => {
  it('measures metres like Turf', () => {
    expect(metersBetween(station, { lat: 12.69, lng: 101.28 })).toBeCloseTo(1111.95, 0)
  })

  it('2-opt undoes a crossing: the path gets shorter and no longer crosses itself', () => {
    // A square walked corner to opposite corner: start → A → C → B → D crosses at the centre.
    const a = p('A', 12.69, 101.28)
    const b = p('B', 12.69, 101.29)
    const c = p('C', 12.7, 101.28)
    const d = p('D', 12.7, 101.29)
    const zigzag = [a, d, c, b]
    const improved = twoOpt(station, zigzag)
    expect(pathLength(station, improved)).toBeLessThan(pathLength(station, zigzag) - 100)
    expect(improved.map((x) => x.id)).toEqual(['A', 'B', 'D', 'C'])
  })

  it('improves on nearest neighbour where greed leaves a long way back', () => {
    // Points on a line either side of the station: greed goes right a little, then all the way left, then right.
    const stops = [
      p('R1', 12.68, 101.2805),
      p('L1', 12.68, 101.2794),
      p('L2', 12.68, 101.275),
      p('R2', 12.68, 101.2852),
    ]
    const greedy = nearestNeighbour(station, stops)
    const best = orderRoute(station, stops)
    expect(greedy.map((x) => x.id)).toEqual(['R1', 'L1', 'L2', 'R2'])
    expect(pathLength(station, best)).toBeLessThan(pathLength(station, greedy) - 50)
    expect(pathLength(station, best)).toBeCloseTo(optimum(stops), 3)
    expect([...best.map((x) => x.id)].sort()).toEqual(['L1', 'L2', 'R1', 'R2'])
  })

  it('finds the shortest walk on small scattered sets (checked against every order)', () => {
    let seed = 7
    const rand = () => {
      seed = (seed * 16807) % 2147483647
      return seed / 2147483647
    }
    for (let round = 0; round < 5; round++) {
      const stops = Array.from({ length: 6 }, (_, i) => p(`S${i}`, 12.66 + rand() * 0.04, 101.26 + rand() * 0.04))
      // 2-opt is a heuristic: it may stop in a local optimum; within 10 % of the best order is the promise.
      expect(pathLength(station, orderRoute(station, stops))).toBeLessThanOrEqual(optimum(stops) * 1.1)
    }
  })

  it('keeps the start fixed and handles none, one and two stops', () => {
    expect(orderRoute(station, [])).toEqual([])
    expect(orderRoute(station, [p('A', 12.7, 101.3)]).map((x) => x.id)).toEqual(['A'])
    const far = p('far', 12.75, 101.28)
    const near = p('near', 12.681, 101.28)
    expect(orderRoute(station, [far, near]).map((x) => x.id)).toEqual(['near', 'far'])
  })
})
