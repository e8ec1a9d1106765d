import type { Bilingual, ExportBlock, ExportRow } from './parts.js'

const escapeMap: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }
/** Every value a citizen or officer wrote is text: escaped, never markup. */
function esc(value: string): string {
  return value.replace(/[&<>"']/g, (ch) => escapeMap[ch] ?? ch)
}

function bi(v: string | Bilingual, tag = 'span'): string {
  if (typeof v === 'string') {
    return `<${tag}>${esc(v)}</${tag}>`
  }
  if (v.th === v.en) {
    return `<${tag}>${esc(v.th)}</${tag}>`
  }
  return `<${tag} lang="th">${esc(v.th)}</${tag}> <${tag} class="en" lang="en">${esc(v.en)}</${tag}>`
}

function row(r: ExportRow): string {
  return `<div class="row"><dt>${bi(r.label)}</dt><dd>${bi(r.value)}</dd></div>`
}

function block(b: ExportBlock, level: number): string {
  const h = `h${Math.min(level, 4)}`
  const rows = b.rows.length ? `<dl>${b.rows.map(row).join('')}</dl>` : ''
  const inner = (b.blocks ?? []).map((x) => block(x, level + 1)).join('')
  return `<section><${h}>${bi(b.title)}</${h}>${rows}${inner}</section>`
}

export type ExportPage = {
  exportedAt: Bilingual
  sections: { title: Bilingual; blocks: ExportBlock[]; empty: Bilingual }[]
}

const CSS = `
body{font-family:"Sarabun","Noto Sans Thai",system-ui,sans-serif;margin:0;background:#f5f6f8;color:#1d2433;line-height:1.55}
main{max-width:52rem;margin:0 auto;padding:1rem}
header{background:#0b3d91;color:#fff;padding:1.25rem 1rem}
header h1{margin:0 auto;max-width:52rem;font-size:1.4rem}
header p{margin:.25rem auto 0;max-width:52rem;opacity:.9}
section{background:#fff;border:1px solid #dde1e8;border-radius:12px;padding:.75rem 1rem;margin:0 0 1rem}
section section{border:0;border-top:1px solid #eceff3;border-radius:0;padding:.5rem 0 0;margin:.75rem 0 0}
h2{font-size:1.2rem;margin:0 0 .5rem;color:#0b3d91}h3,h4{font-size:1.05rem;margin:0 0 .4rem}
dl{margin:0}.row{display:grid;grid-template-columns:minmax(8rem,14rem) 1fr;gap:.5rem;padding:.3rem 0;border-bottom:1px dashed #eceff3}
dt{color:#505a6b}dd{margin:0;overflow-wrap:anywhere;white-space:pre-wrap}
.en{color:#505a6b;font-size:.92em}dt .en,dd .en{display:block}header .en{color:#dbe4ff}
.empty{color:#505a6b}
@media (max-width:32rem){.row{grid-template-columns:1fr;gap:0}}
@media print{body{background:#fff}section{break-inside:avoid}}`

/**
 * The citizen's data as a readable, self-contained HTML page (PDPA s.30): Thai first, English under it, Buddhist Era
 * dates, every section of the export. No script, no outside resource; the style is the page's own (nonce).
 */
export function renderExportPage(page: ExportPage, nonce: string): string {
  const sections = page.sections
    .map((s) =>
      s.blocks.length
        ? `<section><h2>${bi(s.title)}</h2>${s.blocks.map((b) => block(b, 3)).join('')}</section>`
        : `<section><h2>${bi(s.title)}</h2><p class="empty">${bi(s.empty)}</p></section>`,
    )
    .join('\n')
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="robots" content="noindex"><title>ข้อมูลของฉัน · My data</title><style nonce="${nonce}">${CSS}</style></head>
<body><header><h1>ข้อมูลของฉันที่ LINE OA สภ.เมืองระยองเก็บไว้ <span class="en" lang="en">My data held by the Rayong City Police LINE OA</span></h1>
<p>ณ ${esc(page.exportedAt.th)} <span lang="en">· as of ${esc(page.exportedAt.en)}</span></p></header>
<main>
${sections}
<section><p>สิทธิตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562: ขอเข้าถึงและขอรับสำเนา (มาตรา 30), ขอรับข้อมูลในรูปแบบที่อ่านได้ด้วยเครื่อง (มาตรา 31), ขอให้ลบ (มาตรา 33)</p>
<p class="en" lang="en">Your rights under the Personal Data Protection Act B.E. 2562: access and a copy (section 30), a machine-readable copy (section 31), erasure (section 33).</p></section>
</main></body></html>`
}
