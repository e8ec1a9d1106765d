import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AppError } from '../errors.js'

export type SameOriginOptions = {
  /** PUBLIC_BASE_URL's origin (what browsers send behind a TLS-terminating proxy). */
  publicOrigin: string
  /** Requests a cross-site page cannot forge: no ambient credential (cookie), or a header only our pages set. */
  exempt(req: FastifyRequest): boolean
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

class CrossSiteError extends AppError {
  constructor() {
    super(
      'cross_site_request',
      403,
      'This request did not come from this site’s own pages (Origin / Sec-Fetch-Site), so it was refused.',
      'คำขอนี้ไม่ได้มาจากหน้าเว็บของระบบนี้ จึงถูกปฏิเสธ',
    )
  }
}

/**
 * CSRF defence for a cookie-authenticated scope: a state-changing request must say it comes from our own origin,
 * by `Sec-Fetch-Site: same-origin` (every current browser sends it) or an `Origin` equal to ours. Our origin is
 * PUBLIC_BASE_URL's, or the address the request was made to (an emulator run reached at the machine's LAN address).
 * The session cookie is also SameSite=Strict; this holds when SameSite does not (a sibling subdomain is same-site).
 */
export function requireSameOriginWrites(scope: FastifyInstance, { publicOrigin, exempt }: SameOriginOptions): void {
  scope.addHook('onRequest', async (req) => {
    if (SAFE_METHODS.has(req.method) || exempt(req)) {
      return
    }
    const site = req.headers['sec-fetch-site']
    if (site !== undefined) {
      if (site === 'same-origin') {
        return
      }
      throw new CrossSiteError() // same-site, cross-site, none: not our page
    }
    const origin = req.headers.origin
    if (origin && (origin === publicOrigin || origin === `${req.protocol}://${req.host}`)) {
      return
    }
    throw new CrossSiteError()
  })
}
