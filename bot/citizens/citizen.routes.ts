import { asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db, Tx } from '../../db/client.js'
import { type Citizen, type Language, stations } from '../../db/schema/index.js'
import { DEFAULT_MAP_TILES } from '../contracts/map.js'
import { NotFoundError } from '../errors.js'
import { citizenIdOf, requireLiffAuth } from '../http/liff-auth.js'
import { addRateLimit } from '../http/rate-limit.js'
import type { IdTokenVerifier } from '../line/id-token.js'
import type { LiffClientOptions } from './citizen.schema.js'
import {
  liffClientConfigSchema,
  type Me,
  meQuerySchema,
  meSchema,
  setLanguageBodySchema,
  stationSchema,
} from './citizen.schema.js'
import type { CitizensService } from './citizens.service.js'

export type CitizenRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure' | 'setLanguage'>
  verifier: IdTokenVerifier
  /** Public settings the LIFF app reads before liff.init (GET /api/liff/config). */
  client: LiffClientOptions
  /** Per client IP, over every /api/liff route; false turns it off. Checked before the token, so junk tokens are cheap. */
  rateLimit?: { max: number; timeWindowMs: number } | false
}

function toMe(row: Citizen, tokenName: string | undefined): Me {
  return { displayName: row.displayName ?? tokenName ?? null, language: row.language, followState: row.followState }
}

type Seed = { name?: string | undefined; language?: Language | undefined }

/** The citizen row, created on a first visit; name and language only seed a new row, they never overwrite. */
async function ensureCitizen(tx: Tx, citizens: CitizenRoutesOptions['citizens'], lineUserId: string, seed: Seed) {
  return citizens.ensure(tx, lineUserId, {
    ...(seed.name ? { displayName: seed.name } : {}),
    ...(seed.language ? { language: seed.language } : {}),
  })
}

/**
 * The citizen LIFF app's API under /api/liff. Every route but /config needs `Authorization: Bearer <LINE ID token>`;
 * the LINE user ID always comes from the verified token, never from the request.
 */
export const citizenRoutes: FastifyPluginAsyncZod<CitizenRoutesOptions> = async (app, opts) => {
  const { db, citizens } = opts
  await addRateLimit(app, opts.rateLimit)
  // Personal data: never stored by the LINE in-app browser, a proxy or a shared device's cache.
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })

  app.get('/api/liff/config', { schema: { tags: ['liff'], response: { 200: liffClientConfigSchema } } }, async () => ({
    liffId: opts.client.liffId,
    emulator: opts.client.emulator,
    map: opts.client.map ?? DEFAULT_MAP_TILES,
  }))

  await app.register(async (scope) => {
    requireLiffAuth(scope, opts.verifier)
    const r = scope.withTypeProvider<ZodTypeProvider>()

    const meRoute = { schema: { tags: ['liff'], querystring: meQuerySchema, response: { 200: meSchema } } }
    r.get('/api/liff/me', meRoute, async (req) => {
      const lineUserId = citizenIdOf(req)
      const name = req.liffIdentity?.name
      // A first-time visitor starts in their LINE app's language; after that only PUT /me/language changes it.
      const seed = { name, language: req.query.lang }
      const row = await db.transaction((tx) => ensureCitizen(tx, citizens, lineUserId, seed))
      return toMe(row, name)
    })

    r.put(
      '/api/liff/me/language',
      { schema: { tags: ['liff'], body: setLanguageBodySchema, response: { 200: meSchema } } },
      async (req) => {
        const lineUserId = citizenIdOf(req)
        const name = req.liffIdentity?.name
        const { language } = req.body
        const row = await db.transaction(async (tx) => {
          const citizen = await ensureCitizen(tx, citizens, lineUserId, { name })
          await citizens.setLanguage(tx, lineUserId, language)
          return { ...citizen, language }
        })
        req.log.info({ language }, 'citizen language changed from LIFF')
        return toMe(row, name)
      },
    )

    r.get('/api/liff/station', { schema: { tags: ['liff'], response: { 200: stationSchema } } }, async (req) => {
      const lineUserId = citizenIdOf(req)
      const row = await db.transaction(async (tx) => {
        const citizen = await ensureCitizen(tx, citizens, lineUserId, { name: req.liffIdentity?.name })
        const where = citizen.stationId ? eq(stations.id, citizen.stationId) : undefined
        const [station] = await tx.select().from(stations).where(where).orderBy(asc(stations.createdAt)).limit(1)
        return station
      })
      if (!row) {
        throw new NotFoundError('no station is configured', 'ยังไม่มีข้อมูลสถานี')
      }
      return {
        code: row.code,
        nameTh: row.nameTh,
        nameEn: row.nameEn,
        addressTh: row.addressTh,
        addressEn: row.addressEn,
        phone: row.phone,
        latitude: toNumber(row.latitude),
        longitude: toNumber(row.longitude),
      }
    })
  })
}

function toNumber(v: string | null): number | null {
  const n = v === null ? Number.NaN : Number(v)
  return Number.isFinite(n) ? n : null
}
