// Generates the sample zone address list (synthetic but plausible): 8,053 houses of เทศบาลนครระยอง in ตำบลท่าประดู่,
// เชิงเนิน, เนินพระ and ปากน้ำ, on the sois of ถนนสุขุมวิท and the town's other roads, each with a pin inside the
// seeded zone polygon. Deterministic (a seeded PRNG): the same file every run.
//   npx tsx bot/households/seed/zone-csv.cli.ts > bot/households/seed/rayong-city-zone.csv
import { writeSync } from 'node:fs'

const ZONE = [
  [101.2673, 12.6919],
  [101.2786, 12.6924],
  [101.2856, 12.6863],
  [101.286, 12.6767],
  [101.2803, 12.6706],
  [101.2708, 12.6706],
  [101.2656, 12.6785],
  [101.2673, 12.6919],
]
const inside = (lng: number, lat: number) => {
  let hit = false
  for (let i = 0, j = ZONE.length - 1; i < ZONE.length; j = i++) {
    const [xi, yi] = ZONE[i] as [number, number]
    const [xj, yj] = ZONE[j] as [number, number]
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) {
      hit = !hit
    }
  }
  return hit
}

let seed = 14_8053
const rand = () => {
  seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
  return seed / 2_147_483_648
}

type Street = { road: string; soi: string | null; moo: string | null; village: string | null; houses: number }
type Tambon = { name: string; box: [number, number, number, number]; streets: Street[] }
const s = (
  road: string,
  soi: string | null,
  houses: number,
  moo: string | null = null,
  village: string | null = null,
) => ({
  road,
  soi,
  moo,
  village,
  houses,
})
const range = (from: number, to: number, step: number) => {
  const out: number[] = []
  for (let i = from; i <= to; i += step) {
    out.push(i)
  }
  return out
}

// Each tambon: its share of the zone (a box inside the polygon) and its streets; house counts add up to 8,053.
const TAMBONS: Tambon[] = [
  {
    name: 'ท่าประดู่',
    box: [101.2656, 12.6815, 101.2765, 12.6924],
    streets: [
      ...range(2, 24, 2).map((n) => s('สุขุมวิท', `สุขุมวิท ${n}`, 95)),
      ...range(1, 6, 1).map((n) => s('ยมจินดา', `ยมจินดา ${n}`, 62)),
      ...range(1, 8, 1).map((n) => s('ท่าประดู่', `ท่าประดู่ ${n}`, 58)),
      s('ตากสินมหาราช', 'ราชชุมพล', 121),
      s('สุขุมวิท', null, 245),
      s('ยมจินดา', null, 113),
    ],
  },
  {
    name: 'เชิงเนิน',
    box: [101.2656, 12.6706, 101.2765, 12.6815],
    streets: [
      ...range(25, 47, 2).map((n) => s('สุขุมวิท', `สุขุมวิท ${n}`, 88)),
      ...range(1, 7, 1).map((n) => s('จันทอุดม', `จันทอุดม ${n}`, 64, '2', 'หมู่บ้านเชิงเนินวิลล์')),
      ...range(1, 5, 1).map((n) => s('ราษฎร์บำรุง', `ราษฎร์บำรุง ${n}`, 71, '3')),
      s('สุขุมวิท', null, 251),
      s('จันทอุดม', null, 120),
    ],
  },
  {
    name: 'เนินพระ',
    box: [101.2765, 12.6815, 101.286, 12.6924],
    streets: [
      ...range(50, 68, 2).map((n) => s('สุขุมวิท', `สุขุมวิท ${n}`, 84)),
      ...range(1, 6, 1).map((n) => s('ตากสินมหาราช', `ตากสินมหาราช ${n}`, 66, '4', 'หมู่บ้านเนินพระการ์เด้นท์')),
      s('ภักดีบำรุง', 'ภักดีบำรุง 1', 97),
      s('สุขุมวิท', null, 197),
      s('ตากสินมหาราช', null, 206),
    ],
  },
  {
    name: 'ปากน้ำ',
    box: [101.2765, 12.6706, 101.286, 12.6815],
    streets: [
      ...range(1, 9, 1).map((n) => s('เลียบชายทะเล', `ปากน้ำ ${n}`, 86)),
      ...range(1, 4, 1).map((n) => s('สุนทรภู่', `สุนทรภู่ ${n}`, 79)),
      s('ชุมพล', 'ชุมพล 2', 112),
      s('เลียบชายทะเล', null, 280),
      s('สุนทรภู่', null, 150),
    ],
  },
]

const total = TAMBONS.reduce((t, tb) => t + tb.streets.reduce((u, st) => u + st.houses, 0), 0)
if (total !== 8053) {
  throw new Error(`the streets add up to ${total}, not 8,053`)
}

const out: string[] = ['house_no,moo,village,soi,road,tambon,municipality,amphoe,postcode,lat,lng']
const quote = (v: string | null) => (v === null ? '' : /[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
for (const tb of TAMBONS) {
  const [w, sth, e, nth] = tb.box
  for (const st of tb.streets) {
    // A soi runs from a point on its road; its houses are numbered along it (odd one side, even the other), with
    // sub-numbers (12/3) where a plot was divided.
    let lat0 = 0
    let lng0 = 0
    do {
      lat0 = sth + rand() * (nth - sth)
      lng0 = w + rand() * (e - w)
    } while (!inside(lng0, lat0))
    const angle = rand() * Math.PI * 2
    let main = 1
    let nextSub = 1
    for (let i = 0; i < st.houses; i++) {
      const divided = rand() < 0.22
      const houseNo = divided ? `${main}/${nextSub++}` : `${main}`
      if (!divided || rand() < 0.4) {
        main += 1 + Math.floor(rand() * 2)
        nextSub = 1
      }
      let lat = lat0 + Math.sin(angle) * i * 0.000025 + (rand() - 0.5) * 0.0002
      let lng = lng0 + Math.cos(angle) * i * 0.000025 + (rand() - 0.5) * 0.0002
      if (!inside(lng, lat)) {
        lat = lat0 + (rand() - 0.5) * 0.0006
        lng = lng0 + (rand() - 0.5) * 0.0006
      }
      out.push(
        [
          houseNo,
          st.moo,
          st.village,
          st.soi,
          `ถนน${st.road}`,
          tb.name,
          'เทศบาลนครระยอง',
          'เมืองระยอง',
          '21000',
          lat.toFixed(6),
          lng.toFixed(6),
        ]
          .map(quote)
          .join(','),
      )
    }
  }
}
writeSync(1, `\uFEFF${out.join('\n')}\n`)
