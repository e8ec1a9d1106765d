import { join } from 'node:path'
import type { FastifyPluginAsync } from 'fastify'
import { serveSpa } from '../http/spa-static.js'

export type LiffStaticOptions = {
  /** The Vite build output (`npm run build:liff`); default `dist/liff` under the working directory. */
  root?: string
  /** Origins besides our own that may frame the pages (the LINE emulator's simulator when it has its own port). */
  frameAncestors?: string[]
  /** Image hosts the pages may load (the map's tiles). */
  imageSources?: string[]
}

/** Serves the built citizen LIFF app at /liff/. */
export const liffStatic: FastifyPluginAsync<LiffStaticOptions> = async (app, opts) => {
  await serveSpa(app, {
    prefix: '/liff',
    root: opts.root ?? join('dist', 'liff'),
    frameAncestors: opts.frameAncestors ?? [],
    imageSources: opts.imageSources ?? [],
    name: { th: 'หน้า LIFF', en: 'LIFF app' },
  })
}
