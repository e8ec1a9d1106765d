import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { AppError } from '../../errors.js'
import { adminErrors } from '../../http/api-docs.js'
import { type Audit, auditFrom } from '../../officers/audit-port.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { officerOf, requirePermission } from '../../officers/permissions.js'
import { readZoneAddresses } from '../import/csv.js'
import { saveZoneAddresses } from '../import/import.js'
import { listHouseholds, readAreas, readCoverage } from './coverage.js'

/** The zone's list is a few MB at most (8,053 addresses are about 1 MB). */
const IMPORT_LIMIT = 20 * 1024 * 1024

/** 400 `import_failed`: the CSV's problems by line number; nothing was saved. */
export class ImportFailedError extends AppError {
  constructor(problems: { line: number; problems: string[] }[]) {
    super(
      'import_failed',
      400,
      `${problems.length} line(s) of the address list have problems (first: line ${problems[0]?.line}); nothing was saved`,
      `รายการที่อยู่มีปัญหา ${problems.length} บรรทัด (บรรทัดแรกที่พบ: ${problems[0]?.line}) ยังไม่ได้บันทึกข้อมูลใด ๆ`,
      { problems: problems.slice(0, 500), count: problems.length },
    )
  }
}

const countsSchema = z.object({
  total: z.number(),
  registered: z.number(),
  households: z.number(),
  members: z.number(),
  lineUsers: z.number(),
})
const coverageSchema = countsSchema.extend({
  unmatched: z.number(),
  byMunicipality: z.array(countsSchema.extend({ municipality: z.string().nullable() })),
  bySubdistrict: z.array(countsSchema.extend({ municipality: z.string().nullable(), subdistrict: z.string() })),
  density: z.array(z.tuple([z.number(), z.number(), z.number()])).describe('[lat, lng, households] on a ~100 m grid'),
})
const areasSchema = z.object({
  municipalities: z.array(
    z.object({
      name: z.string().nullable().describe('null: outside any municipality'),
      subdistricts: z.array(
        z.object({
          name: z.string(),
          addresses: z.number(),
          households: z.number(),
          sois: z.array(z.object({ name: z.string(), addresses: z.number(), households: z.number() })),
        }),
      ),
    }),
  ),
})
const listSchema = z.object({
  total: z.number(),
  households: z.array(
    z.object({
      id: z.string(),
      address: z.string(),
      subdistrict: z.string(),
      municipality: z.string().nullable(),
      soi: z.string().nullable(),
      members: z.number(),
      lineUsers: z.number(),
      language: z.enum(['th', 'en']),
      source: z.enum(['liff', 'house_watch']),
      matched: z.boolean(),
      createdAt: z.string(),
    }),
  ),
})

/**
 * The household registry's officers' side (issue #14): importing the zone's address list (households.import), its
 * coverage and areas, and the list of households (households.read; addresses are personal: each read is audited).
 */
export const householdAdminRoutes: FastifyPluginAsyncZod<{ db: Db; audit: Audit }> = async (app, { db, audit }) => {
  const tags = ['admin-households']
  app.addContentTypeParser(
    ['text/csv', 'text/plain'],
    { parseAs: 'string', bodyLimit: IMPORT_LIMIT },
    (_req, body, done) => done(null, body),
  )

  app.post(
    '/api/admin/zone-addresses/import',
    {
      onRequest: requirePermission('households.import'),
      bodyLimit: IMPORT_LIMIT,
      schema: {
        tags,
        summary: "Import the zone's address list (households.import)",
        description:
          'Body: the CSV as text/csv (UTF-8, a BOM is fine) or JSON `{ "csv": "..." }`. Columns (header row, English or Thai): ' +
          'house_no, moo, village, soi, road, tambon, municipality, amphoe, postcode, lat, lng (house_no and tambon required). ' +
          'A file with any bad line saves nothing and answers 400 import_failed with the problems by line number; ' +
          'an address already imported (same normalised house number, moo, soi and tambon) is updated.',
        security: SESSION_SECURITY,
        consumes: ['text/csv', 'application/json'],
        body: z.union([z.string(), z.object({ csv: z.string() })]),
        response: {
          200: z.object({ rows: z.number(), inserted: z.number(), updated: z.number(), total: z.number() }),
          ...adminErrors,
        },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const text = typeof req.body === 'string' ? req.body : req.body.csv
      const { rows, problems } = readZoneAddresses(text)
      if (problems.length > 0) {
        throw new ImportFailedError(problems)
      }
      return db.transaction(async (tx) => {
        const result = await saveZoneAddresses(tx, me.stationId, rows, new Date())
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'zone_addresses.import',
          entityType: 'station',
          entityId: me.stationId,
          details: result,
        })
        return result
      })
    },
  )

  app.get(
    '/api/admin/households/coverage',
    {
      onRequest: requirePermission('households.read'),
      schema: {
        tags,
        summary: 'Registered households out of the imported addresses, per tambon and municipality (households.read)',
        security: SESSION_SECURITY,
        response: { 200: coverageSchema, ...adminErrors },
      },
    },
    async (req) => readCoverage(db, officerOf(req).stationId),
  )

  app.get(
    '/api/admin/households/areas',
    {
      onRequest: requirePermission('households.read'),
      schema: {
        tags,
        summary: "Municipalities → tambons → sois of the zone's list and households, for audiences (households.read)",
        security: SESSION_SECURITY,
        response: { 200: areasSchema, ...adminErrors },
      },
    },
    async (req) => readAreas(db, officerOf(req).stationId),
  )

  app.get(
    '/api/admin/households',
    {
      onRequest: requirePermission('households.read'),
      schema: {
        tags,
        summary:
          'Registered households, newest first: address, people, LINE users; no names (households.read, audited)',
        security: SESSION_SECURITY,
        querystring: z.object({
          subdistrict: z.string().max(200).optional(),
          soi: z.string().max(200).optional(),
          q: z.string().max(100).optional().describe('house number or soi'),
          limit: z.coerce.number().int().min(1).max(200).default(50),
          offset: z.coerce.number().int().min(0).default(0),
        }),
        response: { 200: listSchema, ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const out = await listHouseholds(db, me.stationId, req.query)
      const { limit: _l, offset, ...filters } = req.query
      await audit.record(db, {
        ...auditFrom(req),
        action: 'households.list',
        entityType: 'station',
        entityId: me.stationId,
        details: { filters, offset, shown: out.households.length },
      })
      return out
    },
  )
}
