import { distance } from '@turf/distance'
import type { LatLng } from '../../contracts/house-watch.js'

/** Metres along the ground between two points (Turf: haversine on the WGS 84 mean radius). */
export function metersBetween(a: LatLng, b: LatLng): number {
  return distance([a.lng, a.lat], [b.lng, b.lat], { units: kilometersUnit }) * 1000
}
const kilometersUnit = 'kilometers' as const

/** The length of the walk start → stops[0] → … → stops[n-1] (an open path: the patrol need not come back). */
export function pathLength(start: LatLng, stops: readonly LatLng[]): number {
  let total = 0
  let at = start
  for (const s of stops) {
    total += metersBetween(at, s)
    at = s
  }
  return total
}

/** Nearest neighbour from the start: always the closest stop not yet visited. A good first route, rarely the best. */
export function nearestNeighbour<T extends LatLng>(start: LatLng, stops: readonly T[]): T[] {
  const left = [...stops]
  const route: T[] = []
  let at = start
  while (left.length > 0) {
    let best = 0
    for (let i = 1; i < left.length; i++) {
      if (metersBetween(at, left[i] as T) < metersBetween(at, left[best] as T)) {
        best = i
      }
    }
    const [next] = left.splice(best, 1)
    if (!next) {
      break
    }
    route.push(next)
    at = next
  }
  return route
}

/**
 * 2-opt on an open path with a fixed start: reverse any stretch stops[i..j] when that shortens the walk (it undoes
 * every crossing), until no reversal helps. Edges are (prev → stops[i]) and (stops[j] → stops[j+1]); for j at the
 * end there is no edge after, which is what lets the path's tail turn round. O(n²) a pass: fine for a station's
 * few hundred points.
 */
export function twoOpt<T extends LatLng>(start: LatLng, stops: readonly T[]): T[] {
  const route = [...stops]
  const n = route.length
  const d = (a: LatLng, b: LatLng) => metersBetween(a, b)
  let improved = true
  while (improved) {
    improved = false
    for (let i = 0; i < n - 1; i++) {
      const before = i === 0 ? start : (route[i - 1] as T)
      for (let j = i + 1; j < n; j++) {
        const first = route[i] as T
        const last = route[j] as T
        const after = route[j + 1]
        const now = d(before, first) + (after ? d(last, after) : 0)
        const then = d(before, last) + (after ? d(first, after) : 0)
        // A millimetre's margin: floating-point noise must not flip equal routes back and forth for ever.
        if (then < now - 0.001) {
          route.splice(i, j - i + 1, ...route.slice(i, j + 1).reverse())
          improved = true
        }
      }
    }
  }
  return route
}

/** The patrol's order: nearest neighbour from the station, then 2-opt. */
export function orderRoute<T extends LatLng>(start: LatLng, stops: readonly T[]): T[] {
  return twoOpt(start, nearestNeighbour(start, stops))
}
