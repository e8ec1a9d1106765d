import type { Language } from '../../../db/schema/index.js'
import { newPdfDocument } from '../../pdf/document.js'
import { FONTS, PageWriter } from '../../pdf/layout.js'
import { drawQr } from '../../pdf/qr.js'
import { ROLE_LABELS, recordDateTime } from './format.js'
import type { LoadedRecord } from './load.js'
import { declarantSection, declarationSection, itemsSection, lossSection, pair } from './pdf-sections.js'
import { LABELS } from './record-text.js'

const NAVY = '#1A3A6B'
const GREY = '#555555'

export type RenderOptions = { lang: Language; verifyUrl: string }

/**
 * The record as an A4 PDF: station header, number and issue date (Buddhist Era, Bangkok), the declarant (ID masked),
 * the items (numbers masked), the loss, the s.137 statement, who issued it, and a QR code to the verification page.
 * `lang` picks which language leads each bilingual label; the declarant's own words are printed as written.
 * pdfkit, not pdf-lib, because only pdfkit places Thai tone marks right (see bot/pdf/layout.ts for what the renders showed).
 */
export async function renderRecordPdf(record: LoadedRecord, opts: RenderOptions): Promise<Buffer> {
  const { case: c, station } = record
  const doc = await newPdfDocument({
    size: 'A4',
    margin: 0,
    bufferPages: true,
    lang: opts.lang === 'th' ? 'th-TH' : 'en-GB',
    displayTitle: true,
    info: {
      // Metadata is visible in every PDF viewer: the number and the station only, never the declarant.
      Title: `${LABELS.title.th} ${c.referenceNumber}`,
      Author: station.nameTh,
      Subject: `${LABELS.title.en} ${c.referenceNumber}`,
      Creator: station.nameEn,
    },
  })
  doc.registerFont('regular', FONTS.regular)
  doc.registerFont('bold', FONTS.bold)
  const done = collect(doc)
  const w = new PageWriter(doc, { left: 48, right: 547, top: 44, bottom: 800 })

  header(w, record)
  titleBlock(w, record, opts)
  declarantSection(w, record, opts.lang)
  itemsSection(w, record.items, opts.lang)
  lossSection(w, record.report, opts.lang)
  declarationSection(w, record.report, opts.lang)
  footer(w, record, opts.lang)
  pageNumbers(w, c.referenceNumber)
  doc.end()
  return done
}

function collect(doc: PDFKit.PDFDocument): Promise<Buffer> {
  const chunks: Buffer[] = []
  doc.on('data', (chunk: Buffer) => chunks.push(chunk))
  return new Promise((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
}

function header(w: PageWriter, { station }: LoadedRecord) {
  const { left } = w.box
  w.line(station.nameTh, left, w.y, { font: 'bold', size: 15, color: NAVY })
  w.y += 22
  w.line(station.nameEn, left, w.y, { size: 10.5, color: NAVY })
  w.y += 16
  w.paragraph(station.addressTh, { size: 8.5, color: GREY, lineGap: -2 })
  w.paragraph(station.addressEn, { size: 8.5, color: GREY, lineGap: -2 })
  w.paragraph(`${LABELS.tel.th} / ${LABELS.tel.en} ${station.phone}`, { size: 8.5, color: GREY, lineGap: -2 })
  w.y += 4
  w.rule(NAVY, 1.2)
  w.y += 12
}

/**
 * Title, number and issue date on the left; the QR code on the right with its URL printed under it, at the top of
 * the first page where a checker looks first (and where a long statement never pushes it to another page).
 */
function titleBlock(w: PageWriter, record: LoadedRecord, opts: RenderOptions) {
  const { left, right } = w.box
  const top = w.y
  const [first, second] = opts.lang === 'th' ? [LABELS.title.th, LABELS.title.en] : [LABELS.title.en, LABELS.title.th]
  const issuedAt = record.report.issuedAt ?? record.case.updatedAt
  w.line(first, left, top, { font: 'bold', size: 18, color: NAVY })
  w.line(second, left, top + 27, { size: 11, color: GREY })
  w.line(`${pair(LABELS.number, opts.lang)}  ${record.case.referenceNumber}`, left, top + 52, {
    font: 'bold',
    size: 12,
  })
  w.line(`${pair(LABELS.issuedAt, opts.lang)}  ${recordDateTime(opts.lang, issuedAt)}`, left, top + 72, { size: 10 })
  const qrSize = 92
  drawQr(w.doc, opts.verifyUrl, right - qrSize, top - 6, qrSize)
  let y = top + qrSize - 4
  w.line(`${LABELS.verify.th} / ${LABELS.verify.en}`, right - qrSize / 2, y, { size: 7, color: GREY }, 'center')
  y += 10
  for (const l of urlLines(w, opts.verifyUrl, 240)) {
    w.line(l, right, y, { size: 7.5, color: NAVY }, 'right')
    y += 10
  }
  w.y = Math.max(top + 96, y) + 6
}

/** The URL on one line when it fits, else broken after "/verify/" so the token stays whole. */
function urlLines(w: PageWriter, url: string, width: number): string[] {
  if (w.wrap(url, width, { size: 7.5 }).length === 1) {
    return [url]
  }
  const cut = url.indexOf('/verify/')
  return cut > 0 ? [url.slice(0, cut + 8), url.slice(cut + 8)] : w.wrap(url, width, { size: 7.5 })
}

/** Who issued it (left) beside the electronic-issue note (right), kept together. */
function footer(w: PageWriter, record: LoadedRecord, lang: Language) {
  const officer = record.officer
  const { left, right } = w.box
  const noteX = left + 250
  const noteWidth = right - noteX
  const note = { th: { size: 8, color: GREY }, en: { size: 7.5, color: GREY } }
  const noteHeight = w.measure(LABELS.note.th, noteWidth, note.th) + w.measure(LABELS.note.en, noteWidth, note.en)
  w.ensure(Math.max(noteHeight, 50) + 16)
  w.y += 8
  const top = w.y
  w.line(pair(LABELS.issuedBy, lang), left, top, { font: 'bold', size: 9.5, color: NAVY })
  w.y = top + 15
  if (officer) {
    w.paragraph(officer.fullName ?? officer.displayName, { font: 'bold', size: 11 }, left, 240)
    const role = ROLE_LABELS[officer.role]
    w.paragraph(`${role.th} / ${role.en}`, { size: 8.5, color: GREY }, left, 240)
  } else {
    w.paragraph(LABELS.electronic.th, { font: 'bold', size: 11 }, left, 240)
    w.paragraph(LABELS.electronic.en, { size: 8.5, color: GREY }, left, 240)
  }
  const leftBottom = w.y
  w.y = top
  w.paragraph(LABELS.note.th, note.th, noteX, noteWidth)
  w.paragraph(LABELS.note.en, note.en, noteX, noteWidth)
  w.y = Math.max(w.y, leftBottom)
}

function pageNumbers(w: PageWriter, number: string) {
  const range = w.doc.bufferedPageRange()
  for (let i = range.start; i < range.start + range.count; i++) {
    w.doc.switchToPage(i)
    const label = `${number} · ${i + 1}/${range.count}`
    w.line(label, w.box.right, 816, { size: 7.5, color: '#888888' }, 'right')
  }
}
