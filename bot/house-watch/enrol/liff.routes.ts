import { randomUUID } from 'node:crypto'
import { asc, desc, eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod, ZodTypeProvider } from 'fastify-type-provider-zod'
import type { Db, Tx } from '../../../db/client.js'
import { type Citizen, cases, houseWatches, type Station, stations } from '../../../db/schema/index.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import type { CitizensService } from '../../citizens/citizens.service.js'
import { bangkokToday } from '../../contracts/lost-documents/rules.js'
import { AppError, NotFoundError } from '../../errors.js'
import { citizenIdOf, requireLiffAuth } from '../../http/liff-auth.js'
import { addRateLimit } from '../../http/rate-limit.js'
import type { IdTokenVerifier } from '../../line/id-token.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { readHouseWatchSettings } from '../settings/read.js'
import { HW_CONSENT_TEXT, HW_CONSENT_VERSION } from './consent.js'
import type { HouseWatchEnroller } from './enrol.service.js'
import { asJurisdiction, type NeighbourAnswer } from './jurisdiction.js'
import { enrolBodySchema, enrolResponseSchema, formResponseSchema } from './liff.schemas.js'
import { receiptMessage } from './messages.js'
import { hw } from './texts.js'

export type HouseWatchLiffRoutesOptions = {
  db: Db
  citizens: Pick<CitizensService, 'ensure'>
  verifier: IdTokenVerifier
  cipher: PiiCipher
  enrol: HouseWatchEnroller
  ownerPage(caseId: string): string
  rateLimit?: { max: number; timeWindowMs: number } | false
}

/** A house outside the station's area: 422 with the words for the owner and the station to call instead. */
export class OutsideJurisdictionError extends AppError {
  constructor(station: Station, right: NeighbourAnswer | undefined) {
    const vars = (lang: 'th' | 'en') => ({
      station: lang === 'th' ? station.nameTh : station.nameEn,
      right: right ? (lang === 'th' ? right.nameTh : right.nameEn) : '',
      phone: right?.phone ?? '191',
    })
    const key = right ? 'outside.body' : 'outside.unknown'
    super('outside_jurisdiction', 422, hw('en', key, vars('en')), hw('th', key, vars('th')), {
      station: right ? { nameTh: right.nameTh, nameEn: right.nameEn, phone: right.phone } : null,
    })
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

/** The station's area and where the map opens: the middle of the area's outer ring, else the station itself. */
function mapOf(station: Station) {
  const jurisdiction = asJurisdiction(station.jurisdiction)
  const ring =
    (jurisdiction?.type === 'Polygon' ? jurisdiction.coordinates[0] : jurisdiction?.coordinates[0]?.[0]) ?? []
  const center =
    ring.length > 0
      ? {
          lat: ring.reduce((sum, p) => sum + (p[1] ?? 0), 0) / ring.length,
          lng: ring.reduce((sum, p) => sum + (p[0] ?? 0), 0) / ring.length,
        }
      : { lat: Number(station.latitude ?? 13.7563), lng: Number(station.longitude ?? 100.5018) }
  return { jurisdiction, center }
}

/**
 * The citizen's house-watch enrolment under /api/liff (ID token verified): the form's station facts and the
 * submission (idempotent; the receipt goes to the chat through the outbox).
 */
export const houseWatchLiffRoutes: FastifyPluginAsyncZod<HouseWatchLiffRoutesOptions> = async (app, opts) => {
  const { db, citizens } = opts
  await addRateLimit(app, opts.rateLimit)
  app.addHook('onSend', async (_req, reply) => {
    reply.header('cache-control', 'no-store')
  })
  requireLiffAuth(app, opts.verifier)
  const r = app.withTypeProvider<ZodTypeProvider>()
  const tags = ['liff']
  const ensure = (tx: Tx, lineUserId: string, name: string | undefined) =>
    citizens.ensure(tx, lineUserId, name ? { displayName: name } : {})

  r.get('/api/liff/house-watch/form', { schema: { tags, response: { 200: formResponseSchema } } }, async (req) => {
    const lineUserId = citizenIdOf(req)
    return db.transaction(async (tx) => {
      const citizen = await ensure(tx, lineUserId, req.liffIdentity?.name)
      const station = await homeStation(tx, citizen)
      const settings = await readHouseWatchSettings(tx, station.id)
      const [last] = await tx
        .select({ ownerName: houseWatches.ownerName, phoneEnc: houseWatches.phoneEnc })
        .from(houseWatches)
        .innerJoin(cases, eq(cases.id, houseWatches.caseId))
        .where(eq(cases.citizenId, citizen.id))
        .orderBy(desc(houseWatches.createdAt))
        .limit(1)
      return {
        station: { nameTh: station.nameTh, nameEn: station.nameEn, phone: station.phone },
        maxDays: settings.maxDays,
        approval: settings.approval,
        today: bangkokToday(new Date()),
        consentVersion: HW_CONSENT_VERSION,
        consentTh: HW_CONSENT_TEXT.th,
        consentEn: HW_CONSENT_TEXT.en,
        ...mapOf(station),
        prefill: {
          ownerName: last?.ownerName ?? citizen.displayName ?? '',
          phone: last?.phoneEnc ? opts.cipher.decrypt(last.phoneEnc) : '',
        },
      }
    })
  })

  r.post(
    '/api/liff/house-watch',
    {
      // A house photo of up to 3 MB arrives base64 (4 MB) inside the JSON.
      bodyLimit: 5 * 1024 * 1024,
      schema: { tags, body: enrolBodySchema, response: { 200: enrolResponseSchema, 201: enrolResponseSchema } },
    },
    async (req, reply) => {
      const lineUserId = citizenIdOf(req)
      const header = req.headers['idempotency-key']
      const key = ((typeof header === 'string' && header.trim()) || req.body.idempotencyKey || randomUUID()).slice(
        0,
        100,
      )
      const { idempotencyKey: _k, photo, ...draft } = req.body
      const now = new Date()
      const out = await db.transaction(async (tx) => {
        const citizen = await ensure(tx, lineUserId, req.liffIdentity?.name)
        const station = await homeStation(tx, citizen)
        const result = await opts.enrol(tx, {
          citizen,
          station,
          draft,
          photo: photo ? { contentType: photo.contentType, bytes: Buffer.from(photo.data, 'base64') } : null,
          channel: 'liff',
          idempotencyKey: key,
          now,
        })
        if (result.outcome === 'outside') {
          throw new OutsideJurisdictionError(station, result.right)
        }
        const approved = result.case.status === 'approved' || result.case.status === 'active'
        if (result.outcome !== 'repeat') {
          const lang = citizen.language
          const view = { reference: result.case.referenceNumber, ...result, approved }
          await sendToCitizen(
            tx,
            citizen,
            [
              receiptMessage(
                lang,
                { ...view, extended: result.outcome === 'extended' },
                opts.ownerPage(result.case.id),
              ),
            ],
            { stationId: station.id, purpose: 'house-watch-receipt', now },
          )
        }
        return { ...result, approved }
      })
      reply.code(out.outcome === 'created' ? 201 : 200)
      return {
        outcome: out.outcome,
        caseId: out.case.id,
        referenceNumber: out.case.referenceNumber,
        status: out.case.status,
        startsOn: out.startsOn,
        endsOn: out.endsOn,
        approved: out.approved,
        ownerPageUrl: opts.ownerPage(out.case.id),
      }
    },
  )
}
