import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../../db/client.js'
import { CONSULTATION_TOPICS } from '../../contracts/consultations.js'
import { adminErrors } from '../../http/api-docs.js'
import { type Audit, auditFrom } from '../../officers/audit-port.js'
import { SESSION_SECURITY } from '../../officers/bearer.js'
import { officerOf, requirePermission } from '../../officers/permissions.js'
import { createAnswer, deleteAnswer, listAnswers, updateAnswer } from './answers.service.js'
import { answerCreateSchema, answerPatchSchema, answerSchema } from './settings.schema.js'

export type CommonAnswersRoutesOptions = { db: Db; audit: Audit }

/**
 * The station's common answers per topic (Thai and English, ordered), which the bot offers before an officer. Every
 * officer reads them; admins and supervisors edit them (consultations.settings). The audit line names the answer and
 * the fields changed, not the texts (they are public information, but long).
 */
export const commonAnswersRoutes: FastifyPluginAsyncZod<CommonAnswersRoutesOptions> = async (app, { db, audit }) => {
  const tags = ['admin-consultations']
  const edit = requirePermission('consultations.settings')
  const params = z.object({ id: z.uuid() })
  const path = '/api/admin/consultations/answers'

  app.get(
    path,
    {
      onRequest: requirePermission('cases.read'),
      schema: {
        tags,
        summary: "The station's common answers, of one topic or all, in order (cases.read)",
        security: SESSION_SECURITY,
        querystring: z.object({ topic: z.enum(CONSULTATION_TOPICS).optional() }),
        response: { 200: z.array(answerSchema), ...adminErrors },
      },
    },
    async (req) => {
      const { stationId } = officerOf(req)
      return db.transaction((tx) => listAnswers(tx, stationId, { topic: req.query.topic }))
    },
  )

  app.post(
    path,
    {
      onRequest: edit,
      schema: {
        tags,
        summary: 'Add a common answer; without a position it goes last (consultations.settings)',
        security: SESSION_SECURITY,
        body: answerCreateSchema,
        response: { 201: answerSchema, ...adminErrors },
      },
    },
    async (req, reply) => {
      const me = officerOf(req)
      const created = await db.transaction(async (tx) => {
        const answer = await createAnswer(tx, me.stationId, req.body)
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'consultation_answer.create',
          entityType: 'consultation_answer',
          entityId: answer.id,
          details: { topic: answer.topic, titleTh: answer.titleTh, position: answer.position },
        })
        return answer
      })
      return reply.status(201).send(created)
    },
  )

  app.patch(
    `${path}/:id`,
    {
      onRequest: edit,
      schema: {
        tags,
        summary: "Change a common answer's texts, topic, order or availability (consultations.settings)",
        security: SESSION_SECURITY,
        params,
        body: answerPatchSchema,
        response: { 200: answerSchema, ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      return db.transaction(async (tx) => {
        const { before, after, changed } = await updateAnswer(tx, me.stationId, req.params.id, req.body)
        if (changed.length > 0) {
          // Texts: only that they changed; short fields: before → after.
          const details: Record<string, unknown> = { topic: after.topic, titleTh: after.titleTh }
          for (const k of changed) {
            details[k] = k.startsWith('body') ? 'changed' : { from: before[k], to: after[k] }
          }
          await audit.record(tx, {
            ...auditFrom(req),
            action: 'consultation_answer.update',
            entityType: 'consultation_answer',
            entityId: after.id,
            details,
          })
        }
        return after
      })
    },
  )

  app.delete(
    `${path}/:id`,
    {
      onRequest: edit,
      schema: {
        tags,
        summary: 'Delete a common answer; its past counts stay on the dashboard (consultations.settings)',
        security: SESSION_SECURITY,
        params,
        response: { 204: z.null(), ...adminErrors },
      },
    },
    async (req, reply) => {
      const me = officerOf(req)
      await db.transaction(async (tx) => {
        const gone = await deleteAnswer(tx, me.stationId, req.params.id)
        await audit.record(tx, {
          ...auditFrom(req),
          action: 'consultation_answer.delete',
          entityType: 'consultation_answer',
          entityId: gone.id,
          details: { topic: gone.topic, titleTh: gone.titleTh },
        })
      })
      return reply.status(204).send(null)
    },
  )
}
