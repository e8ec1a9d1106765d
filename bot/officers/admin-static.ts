import { join } from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import type { LiffClientOptions } from '../citizens/citizen.schema.js'
import { DEFAULT_MAP_TILES, tileImageSource } from '../contracts/map.js'
import { SPA_ROUTE_OPTIONS, serveSpa } from '../http/spa-static.js'

export type AdminStaticOptions = {
  /** The Vite build output of the officers' page (`npm run build:liff`); default `dist/admin` under the cwd. */
  root?: string
  /** Origins besides our own that may frame the pages (the LINE emulator's simulator when it has its own port). */
  frameAncestors?: string[]
  /** What the page needs before liff.init (GET /admin/config.json): the admin LIFF app and whether LINE is emulated. */
  client: LiffClientOptions
}

/**
 * Serves the built officers' LIFF app at /admin/ (`/admin/cases/:id` is the link the station's LINE group card
 * opens), plus the page's public configuration.
 */
export const adminStatic: FastifyPluginAsync<AdminStaticOptions> = async (app, opts) => {
  const client = {
    liffId: opts.client.liffId,
    emulator: opts.client.emulator,
    map: opts.client.map ?? DEFAULT_MAP_TILES,
  }
  await serveSpa(app, {
    prefix: '/admin',
    root: opts.root ?? join('dist', 'admin'),
    frameAncestors: opts.frameAncestors ?? [],
    imageSources: [tileImageSource(client.map.tileUrl)],
    name: { th: 'หน้าเจ้าหน้าที่', en: "officers' page" },
  })
  // Public, like GET /api/liff/config: the LIFF ID is not a secret, and the page needs it before anyone signs in.
  app.get('/admin/config.json', SPA_ROUTE_OPTIONS, async (_req, reply) => {
    reply.header('cache-control', 'no-store')
    return reply.type('application/json; charset=utf-8').send(JSON.stringify(client))
  })
}
