import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod'
import { z } from 'zod'
import type { Db } from '../../db/client.js'
import { adminErrors } from '../http/api-docs.js'
import { type Audit, auditFrom } from '../officers/audit-port.js'
import { SESSION_SECURITY } from '../officers/bearer.js'
import { officerOf, requirePermission } from '../officers/permissions.js'
import type { GroupItem, Groups } from './groups.service.js'

export type GroupsRoutesOptions = { db: Db; groups: Groups; audit: Audit }

const groupSchema = z.object({
  groupId: z.string(),
  name: z.string().nullable(),
  joinedAt: z.iso.datetime(),
  leftAt: z.iso.datetime().nullable(),
  bound: z.boolean(),
})

function toDto(g: GroupItem): z.infer<typeof groupSchema> {
  return { ...g, joinedAt: g.joinedAt.toISOString(), leftAt: g.leftAt?.toISOString() ?? null }
}

/** The bot's LINE groups and which one gets the station's alerts (groups.bind). */
export const groupsRoutes: FastifyPluginAsyncZod<GroupsRoutesOptions> = async (app, { db, groups, audit }) => {
  const bind = requirePermission('groups.bind')
  const tags = ['admin-station']

  app.get(
    '/api/admin/groups',
    {
      onRequest: bind,
      schema: {
        tags,
        summary: 'LINE groups the bot joined; `bound` = gets this station’s alerts (groups.bind)',
        security: SESSION_SECURITY,
        response: { 200: z.object({ items: z.array(groupSchema) }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const items = await db.transaction((tx) => groups.list(tx, me.stationId))
      return { items: (await groups.fillNames(db, items)).map(toDto) }
    },
  )

  app.put(
    '/api/admin/groups/:groupId/binding',
    {
      onRequest: bind,
      schema: {
        tags,
        summary: 'Bind a group to the station (its alerts go there) or unbind it (groups.bind)',
        security: SESSION_SECURITY,
        params: z.object({ groupId: z.string().regex(/^C[0-9a-f]{32}$/, 'a LINE group ID') }),
        body: z.object({ bound: z.boolean() }),
        response: { 200: z.object({ group: groupSchema }), ...adminErrors },
      },
    },
    async (req) => {
      const me = officerOf(req)
      const { groupId } = req.params
      const { group } = await db.transaction(async (tx) => {
        const result = await groups.setBinding(tx, { stationId: me.stationId, groupId, bound: req.body.bound })
        await audit.record(tx, {
          ...auditFrom(req),
          action: req.body.bound ? 'group.bind' : 'group.unbind',
          entityType: 'line_group',
          entityId: groupId,
          details: { previous: result.previous },
        })
        return result
      })
      return { group: toDto(group) }
    },
  )
}
