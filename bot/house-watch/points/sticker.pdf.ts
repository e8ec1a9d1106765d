import type { PatrolPointKind } from '../../contracts/house-watch.js'
import { newPdfDocument } from '../../pdf/document.js'
import { FONTS, PageWriter } from '../../pdf/layout.js'
import { drawQr } from '../../pdf/qr.js'

const NAVY = '#1A3A6B'
const RED = '#B71C1C'
const GREY = '#555555'

export type StickerContent = {
  kind: PatrolPointKind
  code: string
  /** The red box's name, or null for a house. */
  nameTh: string | null
  nameEn: string | null
  /** The house watch's case number (a house point). */
  watchNumber: string | null
  station: { nameTh: string; nameEn: string; phone: string }
  qrText: string
}

const TEXT = {
  house: { th: 'ฝากบ้านกับตำรวจ 4.0', en: 'House watch by the police' },
  red_box: { th: 'ตู้แดง 4.0 · จุดตรวจสายตรวจ', en: 'Red box · police patrol point' },
  watchNumber: { th: 'เลขที่ฝากบ้าน', en: 'Watch no.' },
  code: { th: 'รหัสจุดตรวจ', en: 'Point code' },
  patrolTh: 'เจ้าหน้าที่สายตรวจ: สแกนคิวอาร์นี้ด้วยแอป LINE ของสถานี (เมนูเจ้าหน้าที่ › ตรวจจุด) หากสแกนไม่ได้ ให้พิมพ์รหัสจุดตรวจ',
  patrolEn:
    "Patrol officers: scan this QR with the station's LINE app (officers' menu › Check in), or type the point code.",
  ownerTh: 'เจ้าของบ้าน: ติดสติกเกอร์นี้ในที่ที่มองเห็นได้จากถนน ห้ามส่งต่อหรือโพสต์ภาพของสติกเกอร์',
  ownerEn: 'Owner: put this sticker where it can be seen from the road. Do not share it or post a photo of it.',
  boxTh: 'ห้ามแกะ ย้าย หรือทำสำเนาสติกเกอร์นี้ พบความผิดปกติแจ้ง',
  boxEn: 'Do not remove, move or copy this sticker. To report a problem call',
}

/**
 * The QR sticker of a patrol point on an A6 page (a label sheet, or cut from A4): the station, what the point is,
 * the QR at a size a phone reads from an arm's length, the code typed when the camera fails, and short instructions
 * in Thai and English for the patrol and, on a house, for the owner. pdfkit and the lost-document record's layout
 * (Thai tone marks placed right, lines broken between Thai words).
 */
export async function renderSticker(s: StickerContent): Promise<Buffer> {
  const doc = await newPdfDocument({
    size: 'A6',
    margin: 0,
    lang: 'th-TH',
    displayTitle: true,
    // The code and the station only: never an owner's name or address (the sticker faces the road).
    info: { Title: `${TEXT[s.kind].th} ${s.code}`, Author: s.station.nameTh, Creator: s.station.nameEn },
  })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const page = { width: 297.64, height: 419.53 }
  const w = new PageWriter(doc, { left: 18, right: page.width - 18, top: 12, bottom: page.height - 10 })
  const mid = page.width / 2
  const accent = s.kind === 'red_box' ? RED : NAVY

  doc.rect(0, 0, page.width, 50).fill(accent)
  w.line(s.station.nameTh, mid, 9, { font: 'bold', size: 12, color: '#FFFFFF' }, 'center')
  w.line(s.station.nameEn, mid, 28, { size: 8, color: '#FFFFFF' }, 'center')
  w.line(TEXT[s.kind].th, mid, 56, { font: 'bold', size: 13, color: accent }, 'center')
  w.line(TEXT[s.kind].en, mid, 75, { size: 8, color: GREY }, 'center')

  const qr = 150
  drawQr(doc, s.qrText, mid - qr / 2, 90, qr)
  w.y = 90 + qr + 2
  if (s.kind === 'red_box') {
    w.line(s.nameTh ?? s.code, mid, w.y, { font: 'bold', size: 11 }, 'center')
    w.line(s.nameEn ?? '', mid, w.y + 16, { size: 8, color: GREY }, 'center')
  } else {
    w.line(`${TEXT.watchNumber.th} / ${TEXT.watchNumber.en}`, mid, w.y, { size: 8, color: GREY }, 'center')
    w.line(s.watchNumber ?? '', mid, w.y + 11, { font: 'bold', size: 11 }, 'center')
  }
  w.y += 30
  w.line(`${TEXT.code.th} / ${TEXT.code.en}`, mid, w.y, { size: 8, color: GREY }, 'center')
  w.line(s.code, mid, w.y + 10, { font: 'bold', size: 18, color: accent }, 'center')
  w.y += 38
  w.rule(accent, 0.8)
  w.y += 4
  const small = { th: { size: 8.5, lineGap: -1 }, en: { size: 7, color: GREY, lineGap: -2 } }
  w.paragraph(TEXT.patrolTh, small.th)
  w.paragraph(TEXT.patrolEn, small.en)
  w.y += 2
  if (s.kind === 'house') {
    w.paragraph(TEXT.ownerTh, { ...small.th, font: 'bold' })
    w.paragraph(TEXT.ownerEn, small.en)
  } else {
    w.paragraph(`${TEXT.boxTh} ${s.station.phone}`, small.th)
    w.paragraph(`${TEXT.boxEn} ${s.station.phone}.`, small.en)
  }
  doc.end()
  return done
}
