import { asc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db, Tx } from '../../db/client.js'
import { type Citizen, citizens as citizensTable, type Station, stations } from '../../db/schema/index.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import type { Jurisdiction } from '../contracts/house-watch.js'
import { type HouseholdIssue, type MyHousehold, validateHousehold } from '../contracts/households.js'
import { AppError, NotFoundError } from '../errors.js'
import { citizenIdOf, requireLiffAuth } from '../http/liff-auth.js'
import { addRateLimit } from '../http/rate-limit.js'
import type { IdTokenVerifier } from '../line/id-token.js'
import { setAnnouncementsOff } from './announcements-switch.js'
import {
  type AreaCheck,
  householdOf,
  invitePreview,
  joinHousehold,
  leaveHousehold,
  registerHousehold,
  updateHousehold,
  viewOf,
} from './registry.js'

export type HouseholdLiffRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  area: AreaCheck & { asJurisdiction(value: unknown): Jurisdiction | null }
  /** The LIFF link that opens the join page with the code (`https://liff.line.me/<id>/household?code=…`). */
  inviteUrl(code: string): string
  rateLimit?: { max: number; timeWindowMs: number } | false
}

/** 400 `validation_failed`, one detail per field in Thai and English; nothing has been stored. */
export class HouseholdValidationError extends AppError {
  constructor(readonly issues: HouseholdIssue[]) {
    super(
      'validation_failed',
      400,
      `the household form has ${issues.length} problem(s): ${issues.map((i) => i.field).join(', ')}`,
      'ข้อมูลในแบบฟอร์มยังไม่ถูกต้อง กรุณาแก้ไขช่องที่แจ้งไว้',
      issues,
    )
  }
}

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

const anyBody = z.record(z.string(), z.unknown()).catch({})
const json = z.any()

/**
 * "บ้านของฉัน / My household" under /api/liff (ID token verified): the household with the form's facts, register,
 * edit (the owner), join with a code, leave; and the citizen's announcement switch (the settings page).
 */
export const householdLiffRoutes: FastifyPluginAsyncZod<HouseholdLiffRoutesOptions> = async (app, opts) => {
  const { db, citizens, area } = opts
  await addRateLimit(app, opts.rateLimit)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']
  const ensure = (tx: Tx, lineUserId: string, name: string | undefined) =>
    citizens.ensure(tx, lineUserId, name ? { displayName: name } : {})

  async function mine(tx: Tx, citizen: Citizen): Promise<MyHousehold> {
    const station = await homeStation(tx, citizen)
    const jurisdiction = area.asJurisdiction(station.jurisdiction)
    const ring =
      (jurisdiction?.type === 'Polygon' ? jurisdiction.coordinates[0] : jurisdiction?.coordinates[0]?.[0]) ?? []
    const center =
      ring.length > 0
        ? {
            lat: ring.reduce((sum, p) => sum + (p[1] ?? 0), 0) / ring.length,
            lng: ring.reduce((sum, p) => sum + (p[0] ?? 0), 0) / ring.length,
          }
        : { lat: Number(station.latitude ?? 13.7563), lng: Number(station.longitude ?? 100.5018) }
    const row = await householdOf(tx, citizen.id)
    const [fresh] = await tx
      .select({ off: citizensTable.announcementsOptedOutAt })
      .from(citizensTable)
      .where(eq(citizensTable.id, citizen.id))
    return {
      household: row ? await viewOf(tx, row.h, row.role, opts.inviteUrl) : null,
      announcementsOff: fresh?.off != null,
      station: { nameTh: station.nameTh, nameEn: station.nameEn, phone: station.phone },
      jurisdiction,
      center,
    }
  }
  const validated = (body: Record<string, unknown>) => {
    const { issues, input } = validateHousehold(body)
    if (!input) {
      throw new HouseholdValidationError(issues)
    }
    return input
  }
  const withCitizen = <T>(
    req: { liffIdentity?: { name?: string } | undefined },
    lineUserId: string,
    fn: (tx: Tx, c: Citizen) => Promise<T>,
  ) => db.transaction(async (tx) => fn(tx, await ensure(tx, lineUserId, req.liffIdentity?.name)))

  r.get(
    '/api/liff/household',
    {
      schema: {
        tags,
        summary: "The citizen's household, announcement switch and the form's station facts",
        response: { 200: json },
      },
    },
    async (req) => withCitizen(req, citizenIdOf(req), mine),
  )

  r.post(
    '/api/liff/household',
    {
      schema: {
        tags,
        summary: 'Register the household (structured address, pin, people, language, topics)',
        body: anyBody,
        response: { 201: json },
      },
    },
    async (req, reply) => {
      const input = validated(req.body)
      const out = await withCitizen(req, citizenIdOf(req), async (tx, citizen) => {
        const station = await homeStation(tx, citizen)
        await registerHousehold(tx, area, { station, citizen, body: input, now: new Date() })
        return mine(tx, citizen)
      })
      reply.code(201)
      return out
    },
  )

  r.put(
    '/api/liff/household',
    { schema: { tags, summary: 'Edit the household (its owner)', body: anyBody, response: { 200: json } } },
    async (req) => {
      const input = validated(req.body)
      return withCitizen(req, citizenIdOf(req), async (tx, citizen) => {
        const station = await homeStation(tx, citizen)
        await updateHousehold(tx, area, { station, citizen, body: input, now: new Date() })
        return mine(tx, citizen)
      })
    },
  )

  r.get(
    '/api/liff/household/invite',
    {
      schema: {
        tags,
        summary: 'What joining with this code means (area and size, no names)',
        querystring: z.object({ code: z.string().max(40) }),
        response: { 200: json },
      },
    },
    async (req) => db.transaction((tx) => invitePreview(tx, req.query.code)),
  )

  r.post(
    '/api/liff/household/join',
    {
      schema: {
        tags,
        summary: 'Join a household with its invite code',
        body: z.object({ code: z.string().max(40) }),
        response: { 200: json },
      },
    },
    async (req) =>
      withCitizen(req, citizenIdOf(req), async (tx, citizen) => {
        await joinHousehold(tx, citizen, req.body.code, new Date())
        return mine(tx, citizen)
      }),
  )

  r.post(
    '/api/liff/household/leave',
    { schema: { tags, summary: 'Leave the household (the last member leaving removes it)', response: { 200: json } } },
    async (req) =>
      withCitizen(req, citizenIdOf(req), async (tx, citizen) => {
        await leaveHousehold(tx, citizen.id)
        return mine(tx, citizen)
      }),
  )

  r.put(
    '/api/liff/announcements',
    {
      schema: {
        tags,
        summary: "Turn the station's announcements off or on for this LINE user (as the chat's words do)",
        body: z.object({ off: z.boolean() }),
        response: { 200: z.object({ announcementsOff: z.boolean() }) },
      },
    },
    async (req) =>
      withCitizen(req, citizenIdOf(req), async (tx, citizen) => {
        await setAnnouncementsOff(tx, citizen.id, req.body.off, new Date())
        return { announcementsOff: req.body.off }
      }),
  )
}
