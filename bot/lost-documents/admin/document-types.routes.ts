import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { DOCUMENT_POLICIES, type DocumentType } from '../../../db/schema/index.js'
import { NotFoundError } from '../../errors.js'
import { adminErrors } from '../../http/api-docs.js'
import type { Audit } from '../../officers/audit-port.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { officerOf, requirePermission } from '../../officers/permissions.js'
import { allDocumentTypes, type DocumentTypePatch, updateDocumentType } from '../document-types.js'
import { documentTypeSchema } from '../liff/schemas.js'

/** What the form shows of a type (liff/schemas.ts), and what only officers manage. */
const typeSchema = documentTypeSchema.extend({
  sortOrder: z.number().int(),
  active: z.boolean(),
  updatedAt: z.iso.datetime(),
})

const reason = z.string().trim().max(500).nullable()
const patchSchema = z
  .strictObject({
    nameTh: z.string().trim().min(1).max(100),
    nameEn: z.string().trim().min(1).max(100),
    policy: z.enum(DOCUMENT_POLICIES),
    reasonTh: reason,
    reasonEn: reason,
    hasNumber: z.boolean(),
    issuers: z.array(z.string().trim().min(1).max(60)).max(11),
    sortOrder: z.number().int().min(0).max(100_000),
    active: z.boolean(),
  })
  .partial()
  .refine((p) => Object.keys(p).length > 0, 'nothing to change')

const json = (t: DocumentType) => ({ ...t, updatedAt: t.updatedAt.toISOString() })

export type DocumentTypesRoutesOptions = { db: Db; audit: Audit }

/**
 * The document types and their policy (issue at once / officer review / come to the station, with the reason the
 * citizen reads). Register inside the /api/admin scope, after the session hook. A policy change applies to reports
 * filed from then on; it is audited with the fields' old and new values.
 */
export const documentTypesRoutes: FastifyPluginAsyncZod<DocumentTypesRoutesOptions> = async (app, { db, audit }) => {
  const tags = ['admin-station']

  app.get(
    '/api/admin/document-types',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        summary: 'Lost-document types with their policy (cases.read)',
        security: SESSION_SECURITY,
        response: { 200: z.object({ items: z.array(typeSchema) }), ...adminErrors },
      },
    },
    async () => ({ items: (await db.transaction((tx) => allDocumentTypes(tx))).map(json) }),
  )

  app.put(
    '/api/admin/document-types/:code',
    {
      onRequest: requirePermission('document_types.edit'),
      schema: {
        tags,
        summary: "Change a type's names, policy, reasons, issuers, order or availability (document_types.edit)",
        security: SESSION_SECURITY,
        params: z.object({ code: z.string().max(64) }),
        body: patchSchema,
        response: { 200: z.object({ item: typeSchema }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const patch = req.body as DocumentTypePatch
      const after = await db.transaction(async (tx) => {
        const changed = await updateDocumentType(tx, req.params.code, patch)
        if (!changed) {
          throw new NotFoundError('no such document type', 'ไม่พบประเภทเอกสารนี้')
        }
        const details: Record<string, { from: unknown; to: unknown }> = {}
        for (const key of Object.keys(patch) as (keyof DocumentTypePatch)[]) {
          details[key] = { from: changed.before[key], to: changed.after[key] }
        }
        await audit.record(tx, {
          officer: { officerId: me.officerId, stationId: me.stationId },
          actor: 'officer',
          action: 'document_type.update',
          entityType: 'document_type',
          entityId: req.params.code,
          ip: req.ip,
          userAgent: req.headers['user-agent']?.slice(0, 300),
          details,
        })
        return changed.after
      })
      return { item: json(after) }
    },
  )
}
