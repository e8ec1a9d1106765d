import { asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db, Tx } from '../../../db/client.js'
import { type Citizen, type Station, stations } from '../../../db/schema/index.js'
import type { CitizensService } from '../../citizens/citizens.service.js'
import { CAMERA_CONTACT_PREFERENCES, CAMERA_STATUSES, CAMERA_VERIFICATION } from '../../contracts/cameras.js'
import { NotFoundError } from '../../errors.js'
import { citizenIdOf, requireLiffAuth } from '../../http/liff-auth.js'
import { addRateLimit } from '../../http/rate-limit.js'
import type { IdTokenVerifier } from '../../line/id-token.js'
import { CAMERA_CONSENT_TEXT, CAMERA_CONSENT_VERSION } from './consent.js'
import type { CameraOwners } from './owner.service.js'

export type CameraOwnerRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  owners: CameraOwners
  now?: () => Date
  rateLimit?: { max: number; timeWindowMs: number } | false
}

const myCameraSchema = z.object({
  id: z.uuid(),
  code: z.string(),
  name: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  directionDeg: z.number().int().nullable(),
  fieldOfViewDeg: z.number().int().nullable(),
  covers: z.string().nullable(),
  retentionDays: z.number().int().nullable(),
  contactPreference: z.enum(CAMERA_CONTACT_PREFERENCES).nullable(),
  phone: z.string().nullable(),
  status: z.enum(CAMERA_STATUSES),
  verification: z.enum(CAMERA_VERIFICATION),
  createdAt: z.string(),
})
const nullableText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .transform((v) => (v ? v : null))
const inputSchema = z.object({
  name: z.string().trim().min(1).max(120),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  directionDeg: z.number().int().min(0).max(359).nullable(),
  fieldOfViewDeg: z.number().int().min(10).max(360).nullable(),
  covers: nullableText(300),
  retentionDays: z.number().int().min(0).max(365).nullable(),
  contactPreference: z.enum(CAMERA_CONTACT_PREFERENCES),
  // A Thai phone: 0 and 8 or 9 more digits (spaces and dashes dropped).
  phone: z
    .string()
    .transform((v) => v.replace(/[\s-]/g, ''))
    .pipe(z.string().regex(/^0\d{8,9}$/, 'a Thai phone number: 0 and 8 or 9 digits'))
    .nullable()
    .or(z.literal('').transform(() => null)),
  consentVersion: z.string().max(40),
})
const params = z.object({ id: z.uuid() })
const one = z.object({ camera: myCameraSchema })

/** The citizen's own station, else the deployment's first (a citizen seen only through LIFF has none yet). */
async function homeStation(tx: Tx, citizen: Citizen): Promise<Station> {
  const own = citizen.stationId
    ? await tx.select().from(stations).where(eq(stations.id, citizen.stationId)).limit(1)
    : []
  const [station] = own.length > 0 ? own : await tx.select().from(stations).orderBy(asc(stations.createdAt)).limit(1)
  if (!station) {
    throw new NotFoundError('no station is configured', 'ยังไม่มีข้อมูลสถานี')
  }
  return station
}

/**
 * "กล้องของฉัน / My cameras" in the citizen LIFF app (issue #15, point 2), under /api/liff (ID token verified): the
 * consent notice and the citizen's cameras, register one (pending until an officer verifies), edit it, report it
 * offline / removed / working again. Only the citizen's own cameras: any other ID is a 404. Nothing personal logged.
 */
export const cameraOwnerRoutes: FastifyPluginAsyncZod<CameraOwnerRoutesOptions> = async (app, opts) => {
  const { db, citizens, owners } = opts
  const clock = opts.now ?? (() => new Date())
  await addRateLimit(app, opts.rateLimit)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']
  const citizenOf = (tx: Tx, req: Parameters<typeof citizenIdOf>[0]) => citizens.ensure(tx, citizenIdOf(req))

  r.get(
    '/api/liff/cameras/mine',
    {
      schema: {
        tags,
        summary: "The citizen's cameras, the consent notice and where the map opens",
        response: {
          200: z.object({
            cameras: z.array(myCameraSchema),
            consent: z.object({ version: z.string(), th: z.string(), en: z.string() }),
            center: z.object({ lat: z.number(), lng: z.number() }),
          }),
        },
      },
    },
    async (req) =>
      db.transaction(async (tx) => {
        const citizen = await citizenOf(tx, req)
        const station = await homeStation(tx, citizen)
        return {
          cameras: await owners.mine(tx, citizen.id),
          consent: { version: CAMERA_CONSENT_VERSION, ...CAMERA_CONSENT_TEXT },
          center: { lat: Number(station.latitude) || 12.68, lng: Number(station.longitude) || 101.27 },
        }
      }),
  )

  r.post(
    '/api/liff/cameras',
    {
      schema: {
        tags,
        summary: 'Register a camera (pending until an officer verifies it)',
        body: inputSchema,
        response: { 201: one },
      },
    },
    async (req, reply) => {
      const camera = await db.transaction(async (tx) => {
        const citizen = await citizenOf(tx, req)
        return owners.register(tx, citizen, await homeStation(tx, citizen), req.body, clock())
      })
      return reply.status(201).send({ camera })
    },
  )

  r.get(
    '/api/liff/cameras/:id',
    { schema: { tags, summary: "One of the citizen's cameras", params, response: { 200: one } } },
    async (req) =>
      db.transaction(async (tx) => ({ camera: await owners.one(tx, (await citizenOf(tx, req)).id, req.params.id) })),
  )

  r.put(
    '/api/liff/cameras/:id',
    {
      schema: { tags, summary: "Edit one of the citizen's cameras", params, body: inputSchema, response: { 200: one } },
    },
    async (req) =>
      db.transaction(async (tx) => ({
        camera: await owners.update(tx, (await citizenOf(tx, req)).id, req.params.id, req.body, clock()),
      })),
  )

  r.post(
    '/api/liff/cameras/:id/status',
    {
      schema: {
        tags,
        summary: 'Report a camera offline, removed, or working again',
        params,
        body: z.object({ status: z.enum(CAMERA_STATUSES) }),
        response: { 200: one },
      },
    },
    async (req) =>
      db.transaction(async (tx) => ({
        camera: await owners.report(tx, (await citizenOf(tx, req)).id, req.params.id, req.body.status, clock()),
      })),
  )
}
