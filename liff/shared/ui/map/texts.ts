import { type Catalogues, createTranslator } from '../../lib/i18n.js'

// The map's own words, the same in both apps (like the kit's, liff/shared/i18n/kit.ts).
const th = {
  'map.label': 'แผนที่',
  'map.offline.title': 'โหลดภาพแผนที่ไม่ได้',
  'map.offline.body': 'ยังดูตำแหน่งได้จากพิกัดด้านล่าง หรือเปิดในแอปแผนที่',
  'map.coordinates': 'พิกัด',
  'map.distance.fromMe': 'ห่างจากคุณ {distance}',
  'map.distance.fromCentre': 'ห่างจากจุดกลางแผนที่ {distance}',
  'map.open': 'เปิดในแอปแผนที่',
  'map.pick.hint': 'แตะแผนที่หรือลากหมุดไปยังตำแหน่งที่ถูกต้อง',
  'map.pick.none': 'ยังไม่ได้ปักหมุด',
  'map.pick.useMyLocation': 'ใช้ตำแหน่งปัจจุบันของฉัน',
  'map.pick.locating': 'กำลังหาตำแหน่ง…',
  'map.pick.locateFailed': 'หาตำแหน่งไม่ได้ กรุณาเปิดการระบุตำแหน่ง หรือพิมพ์พิกัดแทน',
  'map.pick.enter': 'หรือพิมพ์พิกัด (ละติจูด, ลองจิจูด)',
  'map.pick.enterPlaceholder': 'เช่น 12.681400, 101.281600',
  'map.pick.set': 'ปักหมุดที่พิกัดนี้',
  'map.pick.invalid': 'พิกัดไม่ถูกต้อง ตัวอย่าง: 12.681400, 101.281600',
  'map.kind.house': 'บ้าน',
  'map.kind.red_box': 'ตู้แดง',
  'map.kind.station': 'สถานี',
  'map.kind.me': 'ตำแหน่งของคุณ',
  'map.kind.point': 'จุด',
  'map.pin': 'หมุดที่เลือก',
} as const

export type MapTextKey = keyof typeof th

const en: Record<MapTextKey, string> = {
  'map.label': 'Map',
  'map.offline.title': 'The map images could not load',
  'map.offline.body': 'You can still use the coordinates below, or open the place in a map app.',
  'map.coordinates': 'Coordinates',
  'map.distance.fromMe': '{distance} from you',
  'map.distance.fromCentre': '{distance} from the map centre',
  'map.open': 'Open in a map app',
  'map.pick.hint': 'Tap the map or drag the pin to the right place',
  'map.pick.none': 'No pin set yet',
  'map.pick.useMyLocation': 'Use my current location',
  'map.pick.locating': 'Finding your location…',
  'map.pick.locateFailed': 'Could not find your location. Turn on location, or type the coordinates.',
  'map.pick.enter': 'Or type coordinates (latitude, longitude)',
  'map.pick.enterPlaceholder': 'e.g. 12.681400, 101.281600',
  'map.pick.set': 'Put the pin here',
  'map.pick.invalid': 'Those coordinates are not valid. Example: 12.681400, 101.281600',
  'map.kind.house': 'House',
  'map.kind.red_box': 'Red box',
  'map.kind.station': 'Station',
  'map.kind.me': 'You are here',
  'map.kind.point': 'Point',
  'map.pin': 'Chosen pin',
}

const catalogues: Catalogues<MapTextKey> = { th, en }

export const { t: mapT } = createTranslator(catalogues)
