import { esc } from '../verify/verify.page.js'
import { VERIFY_CSS } from '../verify/verify.styles.js'

export type LinkProblem = 'link_expired' | 'link_invalid' | 'not_issued'

const TEXT: Record<LinkProblem, { th: string; en: string; whyTh: string; whyEn: string }> = {
  link_expired: {
    th: 'ลิงก์ดาวน์โหลดนี้[[หมดอายุแล้ว]]',
    en: 'This download link has expired',
    whyTh: 'ลิงก์ดาวน์โหลดบันทึกแจ้งเอกสารหายใช้ได้ 7 วัน เพื่อคุ้มครองข้อมูลส่วนบุคคลของท่าน',
    whyEn: 'Record download links work for 7 days, to protect your personal data.',
  },
  link_invalid: {
    th: 'ลิงก์ดาวน์โหลดนี้[[ไม่ถูกต้อง]]',
    en: 'This download link is not valid',
    whyTh: 'ลิงก์อาจถูกตัดหรือถูกแก้ไขระหว่างการคัดลอก',
    whyEn: 'It may have been cut short or changed when it was copied.',
  },
  not_issued: {
    th: 'ยังไม่มีบันทึกที่[[ออกแล้ว]]สำหรับลิงก์นี้',
    en: 'There is no issued record for this link',
    whyTh: 'เรื่องนี้อาจยังรอเจ้าหน้าที่ตรวจ เมื่อออกบันทึกแล้วจะมีข้อความแจ้งในแชต LINE',
    whyEn: 'The report may still be waiting for an officer; the chat tells you when the record is issued.',
  },
}

/**
 * What a person sees when a record link does not work (LINE opens these links in its browser): what happened and
 * how to get a link that works, Thai first. Only this page's inline style is allowed (`nonce`).
 */
export function renderLinkProblemPage(problem: LinkProblem, nonce: string): string {
  const text = TEXT[problem]
  // ICU may break a Thai compound ("หมด|อายุ") at a phone's width: [[...]] stays on one line, as on the verify page.
  const title = esc(text.th).replace(/\[\[([^\]]+)\]\]/g, '<span class="nw">$1</span>')
  const plainTitle = text.th.replace(/\[\[|\]\]/g, '')
  // A button's label, as the chat shows it, never split across lines.
  const label = (th: string) => `<span class="nw">“${th}”</span>`
  const step = (th: string, en: string) =>
    `<li><span class="th" lang="th">${th}</span><span class="en" lang="en">${en}</span></li>`
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex,nofollow,noarchive">
<meta name="referrer" content="no-referrer">
<title>${esc(plainTitle)} · ${esc(text.en)}</title>
<style nonce="${nonce}">${VERIFY_CSS}
ol{background:#fff;border-radius:12px;margin:12px 0 0;padding:12px 16px 12px 36px}
ol li{margin:6px 0}
ol .en,.why .en{display:block;color:#566173;font-size:.88em}
.why{margin:0 0 4px}</style></head>
<body><main>
<header><p class="station th" lang="th">บันทึกแจ้งเอกสารหาย</p><p class="station en" lang="en">Lost-document record</p></header>
<section class="verdict unknown" role="alert">
<div class="icon" aria-hidden="true">!</div>
<div><h1 class="big th" lang="th">${title}</h1><p class="big-en" lang="en">${esc(text.en)}</p></div>
</section>
<p class="advice why"><span class="th" lang="th">${esc(text.whyTh)}</span><span class="en" lang="en">${esc(text.whyEn)}</span></p>
<ol aria-label="ขอลิงก์ใหม่ · Get a new link">
${step('เปิดแชต LINE ของสถานีตำรวจ', "Open the police station's LINE chat.")}
${step(`พิมพ์ ${label('เรื่องที่ฉันแจ้ง')} หรือแตะ ${label('แจ้งเอกสารหาย')} แล้ว ${label('เรื่องที่ฉันแจ้ง')}`, 'Type “my reports”, or tap “Lost documents”, then “My reports”.')}
${step(`แตะ ${label('ดาวน์โหลดบันทึก (PDF)')} ที่เรื่องของท่าน จะได้ลิงก์ใหม่ทันที`, 'Tap “Download record (PDF)” on your report: that is a new link.')}
</ol>
</main></body></html>`
}
