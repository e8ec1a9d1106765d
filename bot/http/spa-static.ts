import { stat } from 'node:fs/promises'
import { extname, join, posix, resolve, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance, FastifyReply } from 'fastify'

export type SpaStaticOptions = {
  /** The URL prefix, e.g. '/liff' (citizens) or '/admin' (officers). */
  prefix: string
  /** The Vite build output. */
  root: string
  /** Origins besides our own that may frame the pages (the LINE emulator's simulator when it has its own port). */
  frameAncestors: string[]
  /** The page's name in the "not built" page. */
  name: { th: string; en: string }
  /** Image hosts besides ours and LINE's: the map's tile server (MAP_TILE_URL). */
  imageSources?: string[]
}

// The LIFF SDK talks to LINE's servers and injects LINE's alert script; nothing else leaves our origin but the map's
// tile images.
function contentSecurityPolicy(frameAncestors: string[], imageSources: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' https://static.line-scdn.net",
    "style-src 'self'",
    ["img-src 'self' data: https://*.line-scdn.net", ...imageSources].join(' '),
    "font-src 'self'",
    "connect-src 'self' https://api.line.me https://access.line.me https://liffsdk.line-scdn.net https://uts-front.line-apps.com",
    'frame-src https://liff.line.me https://liff-subwindow.line.me',
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

function buildMissingPage(name: SpaStaticOptions['name']): string {
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${name.en} not built</title></head>
<body>
<h1>ยังไม่ได้สร้าง${name.th}</h1>
<p>ผู้ดูแลระบบ: กรุณารันคำสั่ง <code>npm run build:liff</code> แล้วโหลดหน้านี้ใหม่</p>
<h2 lang="en">The ${name.en} has not been built</h2>
<p lang="en">Operators: run <code>npm run build:liff</code>, then reload this page.</p>
</body></html>`
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

export const SPA_ROUTE_OPTIONS = { schema: { hide: true }, logLevel: 'warn' } as const

/**
 * Serves a built single-page LIFF app under `prefix` in the calling plugin's scope (its security headers apply to
 * that scope only). Paths without an extension are app routes (the SPA's router decides), so they get index.html;
 * a missing asset stays a 404 so a stale page never receives HTML for its JavaScript.
 */
export async function serveSpa(app: FastifyInstance, opts: SpaStaticOptions): Promise<void> {
  const root = resolve(opts.root)
  const csp = contentSecurityPolicy(opts.frameAncestors, opts.imageSources ?? [])
  const missing = buildMissingPage(opts.name)
  if (!app.hasReplyDecorator('sendFile')) {
    await app.register(fastifyStatic, { root, serve: false })
  }

  app.addHook('onSend', async (_req, reply) => {
    reply.header('content-security-policy', csp)
    reply.header('x-content-type-options', 'nosniff')
    // The emulator passes an ID token in the query string, and LINE's first redirect carries an access token.
    reply.header('referrer-policy', 'no-referrer')
    reply.header('permissions-policy', 'camera=(self), geolocation=(self), microphone=(), payment=()')
  })

  async function sendIndex(reply: FastifyReply) {
    reply.header('cache-control', 'no-cache')
    if (!(await isFile(join(root, 'index.html')))) {
      return reply.status(503).type('text/html; charset=utf-8').send(missing)
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html', root, { cacheControl: false })
  }

  app.get(opts.prefix, SPA_ROUTE_OPTIONS, async (req, reply) => {
    const query = req.url.indexOf('?')
    return reply.redirect(`${opts.prefix}/${query >= 0 ? req.url.slice(query) : ''}`, 301)
  })

  app.get<{ Params: { '*': string } }>(`${opts.prefix}/*`, SPA_ROUTE_OPTIONS, async (req, reply) => {
    const wanted = req.params['*']
    if (wanted.includes('\0')) {
      return reply.callNotFound()
    }
    const rel = posix.normalize(`/${wanted}`).slice(1)
    if (rel === '' || extname(rel) === '') {
      return sendIndex(reply)
    }
    const abs = resolve(root, rel)
    if (!abs.startsWith(root + sep) || !(await isFile(abs))) {
      return reply.callNotFound()
    }
    // Vite puts content-hashed files under assets/: they never change, so browsers may keep them for a year.
    const immutable = rel.startsWith('assets/')
    reply.header('cache-control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache')
    return reply.sendFile(rel, root, { cacheControl: false, dotfiles: 'deny' })
  })
}
