import { describe, expect, it } from 'vitest'
import { boundingBox, haversineMeters, rankNearby, retentionOf, retentionSummary } from '../../../bot/cameras/nearby.js'

// Rayong city hall, roughly: the test set sits north, east, south and west of it at known distances.
const LAT = 12.6814
const LNG = 101.2816
const M_LAT = 1 / 111_195.08 // degrees of latitude per metre on the haversine's sphere
const mLng = (m: number) => m / (111_195.08 * Math.cos((LAT * Math.PI) / 180))

function cam(code: string, dNorth: number, dEast: number, retentionDays: number | null = 7) {
  return {
    id: code,
    code,
    name: code,
    ownerType: 'police' as const,
    ownerName: null,
    citizenId: null,
    contactPreference: null,
    latitude: LAT + dNorth * M_LAT,
    longitude: LNG + mLng(dEast),
    directionDeg: null,
    fieldOfViewDeg: null,
    rangeMeters: null,
    covers: null,
    retentionDays,
    liveView: false,
    status: 'active' as const,
  }
}

describe('cameras near a point', () => {
  it('haversine: 1 km north is 1 km; a degree of longitude shrinks with latitude', () => {
    expect(haversineMeters(LAT, LNG, LAT + 1000 * M_LAT, LNG)).toBeCloseTo(1000, 0)
    expect(haversineMeters(LAT, LNG, LAT, LNG + mLng(250))).toBeCloseTo(250, 0)
  })

  it('the bounding box holds the whole circle', () => {
    const box = boundingBox(LAT, LNG, 300)
    expect(haversineMeters(LAT, LNG, box.maxLat, LNG)).toBeGreaterThanOrEqual(299.9)
    expect(haversineMeters(LAT, LNG, LAT, box.maxLng)).toBeGreaterThanOrEqual(299.9)
    expect(haversineMeters(LAT, LNG, LAT, box.minLng)).toBeGreaterThanOrEqual(299.9)
  })

  it('exact order: nearest first, ties by code, outside the radius (box corners) dropped', () => {
    const rows = [
      cam('E-250', 0, 250),
      cam('N-050', 50, 0),
      cam('S-120', -120, 0),
      cam('B-100', 0, -100), // tie with A-100 at 100 m: by code
      cam('A-100', 100, 0),
      cam('CORNER', 250, 250), // inside the box, 354 m away: out
      cam('W-299', 0, -299),
      cam('FAR', 400, 0),
      cam('HERE', 0, 0),
    ]
    const now = new Date('2026-12-03T09:00:00Z')
    const got = rankNearby(rows, LAT, LNG, 300, now, now)
    expect(got.map((c) => c.code)).toEqual(['HERE', 'N-050', 'A-100', 'B-100', 'S-120', 'E-250', 'W-299'])
    expect(got[2]?.distanceMeters).toBeCloseTo(100, 0)
  })

  it('retention: footage of 3 days ago is inside a 7-day recorder, outside a 2-day one, unknown without days', () => {
    const now = new Date('2026-12-03T09:00:00Z')
    const at = new Date('2026-11-30T09:00:00Z')
    expect(retentionOf(7, at, now).state).toBe('inside')
    expect(retentionOf(7, at, now).overwrittenAt?.toISOString()).toBe('2026-12-07T09:00:00.000Z')
    expect(retentionOf(2, at, now).state).toBe('outside')
    expect(retentionOf(null, at, now).state).toBe('unknown')
    const list = rankNearby([cam('A', 0, 10, 7), cam('B', 0, 20, 2), cam('C', 0, 30, null)], LAT, LNG, 300, at, now)
    const s = retentionSummary(list, at, now)
    expect(s.en).toBe('footage of 3 days ago: inside retention for 1 of 3 cameras (retention unknown for 1)')
    expect(s.th).toContain('ภาพเมื่อ 3 วันก่อน')
    expect(s.th).toContain('1 จาก 3 กล้อง')
  })
})
