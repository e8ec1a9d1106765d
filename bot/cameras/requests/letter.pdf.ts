import { formatDay } from '../../contracts/dates.js'
import { newPdfDocument } from '../../pdf/document.js'
import { FONTS, PageWriter } from '../../pdf/layout.js'
import { windowText } from './messages.js'

export type LetterContent = {
  letterNumber: string | null
  station: { nameTh: string; addressTh: string; phone: string }
  /** The agency or owner the letter is addressed to. */
  to: string
  caseReference: string
  camera: { code: string; name: string; covers: string | null; latitude: number; longitude: number }
  windowFrom: Date
  windowTo: Date
  ask: string
  deadlineAt: Date
  signer: { name: string; position: string }
  issuedAt: Date
}

const bangkokYmd = (at: Date) =>
  new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Bangkok',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at)

const SIZE = 14

/**
 * The request letter to an agency, in the layout of a Thai official letter (หนังสือภายนอก): number and the
 * station's address at the top, the date, subject, addressee and reference, the body with first-line indents, the
 * closing and the signature block, the contact line at the foot. A4, Sarabun, Buddhist-Era dates (Asia/Bangkok).
 */
export async function renderRequestLetter(l: LetterContent): Promise<Buffer> {
  const doc = await newPdfDocument({
    size: 'A4',
    margin: 0,
    lang: 'th-TH',
    displayTitle: true,
    info: { Title: `หนังสือขอความอนุเคราะห์ภาพจากกล้องวงจรปิด ${l.letterNumber ?? ''}`.trim(), Author: l.station.nameTh },
  })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  const chunks: Buffer[] = []
  doc.on('data', (c: Buffer) => chunks.push(c))
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  // Thai official margins: 3 cm left, 2 cm right, 2.5 cm top.
  const left = 85
  const right = 595.28 - 57
  const w = new PageWriter(doc, { left, right, top: 60, bottom: 841.89 - 60 })
  const mid = (left + right) / 2
  const style = { size: SIZE }
  const line = SIZE * 1.45

  // The emblem's place (a circle seal stands in for the Garuda of the printed form), centred.
  doc.circle(mid, 92, 30).lineWidth(1).strokeColor('#1A3A6B').stroke()
  w.line('ตร.', mid, 84, { font: 'bold', size: 12, color: '#1A3A6B' }, 'center')
  w.y = 135
  w.line(`ที่ ${l.letterNumber ?? '-'}`, left, w.y, style)
  const addrX = mid + 40
  const addrWidth = right - addrX
  const startY = w.y
  w.paragraph(l.station.nameTh, { size: SIZE }, addrX, addrWidth)
  w.paragraph(l.station.addressTh, { size: SIZE }, addrX, addrWidth)
  w.y = Math.max(w.y, startY + line) + line * 0.5
  w.line(formatDay('th', bangkokYmd(l.issuedAt), 'long'), mid, w.y, style)
  w.y += line * 1.6

  const labelled = (label: string, text: string) => {
    const lw = doc.font('bold').fontSize(SIZE).widthOfString(`${label}  `)
    w.line(label, left, w.y, { font: 'bold', size: SIZE })
    w.paragraph(text, style, left + lw, w.width - lw)
    w.y += line * 0.3
  }
  labelled('เรื่อง', 'ขอความอนุเคราะห์ภาพจากกล้องวงจรปิด')
  labelled('เรียน', l.to)
  labelled('อ้างถึง', `เรื่องเลขที่ ${l.caseReference}`)
  w.y += line * 0.4

  const indent = 60
  const para = (text: string) => {
    // First-line indent: the first line is laid out in a narrower box, the rest at full width.
    const first = w.wrap(text, w.width - indent, style)[0] ?? ''
    w.line(first, left + indent, w.y, style)
    w.y += line
    const rest = text.normalize('NFC').slice(first.length).trimStart()
    if (rest) {
      w.paragraph(rest, style)
    }
    w.y += line * 0.4
  }
  const where = l.camera.covers ? ` ซึ่งบันทึกภาพบริเวณ${l.camera.covers}` : ''
  para(
    `ด้วย${l.station.nameTh} อยู่ระหว่างดำเนินการตามเรื่องเลขที่ ${l.caseReference} และมีความจำเป็นต้องใช้ภาพจากกล้องวงจรปิด ` +
      `"${l.camera.name}" รหัส ${l.camera.code}${where} (พิกัด ${l.camera.latitude.toFixed(5)}, ${l.camera.longitude.toFixed(5)}) ` +
      `ในช่วงเวลา ${windowText('th', l.windowFrom, l.windowTo)} ประกอบการสืบสวน`,
  )
  para(`สิ่งที่ขอความอนุเคราะห์: ${l.ask}`)
  para(
    `จึงเรียนมาเพื่อโปรดพิจารณาให้ความอนุเคราะห์ส่งสำเนาภาพดังกล่าว ภายในวันที่ ${formatDay('th', bangkokYmd(l.deadlineAt), 'long')} ` +
      `ก่อนที่ภาพจะถูกบันทึกทับ โดยภาพจะใช้เพื่อการสืบสวนเรื่องนี้เท่านั้น ขอขอบคุณมา ณ โอกาสนี้`,
  )

  w.y += line
  w.ensure(line * 6)
  const sigX = mid + 20
  w.line('ขอแสดงความนับถือ', sigX, w.y, style, 'center')
  w.y += line * 3
  w.line(`(${l.signer.name})`, sigX, w.y, style, 'center')
  w.y += line
  w.line(l.signer.position, sigX, w.y, style, 'center')

  const foot = 841.89 - 60 - line * 2
  w.line(l.station.nameTh, left, foot, { size: 12 })
  w.line(`โทร. ${l.station.phone}`, left, foot + line * 0.9, { size: 12 })
  doc.end()
  return done
}
