import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { appendTimeline } from '../core/chat-log.js'
import { GROUP_ID_PATTERN, hex, USER_ID_PATTERN } from '../core/ids.js'
import { badRequest, notFound } from '../spec/line-errors.js'
import type { EmulatedGroup } from '../types.js'
import { leaveEvent } from '../webhook/events.js'
import { deliverEvents } from '../webhook/sender.js'

// @line/bot-sdk 11.0.0 puts path parameters into URLs unchecked, so the emulator rejects malformed IDs the way
// the bot must (400), and unknown ones the way LINE does (404).
export function userIdParam(params: unknown, name = 'userId'): string {
  const value = String((params as Record<string, string>)[name] ?? '')
  if (!USER_ID_PATTERN.test(value)) {
    throw badRequest(`The value for the '${name}' parameter is invalid`)
  }
  return value
}

export function profileRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state } = ctx

  // Profiles are available for friends and for people who wrote to the OA; not after they block it.
  app.get('/profile/:userId', async (req) => {
    const user = state.users.get(userIdParam(req.params))
    if (!user || user.friendship === 'blocked' || (user.friendship === 'none' && !user.lastMessagedAt)) {
      throw notFound('Not found')
    }
    return {
      userId: user.userId,
      displayName: user.displayName,
      ...(user.pictureUrl ? { pictureUrl: user.pictureUrl } : {}),
      ...(user.statusMessage ? { statusMessage: user.statusMessage } : {}),
      language: user.language,
    }
  })

  app.get('/info', async () => ({
    userId: state.bot.userId,
    basicId: state.bot.basicId,
    displayName: state.bot.displayName,
    ...(state.bot.pictureUrl ? { pictureUrl: state.bot.pictureUrl } : {}),
    chatMode: 'bot',
    markAsReadMode: 'auto',
  }))

  app.get('/followers/ids', async (req) => {
    const query = req.query as { start?: string; limit?: string }
    const limit = Math.min(Math.max(Number(query.limit ?? 300) || 300, 1), 1000)
    const start = Number(query.start ?? 0) || 0
    const ids = [...state.users.values()].filter((u) => u.friendship === 'friend').map((u) => u.userId)
    const page = ids.slice(start, start + limit)
    return start + limit < ids.length ? { userIds: page, next: String(start + limit) } : { userIds: page }
  })

  app.post('/user/:userId/linkToken', async (req) => {
    const userId = userIdParam(req.params)
    if (!state.users.has(userId)) {
      throw notFound('Not found')
    }
    return { linkToken: hex(16) }
  })
}

export function groupRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state } = ctx

  function groupOf(params: unknown): EmulatedGroup {
    const groupId = String((params as { groupId?: string }).groupId ?? '')
    if (!GROUP_ID_PATTERN.test(groupId)) {
      throw badRequest("The value for the 'groupId' parameter is invalid")
    }
    const group = state.groups.get(groupId)
    if (!group?.botIsMember) {
      throw notFound('Not found')
    }
    return group
  }

  app.get('/group/:groupId/summary', async (req) => {
    const group = groupOf(req.params)
    return {
      groupId: group.groupId,
      groupName: group.groupName,
      ...(group.pictureUrl ? { pictureUrl: group.pictureUrl } : {}),
    }
  })

  app.get('/group/:groupId/members/count', async (req) => ({ count: groupOf(req.params).memberIds.length }))

  app.get('/group/:groupId/members/ids', async (req) => ({ memberIds: groupOf(req.params).memberIds }))

  app.get('/group/:groupId/member/:userId', async (req) => {
    const group = groupOf(req.params)
    const userId = userIdParam(req.params)
    const user = state.users.get(userId)
    if (!user || !group.memberIds.includes(userId)) {
      throw notFound('Not found')
    }
    return { userId, displayName: user.displayName, ...(user.pictureUrl ? { pictureUrl: user.pictureUrl } : {}) }
  })

  // The OA leaves by itself: LINE answers at once and sends the `leave` event afterwards.
  app.post('/group/:groupId/leave', async (req) => {
    const group = groupOf(req.params)
    group.botIsMember = false
    appendTimeline(ctx, { kind: 'system', chatId: group.groupId, code: 'leave' })
    ctx.bus.emit({ type: 'state' })
    setImmediate(() => {
      deliverEvents(ctx, [leaveEvent(ctx, group.groupId)]).catch((err: unknown) => {
        ctx.log.warn({ err }, 'line emulator: leave webhook failed')
      })
    })
    return {}
  })
}
