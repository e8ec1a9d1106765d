import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { adminErrors } from '../http/api-docs.js'
import { auditFrom } from '../officers/audit-port.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { officerOf, requirePermission } from '../officers/permissions.js'
import { auditActionLabel } from './action-labels.js'
import { auditCsv } from './audit.csv.js'
import type { AuditEntry, AuditFilters, AuditLog } from './audit.service.js'

export type AuditRoutesOptions = { db: Db; audit: AuditLog }

/** An export stops here; narrow the dates for more (the file says so in its name). */
export const CSV_MAX_ROWS = 50_000

const filtersQuery = z.object({
  officerId: z.uuid().optional(),
  action: z
    .string()
    .regex(/^[a-z_.]+\*?$/, 'an action like auth.sign_in, or a prefix like auth.*')
    .max(100)
    .optional(),
  entityType: z.string().max(100).optional(),
  entityId: z.string().max(200).optional(),
  from: z.iso.datetime({ offset: true }).optional(),
  to: z.iso.datetime({ offset: true }).optional(),
})
const listQuery = filtersQuery.extend({
  cursor: z.string().max(100).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
})

const auditEntrySchema = z.object({
  id: z.number().int(),
  at: z.iso.datetime(),
  stationId: z.uuid().nullable(),
  officerId: z.uuid().nullable(),
  officerName: z.string().nullable(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string().nullable(),
  entityId: z.string().nullable(),
  ip: z.string().nullable(),
  userAgent: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
  actionLabel: z.object({ th: z.string(), en: z.string() }).nullable().describe('what the action means; null: unknown'),
  entityRef: z.string().nullable().describe("a case's reference number (RYG-2569-000123)"),
})

function toDto(e: AuditEntry): z.infer<typeof auditEntrySchema> {
  return { ...e, at: e.at.toISOString(), actionLabel: auditActionLabel(e.action), entityRef: e.entityRef ?? null }
}

function filtersOf(stationId: string, q: z.infer<typeof filtersQuery>): AuditFilters {
  return {
    stationId,
    officerId: q.officerId,
    action: q.action,
    entityType: q.entityType,
    entityId: q.entityId,
    from: q.from ? new Date(q.from) : undefined,
    to: q.to ? new Date(q.to) : undefined,
  }
}

/** Browse and export the audit log (audit.read). Read-only: no route edits or deletes an entry. */
export const auditRoutes: FastifyPluginAsyncZod<AuditRoutesOptions> = async (app, { db, audit }) => {
  const read = requirePermission('audit.read')

  app.get(
    '/api/admin/audit',
    {
      onRequest: read,
      schema: {
        tags: ['admin-audit'],
        summary: 'Audit entries, newest first, with filters and keyset pagination (audit.read)',
        security: SESSION_SECURITY,
        querystring: listQuery,
        response: {
          200: z.object({ items: z.array(auditEntrySchema), nextCursor: z.string().nullable() }),
          ...adminErrors,
        },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const { cursor, limit, ...filters } = req.query
      const page = await audit.list(filtersOf(me.stationId, filters), { cursor, limit })
      return { items: page.items.map(toDto), nextCursor: page.nextCursor }
    },
  )

  app.get(
    '/api/admin/audit.csv',
    {
      onRequest: read,
      schema: {
        tags: ['admin-audit'],
        summary: 'The filtered audit log as CSV (UTF-8 with BOM, Asia/Bangkok time, BE date) (audit.read)',
        security: SESSION_SECURITY,
        querystring: filtersQuery,
        produces: ['text/csv'],
        response: { 200: z.string(), ...adminErrors },
      },
    },
    async (req, reply) => {
      const me = officerOf(req)
      const filters = filtersOf(me.stationId, req.query)
      const entries: AuditEntry[] = []
      let cursor: string | undefined
      do {
        const page = await audit.list(filters, { cursor, limit: 1_000 })
        entries.push(...page.items)
        cursor = page.nextCursor ?? undefined
      } while (cursor && entries.length < CSV_MAX_ROWS)
      const rows = entries.slice(0, CSV_MAX_ROWS)
      // Who exported what is itself worth knowing: the file carries IP addresses and officers' actions.
      await audit.record(db, {
        ...auditFrom(req),
        action: 'audit.export',
        entityType: 'audit_log',
        details: { filters: req.query, rows: rows.length, truncated: entries.length > CSV_MAX_ROWS || Boolean(cursor) },
      })
      const stamp = new Date().toISOString().slice(0, 10)
      return reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="audit-${stamp}.csv"`)
        .header('cache-control', 'no-store')
        .send(auditCsv(rows))
    },
  )
}
