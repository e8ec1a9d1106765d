export type LiffLaunch = { url: string; liffId: string }

const PLACEHOLDER_ORIGIN = 'http://emulator.invalid'

/**
 * Maps a LIFF URL (https://liff.line.me/{liffId}/{path}?{query}#{fragment}, or the deprecated line://app/{liffId})
 * to the app's endpoint URL, the way LINE forwards the extra path and query to the endpoint, and adds what the LIFF
 * page needs to run with @line/liff-mock: emulator=1, idToken, liffId and lang.
 * Returns undefined for URLs that are not LIFF URLs of a known app.
 */
export function liffLaunchUrl(
  uri: string,
  liffApps: Record<string, string>,
  params: { idToken: string; lang: string },
): LiffLaunch | undefined {
  let link: URL
  try {
    link = new URL(uri)
  } catch {
    return undefined
  }
  const segments = liffSegments(link)
  if (!segments) {
    return undefined
  }
  const [liffId, ...rest] = segments
  const endpoint = liffId ? liffApps[liffId] : undefined
  if (!liffId || !endpoint) {
    return undefined
  }
  // Endpoints may be given as paths ('/liff/') when the LIFF app is served by the same host as the simulator.
  const relative = endpoint.startsWith('/')
  const target = new URL(endpoint, PLACEHOLDER_ORIGIN)
  if (rest.length) {
    target.pathname = `${target.pathname.replace(/\/+$/, '')}/${rest.join('/')}`
  }
  link.searchParams.forEach((value, key) => {
    target.searchParams.append(key, value)
  })
  target.searchParams.set('emulator', '1')
  target.searchParams.set('idToken', params.idToken)
  target.searchParams.set('liffId', liffId)
  target.searchParams.set('lang', params.lang)
  if (link.hash) {
    target.hash = link.hash
  }
  const url = relative ? `${target.pathname}${target.search}${target.hash}` : target.toString()
  return { url, liffId }
}

function liffSegments(link: URL): string[] | undefined {
  const split = (path: string) => path.split('/').filter((s) => s.length > 0)
  if ((link.protocol === 'https:' || link.protocol === 'http:') && link.hostname === 'liff.line.me') {
    return split(link.pathname)
  }
  if (link.protocol === 'line:' && link.hostname === 'app') {
    return split(link.pathname)
  }
  return undefined
}
