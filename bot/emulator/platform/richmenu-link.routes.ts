import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { USER_ID_PATTERN } from '../core/ids.js'
import { badRequest, invalidBody, notFound } from '../spec/line-errors.js'
import type { RichMenuRecord } from '../types.js'
import { userIdParam } from './profile.routes.js'

const MAX_ALIASES = 1_000

/** Which menu each user sees (per-user link > default), and aliases for tab-style menus. */
export function richMenuLinkRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state } = ctx
  const changed = () => ctx.bus.emit({ type: 'state' })

  // LINE refuses to show a menu that has no image yet.
  function usableMenu(richMenuId: string | undefined): RichMenuRecord {
    const menu = richMenuId ? state.richMenus.get(richMenuId) : undefined
    if (!menu) {
      throw notFound('Not found')
    }
    if (!menu.image) {
      throw badRequest('must upload richmenu image before applying it to user')
    }
    return menu
  }

  app.post('/user/:userId/richmenu/:richMenuId', async (req) => {
    const userId = userIdParam(req.params)
    const menu = usableMenu((req.params as { richMenuId: string }).richMenuId)
    state.userRichMenus.set(userId, menu.richMenuId)
    changed()
    return {}
  })

  app.get('/user/:userId/richmenu', async (req) => {
    const richMenuId = state.userRichMenus.get(userIdParam(req.params))
    if (!richMenuId) {
      throw notFound('the user has no richmenu')
    }
    return { richMenuId }
  })

  app.delete('/user/:userId/richmenu', async (req) => {
    state.userRichMenus.delete(userIdParam(req.params))
    changed()
    return {}
  })

  app.post('/richmenu/bulk/link', async (req, reply) => {
    const body = req.body as { richMenuId: string; userIds: string[] }
    const menu = usableMenu(body.richMenuId)
    checkUserIds(body.userIds)
    for (const userId of body.userIds) {
      state.userRichMenus.set(userId, menu.richMenuId)
    }
    changed()
    return reply.code(202).send({})
  })

  app.post('/richmenu/bulk/unlink', async (req, reply) => {
    const body = req.body as { userIds: string[] }
    checkUserIds(body.userIds)
    for (const userId of body.userIds) {
      state.userRichMenus.delete(userId)
    }
    changed()
    return reply.code(202).send({})
  })

  app.post('/user/all/richmenu/:richMenuId', async (req) => {
    state.defaultRichMenuId = usableMenu((req.params as { richMenuId: string }).richMenuId).richMenuId
    changed()
    return {}
  })

  app.get('/user/all/richmenu', async () => {
    if (!state.defaultRichMenuId) {
      throw notFound('no default richmenu')
    }
    return { richMenuId: state.defaultRichMenuId }
  })

  app.delete('/user/all/richmenu', async () => {
    state.defaultRichMenuId = undefined
    changed()
    return {}
  })

  app.post('/richmenu/alias', async (req) => {
    const body = req.body as { richMenuAliasId: string; richMenuId: string }
    if (state.richMenuAliases.has(body.richMenuAliasId)) {
      throw badRequest('conflict richmenu alias id')
    }
    if (state.richMenuAliases.size >= MAX_ALIASES) {
      throw badRequest('The number of rich menu aliases exceeds the limit (1000)')
    }
    state.richMenuAliases.set(body.richMenuAliasId, usableMenu(body.richMenuId).richMenuId)
    changed()
    return {}
  })

  app.get('/richmenu/alias/list', async () => ({
    aliases: [...state.richMenuAliases].map(([richMenuAliasId, richMenuId]) => ({ richMenuAliasId, richMenuId })),
  }))

  app.get('/richmenu/alias/:richMenuAliasId', async (req) => {
    const richMenuAliasId = (req.params as { richMenuAliasId: string }).richMenuAliasId
    const richMenuId = state.richMenuAliases.get(richMenuAliasId)
    if (!richMenuId) {
      throw notFound('richmenu alias not found')
    }
    return { richMenuAliasId, richMenuId }
  })

  app.post('/richmenu/alias/:richMenuAliasId', async (req) => {
    const richMenuAliasId = (req.params as { richMenuAliasId: string }).richMenuAliasId
    if (!state.richMenuAliases.has(richMenuAliasId)) {
      throw notFound('richmenu alias not found')
    }
    const body = req.body as { richMenuId: string }
    state.richMenuAliases.set(richMenuAliasId, usableMenu(body.richMenuId).richMenuId)
    changed()
    return {}
  })

  app.delete('/richmenu/alias/:richMenuAliasId', async (req) => {
    const richMenuAliasId = (req.params as { richMenuAliasId: string }).richMenuAliasId
    if (!state.richMenuAliases.delete(richMenuAliasId)) {
      throw notFound('richmenu alias not found')
    }
    changed()
    return {}
  })
}

function checkUserIds(userIds: string[]): void {
  if (userIds.length > 500) {
    throw invalidBody([{ message: 'Size must be between 1 and 500', property: 'userIds' }])
  }
  const bad = userIds.flatMap((id, i) =>
    USER_ID_PATTERN.test(id) ? [] : [{ message: 'must be a user ID', property: `userIds[${i}]` }],
  )
  if (bad.length) {
    throw invalidBody(bad)
  }
}
