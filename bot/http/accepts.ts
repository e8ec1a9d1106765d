/** The q-value the Accept header gives a media type (-1 when absent; wildcards do not count). */
function quality(accept: string, type: string): number {
  let best = -1
  for (const part of accept.split(',')) {
    const [media, ...params] = part.split(';').map((p) => p.trim().toLowerCase())
    if (media !== type) {
      continue
    }
    const q = params.find((p) => p.startsWith('q='))
    const value = q ? Number(q.slice(2)) : 1
    best = Math.max(best, Number.isFinite(value) ? value : 0)
  }
  return best
}

/**
 * A browser asks for HTML by name (text/html first); API clients ask for JSON or for anything (`*\/*`, curl).
 * Only the former get a page; a tie goes to JSON, the API's own format.
 */
export function prefersHtml(accept: string | undefined): boolean {
  if (!accept) {
    return false
  }
  const html = Math.max(quality(accept, 'text/html'), quality(accept, 'application/xhtml+xml'))
  return html > 0 && html > quality(accept, 'application/json')
}
