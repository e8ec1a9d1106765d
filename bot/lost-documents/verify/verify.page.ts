import { formatDateTime } from '../../i18n/index.js'
import type { StationHeader, Verdict } from './verify.service.js'
import { VERIFY_CSS } from './verify.styles.js'

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
export function esc(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => escapeMap[ch] ?? ch)
}

/** Thai first, English under it, as everywhere a citizen reads. */
function both(th: string, en: string, tag = 'span'): string {
  return `<${tag} class="th" lang="th">${esc(th)}</${tag}><${tag} class="en" lang="en">${esc(en)}</${tag}>`
}

function dateBoth(at: Date): string {
  return both(formatDateTime('th', at), formatDateTime('en', at))
}

/**
 * Thai verdicts, with [[compound words]] kept on one line: ICU may break "มี|ผล" or "ถูก|ยกเลิก" at a phone's
 * width, which reads wrong. Everything else wraps normally, so a 320-pixel screen still fits.
 */
const VERDICTS = {
  valid: { icon: '✓', th: 'บันทึกนี้ถูกต้อง และยัง[[มีผล]]อยู่', en: 'VALID: this record is genuine and in force' },
  revoked: { icon: '✕', th: 'บันทึกนี้[[ถูกยกเลิก]]แล้ว', en: 'REVOKED: this record is no longer valid' },
  unknown: { icon: '?', th: 'ไม่พบบันทึกนี้ในระบบ', en: 'UNKNOWN: no record matches this link' },
  limited: { icon: '…', th: 'ตรวจสอบ[[ถี่เกินไป]]', en: 'Too many checks' },
} as const

function keepTogether(text: string): string {
  return esc(text).replace(/\[\[([^\]]+)\]\]/g, '<span class="nw">$1</span>')
}

export type PageKind = keyof typeof VERDICTS

function row(labelTh: string, labelEn: string, value: string): string {
  return `<div class="row"><dt>${both(labelTh, labelEn)}</dt><dd>${value}</dd></div>`
}

function details(v: Verdict): string {
  if (v.status === 'unknown') {
    const phone = v.station ? `<span class="nw">${esc(v.station.phone)}</span>` : ''
    const th = `${esc('ตรวจสอบว่าสแกน QR code จากบันทึกฉบับจริง หากยังไม่พบ โปรดติดต่อสถานี')}${phone ? ` โทร ${phone}` : ''}`
    const en = `${esc('Check that you scanned the QR code of the original record. If it still fails, contact the station')}${
      phone ? `, tel. ${phone}` : ''
    }.`
    return `<p class="advice"><span class="th" lang="th">${th}</span><span class="en" lang="en">${en}</span></p>`
  }
  const rows = [
    row('เลขที่', 'Record no.', `<strong class="mono">${esc(v.referenceNumber)}</strong>`),
    row('วันที่ออก', 'Issued', dateBoth(v.issuedAt)),
    row('สถานีที่ออก', 'Issued by', both(v.station.nameTh, v.station.nameEn)),
  ]
  if (v.status === 'revoked') {
    rows.push(row('ยกเลิกเมื่อ', 'Revoked', dateBoth(v.revokedAt)))
  } else {
    const docs = v.documents.map((d) => `<li>${both(d.nameTh, d.nameEn)}</li>`).join('')
    rows.push(row('เอกสารที่แจ้งหาย', 'Documents reported lost', `<ul>${docs}</ul>`))
  }
  return `<dl>${rows.join('')}</dl>`
}

function stationHeader(s: StationHeader | null): string {
  if (!s) {
    return `<header>${both('ระบบตรวจสอบบันทึกแจ้งเอกสารหาย', 'Lost-document record verification', 'p')}</header>`
  }
  return `<header><p class="station th" lang="th">${esc(s.nameTh)}</p><p class="station en" lang="en">${esc(s.nameEn)}</p>
<p class="muted">${esc(s.addressTh)}<br><span class="nw">${esc(s.phone)}</span></p></header>`
}

/** The whole page; `nonce` allows exactly this page's inline style (the CSP allows nothing else). */
export function renderVerifyPage(input: {
  verdict: Verdict | { status: 'limited'; station: null }
  checkedAt: Date
  nonce: string
}): string {
  const v = input.verdict
  const verdict = VERDICTS[v.status]
  const body =
    v.status === 'limited'
      ? `<p class="advice">${both('กรุณารอสักครู่แล้วลองใหม่', 'Please wait a minute and try again.')}</p>`
      : details(v)
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow,noarchive">
<meta name="referrer" content="no-referrer">
<title>ตรวจสอบบันทึกแจ้งเอกสารหาย · Verify a lost-document record</title>
<style nonce="${input.nonce}">${VERIFY_CSS}</style></head>
<body><main>
${stationHeader(v.station)}
<h1 class="sr">${both('ผลการตรวจสอบบันทึกแจ้งเอกสารหาย', 'Lost-document record check')}</h1>
<section class="verdict ${v.status}" role="status">
<div class="icon" aria-hidden="true">${verdict.icon}</div>
<div><p class="big th" lang="th">${keepTogether(verdict.th)}</p><p class="big-en" lang="en">${esc(verdict.en)}</p></div>
</section>
${body}
<footer>
<p>${both(
    'หน้านี้แสดงเฉพาะข้อมูลที่จำเป็นต่อการตรวจสอบ ไม่แสดงชื่อ เลขประจำตัว ที่อยู่ หรือเลขที่เอกสารของผู้แจ้ง',
    "This page shows only what a check needs: never the declarant's name, ID number, address or document numbers.",
  )}</p>
<p class="muted">${both(`ตรวจสอบเมื่อ ${formatDateTime('th', input.checkedAt)}`, `Checked ${formatDateTime('en', input.checkedAt)}`)}</p>
</footer></main></body></html>`
}
