import { stat } from 'node:fs/promises'
import { extname, join, posix, resolve, sep } from 'node:path'
import fastifyStatic from '@fastify/static'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'

export type AdminStaticOptions = {
  /** The Vite build output of the officers' page (`npm run build:liff`); default `dist/admin` under the cwd. */
  root?: string
  /** Origins besides our own that may frame the pages (the LINE emulator's simulator when it has its own port). */
  frameAncestors?: string[]
  /** What the page needs before liff.init (GET /admin/config.json): the admin LIFF app and whether LINE is emulated. */
  client: { liffId: string; emulator: boolean }
}

// Same policy as the citizen pages (bot/liff-api/liff-static.ts): the LIFF SDK talks to LINE, nothing else leaves.
function contentSecurityPolicy(frameAncestors: string[]): string {
  return [
    "default-src 'self'",
    "script-src 'self' https://static.line-scdn.net",
    "style-src 'self'",
    "img-src 'self' data: https://*.line-scdn.net https://profile.line-scdn.net",
    "font-src 'self'",
    "connect-src 'self' https://api.line.me https://access.line.me https://liffsdk.line-scdn.net https://uts-front.line-apps.com",
    'frame-src https://liff.line.me https://liff-subwindow.line.me',
    `frame-ancestors ${["'self'", ...frameAncestors].join(' ')}`,
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
  ].join('; ')
}

const BUILD_MISSING_PAGE = `<!doctype html>
<html lang="th"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Officers' page not built</title></head>
<body>
<h1>ยังไม่ได้สร้างหน้าเจ้าหน้าที่</h1>
<p>ผู้ดูแลระบบ: กรุณารันคำสั่ง <code>npm run build:liff</code> แล้วโหลดหน้านี้ใหม่</p>
<h2 lang="en">The officers' page has not been built</h2>
<p lang="en">Operators: run <code>npm run build:liff</code>, then reload this page.</p>
</body></html>`

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}

/**
 * Serves the built officers' LIFF app at /admin/. Paths without an extension are app routes (`/admin/cases/:id` is
 * the link the station's LINE group card opens), so they get index.html; a missing asset stays a 404.
 */
export const adminStatic: FastifyPluginAsync<AdminStaticOptions> = async (app, opts) => {
  const root = resolve(opts.root ?? join('dist', 'admin'))
  const csp = contentSecurityPolicy(opts.frameAncestors ?? [])
  const client = { liffId: opts.client.liffId, emulator: opts.client.emulator }
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
      return reply.status(503).type('text/html; charset=utf-8').send(BUILD_MISSING_PAGE)
    }
    return reply.type('text/html; charset=utf-8').sendFile('index.html', root, { cacheControl: false })
  }

  const routeOptions = { schema: { hide: true }, logLevel: 'warn' } as const

  app.get('/admin', routeOptions, async (req, reply) => {
    const query = req.url.indexOf('?')
    return reply.redirect(`/admin/${query >= 0 ? req.url.slice(query) : ''}`, 301)
  })

  // Public, like GET /api/liff/config: the LIFF ID is not a secret, and the page needs it before anyone signs in.
  app.get('/admin/config.json', routeOptions, async (_req, reply) => {
    reply.header('cache-control', 'no-store')
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(client))
  })

  app.get<{ Params: { '*': string } }>('/admin/*', routeOptions, async (req, reply) => {
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
