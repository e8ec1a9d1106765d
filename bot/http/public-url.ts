import type { FastifyRequest } from 'fastify'

/** Host header values we are willing to echo into a link: a name or an address, and a port. */
const HOST = /^(?:[a-z0-9.-]+|\[[0-9a-f:.]+\])(?::\d{1,5})?$/i

/**
 * Links the server writes into an answer (a PDF download, the QR code's verify URL) point at PUBLIC_BASE_URL. In
 * emulator mode nobody outside this machine relies on them, and the simulator may have been opened at localhost,
 * 127.0.0.1 or a LAN address (a phone): there the link follows the address the browser used, so it works where it
 * is opened. With a real LINE channel the Host header is never trusted for a link.
 */
export function createPublicUrl({
  publicBaseUrl,
  followRequestHost,
}: {
  publicBaseUrl: string
  followRequestHost: boolean
}) {
  const base = new URL(publicBaseUrl).origin
  return function publicUrl(req: Pick<FastifyRequest, 'host' | 'protocol'>, url: string): string {
    const ours = url.startsWith(base) && (url.length === base.length || '/?#'.includes(url.charAt(base.length)))
    if (!followRequestHost || !ours || !HOST.test(req.host)) {
      return url
    }
    return `${req.protocol}://${req.host}${url.slice(base.length)}`
  }
}
export type PublicUrl = ReturnType<typeof createPublicUrl>
