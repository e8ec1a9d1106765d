import type { Language, LostDocumentReport } from '../../../db/schema/index.js'
import type { PageWriter } from '../../pdf/layout.js'
import { maskIdNumber, maskNumber } from '../../privacy/mask.js'
import { formatAddress, ID_TYPE_LABELS, recordDate, recordDateTime } from './format.js'
import type { LoadedRecord, RecordItem } from './load.js'
import { type Bilingual, LABELS, S137_EN, S137_TH } from './record-text.js'

const NAVY = '#1A3A6B'
const GREY = '#555555'
const LABEL_WIDTH = 138

/** "เลขที่ / No." with the chosen language first. */
export function pair(label: Bilingual, lang: Language): string {
  return lang === 'th' ? `${label.th} / ${label.en}` : `${label.en} / ${label.th}`
}

/** A section title, kept on the page with at least `keep` points of what follows. */
function heading(w: PageWriter, label: Bilingual, lang: Language, keep = 40) {
  w.ensure(keep + 26)
  w.y += 4
  w.line(pair(label, lang), w.box.left, w.y, { font: 'bold', size: 11.5, color: NAVY })
  w.y += 17
  w.rule('#C8D0DC', 0.6)
  w.y += 5
}

/** The label in both languages (side by side when they fit, else stacked) beside a wrapped value. */
function field(w: PageWriter, label: Bilingual, value: string, lang: Language) {
  const [first, second] = lang === 'th' ? [label.th, label.en] : [label.en, label.th]
  const x = w.box.left + LABEL_WIDTH + 8
  const width = w.box.right - x
  const valueStyle = { size: 10 }
  const firstWidth = w.wrap(first, LABEL_WIDTH, { font: 'bold', size: 9.5 }).length === 1
  const inline = firstWidth && w.measure(`${first}    ${second}`, LABEL_WIDTH, { font: 'bold', size: 9.5 }) < 16
  const labelHeight = inline ? 15 : 26
  const height = Math.max(w.measure(value, width, valueStyle), labelHeight)
  // A short row stays on one page; a long one (circumstances) starts here and flows on.
  w.ensure(Math.min(height, 72) + 3)
  const top = w.y
  const page = w.doc.page
  w.line(first, w.box.left, top, { font: 'bold', size: 9.5 })
  if (inline) {
    w.line(second, w.box.left + LABEL_WIDTH, top + 2, { size: 7.5, color: GREY }, 'right')
  } else {
    w.line(second, w.box.left, top + 13, { size: 7.5, color: GREY })
  }
  w.paragraph(value, valueStyle, x, width)
  w.y = (w.doc.page === page ? Math.max(w.y, top + labelHeight) : w.y) + 3
}

export function declarantSection(w: PageWriter, { report }: LoadedRecord, lang: Language) {
  heading(w, LABELS.declarant, lang)
  field(w, LABELS.name, report.declarantName, lang)
  const idType = ID_TYPE_LABELS[report.idType] ?? { th: report.idType, en: report.idType }
  field(w, LABELS.idNumber, `${maskIdNumber(report.idType, report.idNumberLast)}  (${idType[lang]})`, lang)
  field(w, LABELS.dateOfBirth, recordDate(lang, report.dateOfBirth), lang)
  field(w, LABELS.address, formatAddress(report.address) || '-', lang)
}

export function itemsSection(w: PageWriter, items: RecordItem[], lang: Language) {
  heading(w, LABELS.items, lang)
  const { left, right } = w.box
  const columns = {
    index: { x: left, width: 20 },
    type: { x: left + 22, width: 224 },
    number: { x: left + 250, width: 106 },
    issuer: { x: left + 360, width: right - left - 360 },
  }
  const headings = { index: '#', type: LABELS.itemType, number: LABELS.itemNumber, issuer: LABELS.itemIssuer }
  for (const [key, col] of Object.entries(columns) as [keyof typeof columns, { x: number }][]) {
    const h = headings[key]
    w.line(typeof h === 'string' ? h : pair(h, lang), col.x, w.y, { font: 'bold', size: 8.5, color: GREY })
  }
  w.y += 14
  items.forEach((item, index) => {
    const [first, second] = lang === 'th' ? [item.nameTh, item.nameEn] : [item.nameEn, item.nameTh]
    const cells = [
      { text: String(index + 1), ...columns.index },
      { text: first, ...columns.type },
      { text: item.numberLast ? maskNumber(item.numberLast) : '-', ...columns.number },
      { text: item.issuer?.trim() || '-', ...columns.issuer },
    ]
    const height = Math.max(...cells.map((cell) => w.measure(cell.text, cell.width, { size: 10 }))) + 10
    w.ensure(height + 2)
    const top = w.y
    for (const cell of cells) {
      w.y = top
      w.paragraph(cell.text, { size: 10 }, cell.x, cell.width)
    }
    w.line(second, columns.type.x, top + height - 12, { size: 7.5, color: GREY })
    w.y = top + height + 2
  })
}

export function lossSection(w: PageWriter, report: LoadedRecord['report'], lang: Language) {
  heading(w, LABELS.loss, lang)
  const from = recordDateTime(lang, report.lostFrom)
  const when = report.lostTo ? `${from} ${LABELS.to[lang]} ${recordDateTime(lang, report.lostTo)}` : from
  field(w, LABELS.lostWhen, when, lang)
  field(w, LABELS.lostWhere, report.placeText, lang)
  field(w, LABELS.circumstances, report.circumstances, lang)
}

/** The s.137 statement the declarant certified, Thai (the legal text) first, in a shaded box. */
export function declarationSection(w: PageWriter, report: LostDocumentReport, lang: Language) {
  const pad = 8
  const width = w.width - pad * 2
  const th = { size: 10 }
  const en = { size: 8.5, color: GREY }
  const height = w.measure(S137_TH, width, th) + w.measure(S137_EN, width, en) + pad * 2 + 4
  heading(w, LABELS.declaration, lang, height + 20)
  w.doc.rect(w.box.left, w.y, w.width, height).fill('#F3F5F9')
  w.y += pad
  w.paragraph(S137_TH, th, w.box.left + pad, width)
  w.y += 4
  w.paragraph(S137_EN, en, w.box.left + pad, width)
  w.y += pad + 6
  w.line(`${pair(LABELS.declaredAt, lang)}  ${recordDateTime(lang, report.declaredAt)}`, w.box.left, w.y, {
    size: 9,
    color: GREY,
  })
  w.y += 14
}
