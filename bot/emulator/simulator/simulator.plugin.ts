import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import type { FastifyPluginAsync, FastifyReply } from 'fastify'
import { emulatorAsset } from '../assets.js'
import { officerRoutes } from './officer.routes.js'
import { type SimulatorDeps, simulatorApiRoutes } from './simulator-api.routes.js'
import { sseRoutes } from './sse.js'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
}

// Flat folder of plain files: anything else (paths, dotfiles) is not served.
const UI_FILE = /^[a-z0-9-]+\.(html|js|css|svg)$/
// Sarabun's Thai faces (SIL OFL, @fontsource/sarabun, as the LIFF apps bundle it): a machine without Thai system fonts
// (a bare Linux desktop, headless Chromium) would show the chat's Thai as boxes. Only these three files are served.
const FONT_FILE = /^sarabun-thai-(400|600|700)-normal\.woff2$/

/**
 * The simulator page (GET /emulator) and its JSON + SSE API, registered with prefix /emulator. The page is plain
 * ES modules read from bot/emulator/ui on each request, so it works straight after `npm ci` without a build.
 */
export function simulatorPlugin(deps: SimulatorDeps): FastifyPluginAsync {
  const uiDir = emulatorAsset('ui')
  return async (app) => {
    app.setErrorHandler((err: Error & { statusCode?: number }, _req, reply) => {
      // Driver errors ("unknown user", "the bot is not in the group") are the caller's mistake.
      const status = err.message.startsWith('line emulator:') ? 400 : (err.statusCode ?? 500)
      if (status >= 500) {
        deps.ctx.log.warn({ err }, 'line emulator: simulator API failed')
      }
      reply.code(status).send({ message: err.message.replace(/^line emulator: /, '') })
    })

    app.get('/', async (_req, reply) => sendUiFile(reply, uiDir, 'index.html'))

    app.get('/ui/:file', async (req, reply) => {
      const file = (req.params as { file: string }).file
      if (!UI_FILE.test(file)) {
        return reply.code(404).send({ message: 'Not found' })
      }
      return sendUiFile(reply, uiDir, file)
    })

    const fontDir = join(dirname(createRequire(import.meta.url).resolve('@fontsource/sarabun/package.json')), 'files')
    app.get('/fonts/:file', async (req, reply) => {
      const file = (req.params as { file: string }).file
      if (!FONT_FILE.test(file)) {
        return reply.code(404).send({ message: 'Not found' })
      }
      const body = await readFile(join(fontDir, file))
      return reply.type('font/woff2').header('cache-control', 'public, max-age=604800, immutable').send(body)
    })

    simulatorApiRoutes(app, deps)
    if (deps.ctx.opts.officers) {
      officerRoutes(app, deps.ctx.opts.officers, deps.users)
    }
    sseRoutes(app, deps.ctx)
  }
}

async function sendUiFile(reply: FastifyReply, dir: string, file: string) {
  try {
    const body = await readFile(join(dir, file))
    const ext = file.slice(file.lastIndexOf('.'))
    return reply
      .type(TYPES[ext] ?? 'application/octet-stream')
      .header('cache-control', 'no-cache')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' https: data: blob:; frame-src *; style-src 'self'",
      )
      .send(body)
  } catch {
    return reply.code(404).send({ message: 'Not found' })
  }
}
