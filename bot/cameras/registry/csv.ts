/** One record of a CSV file with the line it starts on (the header is line 1). */
export type CsvRecord = { line: number; cells: string[] }

/**
 * RFC 4180 CSV: comma separated, fields optionally in double quotes (a quote inside doubled, commas and line breaks
 * allowed inside), CRLF or LF; a UTF-8 BOM at the start is dropped. Blank lines are skipped. A quote left open is
 * reported on the record's line.
 */
export function parseCsv(text: string): { records: CsvRecord[]; unclosedQuoteAt: number | null } {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  const records: CsvRecord[] = []
  let line = 1
  let start = 1
  let cells: string[] = []
  let cell = ''
  let quoted = false
  let i = 0
  const endRecord = () => {
    cells.push(cell)
    if (!(cells.length === 1 && cells[0]?.trim() === '')) {
      records.push({ line: start, cells })
    }
    cells = []
    cell = ''
  }
  while (i < src.length) {
    const c = src[i]
    if (quoted) {
      if (c === '"' && src[i + 1] === '"') {
        cell += '"'
        i += 2
        continue
      }
      if (c === '"') {
        quoted = false
      } else {
        if (c === '\n') {
          line += 1
        }
        cell += c
      }
      i += 1
      continue
    }
    if (c === '"' && cell.trim() === '') {
      quoted = true
      cell = ''
    } else if (c === ',') {
      cells.push(cell)
      cell = ''
    } else if (c === '\r' && src[i + 1] === '\n') {
      // the \n ends it
    } else if (c === '\n') {
      endRecord()
      line += 1
      start = line
    } else {
      cell += c
    }
    i += 1
  }
  if (quoted) {
    return { records, unclosedQuoteAt: start }
  }
  if (cell !== '' || cells.length > 0) {
    endRecord()
  }
  return { records, unclosedQuoteAt: null }
}

/** A CSV field: quoted when it holds a comma, quote or line break (and formulas defused for spreadsheets). */
export function csvField(v: string | number | boolean | null | undefined): string {
  if (v === null || v === undefined) {
    return ''
  }
  let s = String(v)
  if (/^[=+\-@]/.test(s) && typeof v === 'string') {
    s = `'${s}`
  }
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s
}
