import type { EmulatorContext } from '../context.js'
import { appendTimeline, recordBotMessages } from '../core/chat-log.js'
import { GROUP_ID_PATTERN, ROOM_ID_PATTERN, USER_ID_PATTERN } from '../core/ids.js'
import { badRequest, LineApiError } from '../spec/line-errors.js'
import type { DeliveryMethod, LineMessage } from '../types.js'

const SEVEN_DAYS_MS = 7 * 24 * 60 * 60 * 1000

/**
 * LINE delivers to friends, and to people who wrote to the OA 1:1 in the last 7 days; to anyone else
 * (blocked, never added) the API still answers 200 but nothing arrives.
 */
export function canReachUser(ctx: EmulatorContext, userId: string): boolean {
  const user = ctx.state.users.get(userId)
  if (!user || user.friendship === 'blocked') {
    return false
  }
  return user.friendship === 'friend' || ctx.now() - (user.lastMessagedAt ?? Number.NEGATIVE_INFINITY) < SEVEN_DAYS_MS
}

export type Target = { chatId: string; recipients: number; reachable: boolean }

/** A push `to`: a user, or a group the OA is in. */
export function pushTarget(ctx: EmulatorContext, to: string): Target {
  if (!USER_ID_PATTERN.test(to) && !GROUP_ID_PATTERN.test(to) && !ROOM_ID_PATTERN.test(to)) {
    throw badRequest("The property, 'to', in the request body is invalid (line: -, column: -)")
  }
  if (to.startsWith('U')) {
    if (!ctx.state.users.has(to)) {
      throw badRequest('Failed to send messages')
    }
    const reachable = canReachUser(ctx, to)
    return { chatId: to, recipients: reachable ? 1 : 0, reachable }
  }
  const group = ctx.state.groups.get(to)
  if (!group?.botIsMember) {
    throw badRequest('Failed to send messages')
  }
  return { chatId: to, recipients: group.memberIds.length, reachable: true }
}

/** Monthly quota: counted per recipient person, not per message object; replies are free. */
export function chargeQuota(ctx: EmulatorContext, recipients: number): void {
  const { quota, usage } = ctx.state
  if (quota.type === 'limited' && usage.total + recipients > quota.value) {
    throw new LineApiError(429, 'You have reached your monthly limit.')
  }
  usage.total += recipients
}

export function countDelivery(ctx: EmulatorContext, via: DeliveryMethod, recipients: number): void {
  // LINE's daily delivery statistics use dates in UTC+9.
  const day = new Date(ctx.now() + 9 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '')
  let counts = ctx.state.usage.byDay.get(day)
  if (!counts) {
    counts = { reply: 0, push: 0, multicast: 0, broadcast: 0, narrowcast: 0 }
    ctx.state.usage.byDay.set(day, counts)
  }
  counts[via] += recipients
}

/** A push or multicast's customAggregationUnits (LINE allows one per request): its statistics can be read back. */
export function countAggregationUnit(ctx: EmulatorContext, units: unknown, recipients: number): void {
  if (!Array.isArray(units)) {
    return
  }
  for (const unit of units) {
    if (typeof unit !== 'string') {
      continue
    }
    const known = ctx.state.aggregationUnits.get(unit) ?? { requests: 0, recipients: 0, firstAt: ctx.now() }
    known.requests += 1
    known.recipients += recipients
    ctx.state.aggregationUnits.set(unit, known)
  }
}

export type Outgoing = {
  via: DeliveryMethod
  messages: LineMessage[]
  requestId: string
  retryKey?: string
  notificationDisabled: boolean
}

/** Puts the messages into a chat, or, for an unreachable user, notes in the simulator that LINE dropped them. */
export function deliverToChat(ctx: EmulatorContext, target: Target, out: Outgoing) {
  if (!target.reachable) {
    const reason = ctx.state.users.get(target.chatId)?.friendship === 'blocked' ? 'blocked' : 'notFriend'
    appendTimeline(ctx, {
      kind: 'system',
      chatId: target.chatId,
      code: 'notDelivered',
      detail: { via: out.via, reason },
    })
    // LINE still answers as if it sent them.
    return out.messages.map(() => ({ id: ctx.messageId() }))
  }
  ctx.state.copies.set(target.chatId, (ctx.state.copies.get(target.chatId) ?? 0) + 1)
  const bulk = out.via === 'multicast' || out.via === 'broadcast' || out.via === 'narrowcast'
  if (bulk && !ctx.state.settings.recordBulkMessages) {
    return out.messages.map(() => ({ id: ctx.messageId() }))
  }
  return recordBotMessages(ctx, { chatId: target.chatId, ...out })
}
