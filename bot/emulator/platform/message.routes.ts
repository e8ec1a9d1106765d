import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { USER_ID_PATTERN } from '../core/ids.js'
import { badRequest, invalidBody, notFound } from '../spec/line-errors.js'
import type { LineMessage } from '../types.js'
import {
  canReachUser,
  chargeQuota,
  countAggregationUnit,
  countDelivery,
  deliverToChat,
  type Outgoing,
  pushTarget,
  type Target,
} from './recipients.js'
import { acceptRetryKey, requestIdOf } from './request-checks.js'

type SendBody = { messages: LineMessage[]; notificationDisabled?: boolean; customAggregationUnits?: string[] }
type ReplyBody = SendBody & { replyToken: string }
type PushBody = SendBody & { to: string }
type MulticastBody = SendBody & { to: string[] }
type NarrowcastBody = SendBody & { limit?: { max?: number } }

const REPLY_TOKEN_LIFETIME_MS = 60_000

// Bodies reach these handlers already validated against the spec and LINE's rules (platform preHandler).
export function messageRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state } = ctx

  app.post('/message/reply', async (req, reply) => {
    const body = req.body as ReplyBody
    const token = state.replyTokens.get(body.replyToken)
    if (!token || token.usedAt !== undefined || ctx.now() - token.sentAt > REPLY_TOKEN_LIFETIME_MS) {
      throw badRequest('Invalid reply token')
    }
    token.usedAt = ctx.now()
    const target = replyTarget(token.chatId)
    countDelivery(ctx, 'reply', target.recipients)
    const sentMessages = deliverToChat(ctx, target, outgoing('reply', body, requestIdOf(reply)))
    return { sentMessages }
  })

  app.post('/message/push', async (req, reply) => {
    const body = req.body as PushBody
    const target = pushTarget(ctx, body.to)
    chargeQuota(ctx, target.recipients)
    countDelivery(ctx, 'push', target.recipients)
    const out = outgoing('push', body, requestIdOf(reply), req.headers['x-line-retry-key'])
    const sentMessages = deliverToChat(ctx, target, out)
    countAggregationUnit(ctx, body.customAggregationUnits, target.recipients)
    acceptRetryKey(ctx, req, sentMessages)
    return { sentMessages }
  })

  app.post('/message/multicast', async (req, reply) => {
    const body = req.body as MulticastBody
    const bad = body.to.flatMap((id, i) =>
      USER_ID_PATTERN.test(id) ? [] : [{ message: 'must be a user ID', property: `to[${i}]` }],
    )
    if (bad.length) {
      throw invalidBody(bad)
    }
    const targets = [...new Set(body.to)].map((userId) => userTarget(userId))
    sendToMany(targets, outgoing('multicast', body, requestIdOf(reply), req.headers['x-line-retry-key']))
    countAggregationUnit(
      ctx,
      body.customAggregationUnits,
      targets.reduce((n, t) => n + t.recipients, 0),
    )
    acceptRetryKey(ctx, req)
    return {}
  })

  app.post('/message/broadcast', async (req, reply) => {
    const body = req.body as SendBody
    sendToMany(friends(), outgoing('broadcast', body, requestIdOf(reply), req.headers['x-line-retry-key']))
    acceptRetryKey(ctx, req)
    return {}
  })

  // Narrowcast: audiences and demographic filters are not modelled; every friend matches, `limit.max` still applies.
  app.post('/message/narrowcast', async (req, reply) => {
    const body = req.body as NarrowcastBody
    const max = body.limit?.max
    const targets = friends().slice(0, max ?? undefined)
    const requestId = requestIdOf(reply)
    sendToMany(targets, outgoing('narrowcast', body, requestId, req.headers['x-line-retry-key']))
    state.narrowcasts.set(requestId, {
      requestId,
      acceptedAt: ctx.now(),
      completedAt: ctx.now(),
      targetCount: targets.length,
      successCount: targets.length,
    })
    acceptRetryKey(ctx, req)
    return reply.code(202).send({})
  })

  app.get('/message/progress/narrowcast', async (req) => {
    const { requestId } = req.query as { requestId?: string }
    const record = requestId ? state.narrowcasts.get(requestId) : undefined
    if (!record) {
      throw notFound('Not found')
    }
    return {
      phase: 'succeeded',
      successCount: record.successCount,
      failureCount: 0,
      targetCount: record.targetCount,
      acceptedTime: new Date(record.acceptedAt).toISOString(),
      completedTime: new Date(record.completedAt).toISOString(),
    }
  })

  for (const kind of ['reply', 'push', 'multicast', 'narrowcast', 'broadcast']) {
    app.post(`/message/validate/${kind}`, async () => ({}))
  }

  app.post('/chat/loading/start', async (req, reply) => {
    const body = req.body as { chatId: string; loadingSeconds?: number }
    const seconds = body.loadingSeconds ?? 20
    if (seconds % 5 !== 0) {
      throw invalidBody([{ message: 'must be a multiple of 5', property: 'loadingSeconds' }])
    }
    // Only 1:1 chats; LINE answers 202 even when nothing is shown (not a friend, blocked, not looking).
    if (!USER_ID_PATTERN.test(body.chatId)) {
      throw invalidBody([{ message: 'must be a user ID', property: 'chatId' }])
    }
    if (canReachUser(ctx, body.chatId) && state.users.get(body.chatId)?.friendship === 'friend') {
      const until = ctx.now() + seconds * 1000
      state.loading.set(body.chatId, until)
      ctx.bus.emit({ type: 'loading', chatId: body.chatId, until })
    }
    return reply.code(202).send({})
  })

  function replyTarget(chatId: string): Target {
    const group = state.groups.get(chatId)
    if (group) {
      return { chatId, recipients: group.memberIds.length, reachable: group.botIsMember }
    }
    // A reply reaches the user unless they blocked the OA since the event.
    const reachable = state.users.get(chatId)?.friendship !== 'blocked'
    return { chatId, recipients: reachable ? 1 : 0, reachable }
  }

  function userTarget(userId: string): Target {
    const reachable = canReachUser(ctx, userId)
    return { chatId: userId, recipients: reachable ? 1 : 0, reachable }
  }

  function friends(): Target[] {
    return [...state.users.values()]
      .filter((u) => u.friendship === 'friend')
      .map((u) => ({ chatId: u.userId, recipients: 1, reachable: true }))
  }

  function sendToMany(targets: Target[], out: Outgoing): void {
    const recipients = targets.reduce((n, t) => n + t.recipients, 0)
    chargeQuota(ctx, recipients)
    countDelivery(ctx, out.via, recipients)
    for (const target of targets) {
      // LINE skips users it cannot reach and still answers 200; the simulator notes it in their chat.
      deliverToChat(ctx, target, out)
    }
  }
}

function outgoing(via: Outgoing['via'], body: SendBody, requestId: string, retryKey?: string | string[]): Outgoing {
  return {
    via,
    messages: body.messages,
    requestId,
    ...(typeof retryKey === 'string' ? { retryKey } : {}),
    notificationDisabled: body.notificationDisabled === true,
  }
}
