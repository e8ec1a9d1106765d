import { createHmac } from 'node:crypto'
import type { EmulatorContext } from '../context.js'
import { appendTimeline } from '../core/chat-log.js'
import type { WebhookDelivery, WebhookEvent } from '../types.js'
import { chatIdOf } from './events.js'

const LINE_TIMEOUT_MS = 2_000

export type WebhookPost = Omit<WebhookDelivery, 'event' | 'events'>

export function signBody(body: Buffer | string, channelSecret: string): string {
  return createHmac('sha256', channelSecret).update(body).digest('base64')
}

/** POSTs a signed webhook body, as LINE does: HMAC over the exact bytes sent, answer awaited, status recorded. */
export async function postWebhook(ctx: EmulatorContext, endpoint: string, events: WebhookEvent[]) {
  const body = Buffer.from(JSON.stringify({ destination: ctx.state.bot.userId, events }), 'utf8')
  const started = performance.now()
  let status = 0
  let responseBody = ''
  let error: string | undefined
  try {
    const res = await fetch(endpoint, {
      method: 'POST',
      headers: {
        'content-type': 'application/json; charset=utf-8',
        'user-agent': 'LineBotWebhook/2.0',
        'x-line-signature': signBody(body, ctx.opts.channelSecret),
      },
      body,
      signal: AbortSignal.timeout(ctx.state.settings.webhookTimeoutMs),
    })
    status = res.status
    responseBody = await res.text()
  } catch (err) {
    error = err instanceof Error ? `${err.name}: ${err.message}` : String(err)
  }
  const durationMs = Math.round(performance.now() - started)
  const post: WebhookPost = {
    status,
    ok: status >= 200 && status < 300,
    durationMs,
    slowerThanLineAllows: durationMs > LINE_TIMEOUT_MS,
    responseBody,
    ...(error ? { error } : {}),
  }
  return post
}

/**
 * Sends events to the configured webhook. Reply tokens are registered before the POST, because a bot may reply
 * before it answers the webhook. Failures show up in the chats the events came from, so a person using the
 * simulator sees why the bot stayed silent.
 */
export async function deliverEvents(ctx: EmulatorContext, events: WebhookEvent[]): Promise<WebhookDelivery> {
  const [first] = events
  if (!first) {
    throw new Error('deliver() needs at least one event (LINE sends events: [] only from the webhook test)')
  }
  for (const event of events) {
    // Raw events from deliver() may be deliberately incomplete.
    if (typeof event.webhookEventId === 'string') {
      ctx.state.events.set(event.webhookEventId, event)
    }
    registerReplyToken(ctx, event)
  }
  const { endpoint, active } = ctx.state.webhook
  const post: WebhookPost = active
    ? await postWebhook(ctx, endpoint, events)
    : { status: 0, ok: false, durationMs: 0, slowerThanLineAllows: false, responseBody: '', error: 'webhook inactive' }
  if (!post.ok || post.slowerThanLineAllows) {
    ctx.log.warn({ status: post.status, error: post.error, durationMs: post.durationMs }, 'line emulator: webhook')
    for (const chatId of new Set(events.map((e) => chatIdOf(e.source)))) {
      if (chatId) {
        // The event IDs let the simulator offer "redeliver", as LINE's console does for failed webhooks.
        const eventIds = events.filter((e) => chatIdOf(e.source) === chatId).map((e) => e.webhookEventId)
        const detail = { status: post.status, durationMs: post.durationMs, error: post.error ?? null, eventIds }
        appendTimeline(ctx, { kind: 'system', chatId, code: post.ok ? 'webhookSlow' : 'webhookFailed', detail })
      }
    }
  }
  return { ...post, event: first, events }
}

function registerReplyToken(ctx: EmulatorContext, event: WebhookEvent): void {
  const chatId = chatIdOf(event.source)
  if (!event.replyToken || !chatId) {
    return
  }
  const known = ctx.state.replyTokens.get(event.replyToken)
  if (!known) {
    ctx.state.replyTokens.set(event.replyToken, {
      chatId,
      webhookEventId: event.webhookEventId,
      eventTimestamp: typeof event.timestamp === 'number' ? event.timestamp : ctx.now(),
      sentAt: ctx.now(),
    })
    return
  }
  // Redelivery: LINE gives a fresh minute unless the token was used or the event is over 20 minutes old.
  if (!known.usedAt && ctx.now() - known.eventTimestamp <= 20 * 60_000) {
    known.sentAt = ctx.now()
  }
}
