import { createRequire } from 'node:module'

/**
 * Text layout for the record on pdfkit.
 *
 * Why pdfkit and not pdf-lib: both embed Sarabun through fontkit, but pdf-lib draws the glyphs of fontkit's layout
 * with their advances only, dropping GPOS offsets. Rendered with pdftoppm, pdf-lib lost the tone mark of "ปู่" and
 * "ญี่ปุ่น" (mai ek hidden in the ascender of ป instead of shifted left) and stacked "สิ้น" badly; pdfkit applies the
 * mark offsets, and every test word (ที่, เจ้าหน้าที่, ผู้แจ้ง, กรุงเทพฯ, ปู่, ผู้ใหญ่, น้ำ) sat as in print.
 *
 * Two things pdfkit does not do for Thai, done here: line breaking (Thai has no spaces between words, so lines break
 * at ICU word boundaries from Intl.Segmenter, never inside a cluster), and text extraction: the font decomposes
 * SARA AM (ำ) into two glyphs, and the second shares its glyph with SARA AA (า), so copy/paste and pdftotext read
 * "ตำรวจ" as "ตำารวจ". Each line is wrapped in a marked-content span with /ActualText holding the real string.
 */
const require = createRequire(import.meta.url)
export const FONTS = {
  regular: require.resolve('@expo-google-fonts/sarabun/400Regular/Sarabun_400Regular.ttf'),
  bold: require.resolve('@expo-google-fonts/sarabun/700Bold/Sarabun_700Bold.ttf'),
} as const
export type FontName = keyof typeof FONTS

export type TextStyle = { font?: FontName; size?: number; color?: string; lineGap?: number }

const words = new Intl.Segmenter('th', { granularity: 'word' })
const graphemes = new Intl.Segmenter('th', { granularity: 'grapheme' })

const THAI = /[\u0E00-\u0E7F]/

/**
 * ICU word segments, with very short Thai words (up to three clusters: ผู้, จำ, เจ้า, ที่) glued to the next Thai
 * word, so a line never ends on "ผู้" with "แจ้ง" on the next one.
 */
function glueShortWords(paragraph: string): string[] {
  const out: string[] = []
  let carry = ''
  for (const { segment } of words.segment(paragraph)) {
    const thai = THAI.test(segment)
    if (carry && !thai) {
      out.push(carry)
      carry = ''
    }
    // Glue one short word to the next, never a chain (that would make unbreakable runs of short words).
    if (!carry && thai && [...graphemes.segment(segment)].length <= 3) {
      carry = segment
      continue
    }
    out.push(carry + segment)
    carry = ''
  }
  if (carry) {
    out.push(carry)
  }
  return out
}

export class PageWriter {
  y: number
  /** Shaping a Thai string is costly: widths are summed per word (marks have no advance), each word shaped once. */
  private readonly widths = new Map<string, number>()
  private style = ''
  constructor(
    readonly doc: PDFKit.PDFDocument,
    readonly box: { left: number; right: number; top: number; bottom: number },
  ) {
    this.y = box.top
  }

  get width(): number {
    return this.box.right - this.box.left
  }

  private use(style: TextStyle): { size: number; lineHeight: number } {
    const size = style.size ?? 10
    this.doc
      .font(style.font ?? 'regular')
      .fontSize(size)
      .fillColor(style.color ?? '#111111')
    this.style = `${style.font ?? 'regular'}:${size}`
    return { size, lineHeight: size * 1.45 + (style.lineGap ?? 0) }
  }

  private widthOf(segment: string): number {
    const key = `${this.style}|${segment}`
    let width = this.widths.get(key)
    if (width === undefined) {
      width = this.doc.widthOfString(segment)
      this.widths.set(key, width)
    }
    return width
  }

  /** Lines of at most `width` points, broken between words (or between clusters inside an over-long word). */
  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    this.use(style)
    const out: string[] = []
    for (const paragraph of text.normalize('NFC').split(/\r?\n/)) {
      let line = ''
      let used = 0
      for (const segment of glueShortWords(paragraph)) {
        const w = this.widthOf(segment)
        if (used + w <= width) {
          line += segment
          used += w
          continue
        }
        if (line.trim()) {
          out.push(line.trimEnd())
        }
        line = segment.trimStart()
        while (this.doc.widthOfString(line) > width) {
          const [head, rest] = this.splitClusters(line, width)
          out.push(head)
          line = rest
        }
        used = this.widthOf(line)
      }
      out.push(line.trimEnd())
    }
    return out
  }

  private splitClusters(text: string, width: number): [string, string] {
    let head = ''
    for (const { segment } of graphemes.segment(text)) {
      if (head && this.doc.widthOfString(head + segment) > width) {
        break
      }
      head += segment
    }
    return [head, text.slice(head.length)]
  }

  /** Starts a new page when `height` more points do not fit. */
  ensure(height: number): void {
    if (this.y + height > this.box.bottom) {
      this.doc.addPage()
      this.y = this.box.top
    }
  }

  /** One line at (x, y) without moving the cursor; the extracted text is exactly `text`. */
  line(text: string, x: number, y: number, style: TextStyle = {}, align: 'left' | 'right' | 'center' = 'left') {
    this.use(style)
    const w = this.doc.widthOfString(text)
    const at = align === 'left' ? x : align === 'right' ? x - w : x - w / 2
    this.doc.markContent('Span', { actual: text })
    this.doc.text(text, at, y, { lineBreak: false })
    this.doc.endMarkedContent()
  }

  /** A wrapped paragraph at the cursor (or at `x` with `width`); returns its height. */
  paragraph(text: string, style: TextStyle = {}, x = this.box.left, width = this.width): number {
    const lines = this.wrap(text, width, style)
    const { lineHeight } = this.use(style)
    for (const l of lines) {
      this.ensure(lineHeight)
      this.line(l, x, this.y, style)
      this.y += lineHeight
    }
    return lines.length * lineHeight
  }

  /** The height a paragraph will take, for keeping blocks together. */
  measure(text: string, width: number, style: TextStyle = {}): number {
    return this.wrap(text, width, style).length * this.use(style).lineHeight
  }

  rule(color = '#1A3A6B', weight = 0.8): void {
    this.doc.moveTo(this.box.left, this.y).lineTo(this.box.right, this.y).lineWidth(weight).strokeColor(color).stroke()
  }
}
