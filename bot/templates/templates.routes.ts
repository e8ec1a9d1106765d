import { eq } from 'drizzle-orm'
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { CASE_KINDS, LANGUAGES, stations } from '../../db/schema/index.js'
import { adminErrors } from '../http/api-docs.js'
import { type Audit, auditFrom } from '../officers/audit-port.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { officerOf, requirePermission } from '../officers/permissions.js'
import { renderTemplate, templateValues } from './render.js'
import { checkTemplateBody, checkTemplateKey, MAX_TEMPLATE_LENGTH, type Templates } from './templates.service.js'

export type TemplatesRoutesOptions = { db: Db; templates: Templates; audit: Audit }

const keySchema = z.object({ kind: z.enum(CASE_KINDS), status: z.string().min(1).max(50), language: z.enum(LANGUAGES) })
const templateSchema = keySchema.extend({ body: z.string(), isDefault: z.boolean() })
const bodySchema = z.string().trim().min(1).max(MAX_TEMPLATE_LENGTH)

/** What the preview fills in: a made-up case, today's date, the officer's station. */
const SAMPLE = {
  reference: 'RYG-2569-000123',
  message: { th: 'ตัวอย่างข้อความจากเจ้าหน้าที่', en: 'A sample message from the officer.' },
}

/** Status-message templates: list, save (null = back to the default), preview (templates.edit). */
export const templatesRoutes: FastifyPluginAsyncZod<TemplatesRoutesOptions> = async (app, opts) => {
  const { db, templates, audit } = opts
  const edit = requirePermission('templates.edit')
  const tags = ['admin-station']

  app.get(
    '/api/admin/templates',
    {
      onRequest: edit,
      schema: {
        tags,
        summary: 'Every status message, per kind, status and language (templates.edit)',
        security: SESSION_SECURITY,
        querystring: z.object({ kind: z.enum(CASE_KINDS).optional() }),
        response: { 200: z.object({ items: z.array(templateSchema) }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      return { items: await db.transaction((tx) => templates.list(tx, me.stationId, req.query.kind)) }
    },
  )

  app.put(
    '/api/admin/templates',
    {
      onRequest: edit,
      schema: {
        tags,
        summary: "Save the station's text for one status message; body null restores the default (templates.edit)",
        security: SESSION_SECURITY,
        body: keySchema.extend({ body: bodySchema.nullable() }),
        response: { 200: z.object({ template: templateSchema }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const { body, ...key } = req.body
      const { after } = await db.transaction(async (tx) => {
        const changed = await templates.save(tx, { stationId: me.stationId, key, body, updatedBy: me.officerId })
        await audit.record(tx, {
          ...auditFrom(req),
          action: body === null ? 'template.reset' : 'template.update',
          entityType: 'message_template',
          entityId: `${key.kind}/${key.status}/${key.language}`,
          details: { from: changed.before.isDefault ? null : changed.before.body, to: body },
        })
        return changed
      })
      return { template: after }
    },
  )

  app.post(
    '/api/admin/templates/preview',
    {
      onRequest: edit,
      schema: {
        tags,
        summary: 'Render a template with sample values; without body, the text in force (templates.edit)',
        security: SESSION_SECURITY,
        body: keySchema.extend({ body: bodySchema.optional() }),
        response: { 200: z.object({ text: z.string() }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const { body, ...key } = req.body
      checkTemplateKey(key)
      if (body !== undefined) {
        checkTemplateBody(body)
      }
      const { current, station } = await db.transaction(async (tx) => ({
        current: body ?? (await templates.get(tx, me.stationId, key)).body,
        station: (await tx.select().from(stations).where(eq(stations.id, me.stationId)).limit(1))[0],
      }))
      const values = templateValues({
        language: key.language,
        reference: SAMPLE.reference,
        status: key.status,
        message: SAMPLE.message[key.language],
        station: station ?? { nameTh: 'สถานีตำรวจ', nameEn: 'Police station' },
      })
      return { text: renderTemplate(current, values) }
    },
  )
}
