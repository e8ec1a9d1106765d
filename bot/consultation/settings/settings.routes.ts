import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import type { Db } from '../../../db/client.js'
import { adminErrors } from '../../http/api-docs.js'
import { type Audit, auditFrom } from '../../officers/audit-port.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { officerOf, requirePermission } from '../../officers/permissions.js'
import { settingsPutSchema, settingsSchema } from './settings.schema.js'
import { readSettings, updateSettings } from './settings.service.js'

export type ConsultationSettingsRoutesOptions = { db: Db; audit: Audit }

/**
 * The station's consultation settings: office hours, holidays, each topic's order and SLA. Every officer reads them
 * (cases.read: the inbox shows when answers are due); admins and supervisors change them (consultations.settings).
 */
export const consultationSettingsRoutes: FastifyPluginAsyncZod<ConsultationSettingsRoutesOptions> = async (
  app,
  { db, audit },
) => {
  const tags = ['admin-consultations']
  const response = { 200: settingsSchema, ...adminErrors }

  app.get(
    '/api/admin/consultations/settings',
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        summary: "The station's office hours, holidays and topics' SLA (cases.read)",
        security: SESSION_SECURITY,
        response,
      },
    },
    async (req) => db.transaction((tx) => readSettings(tx, officerOf(req).stationId)),
  )

  app.put(
    '/api/admin/consultations/settings',
    {
      onRequest: requirePermission('consultations.settings'),
      schema: {
        tags,
        summary: 'Change office hours, replace the holiday list, set topics (consultations.settings)',
        security: SESSION_SECURITY,
        body: settingsPutSchema,
        response,
      },
    },
    async (req) => {
      const me = officerOf(req)
      return db.transaction(async (tx) => {
        const { after, change } = await updateSettings(tx, me.stationId, req.body)
        if (Object.keys(change).length > 0) {
          await audit.record(tx, {
            ...auditFrom(req),
            action: 'consultation_settings.update',
            entityType: 'station',
            entityId: me.stationId,
            details: change,
          })
        }
        return after
      })
    },
  )
}
