import type { EmulatorContext } from '../context.js'
import { newQuoteToken, newReplyToken } from '../core/ids.js'
import type { WebhookEvent, WebhookSource } from '../types.js'

// Event builders in the shapes of webhook.yml. Tests validate their output against that spec.

export type Speaker = { userId: string; groupId?: string }

export function sourceOf(speaker: Speaker, withUser = true): WebhookSource {
  if (speaker.groupId) {
    return withUser ? { type: 'group', groupId: speaker.groupId, userId: speaker.userId } : groupOnly(speaker.groupId)
  }
  return { type: 'user', userId: speaker.userId }
}

function groupOnly(groupId: string): WebhookSource {
  return { type: 'group', groupId }
}

function base(ctx: EmulatorContext, type: string, source: WebhookSource, replyable: boolean): WebhookEvent {
  return {
    type,
    mode: 'active',
    timestamp: ctx.now(),
    source,
    webhookEventId: ctx.ulid(),
    deliveryContext: { isRedelivery: false },
    ...(replyable ? { replyToken: newReplyToken() } : {}),
  }
}

export function textEvent(ctx: EmulatorContext, speaker: Speaker, text: string): WebhookEvent {
  const message = { id: ctx.messageId(), type: 'text', text, quoteToken: newQuoteToken() }
  return { ...base(ctx, 'message', sourceOf(speaker), true), message }
}

export function imageEvent(ctx: EmulatorContext, speaker: Speaker, messageId: string): WebhookEvent {
  const message = { id: messageId, type: 'image', contentProvider: { type: 'line' }, quoteToken: newQuoteToken() }
  return { ...base(ctx, 'message', sourceOf(speaker), true), message }
}

/** A video or audio message; LINE gives its length in ms (the emulator does not parse the file: one second). */
export function mediaEvent(
  ctx: EmulatorContext,
  speaker: Speaker,
  messageId: string,
  type: 'video' | 'audio',
): WebhookEvent {
  const message = { id: messageId, type, duration: 1000, contentProvider: { type: 'line' } }
  return { ...base(ctx, 'message', sourceOf(speaker), true), message }
}

export function stickerEvent(ctx: EmulatorContext, speaker: Speaker, packageId: string, stickerId: string) {
  const message = {
    id: ctx.messageId(),
    type: 'sticker',
    packageId,
    stickerId,
    stickerResourceType: 'STATIC',
    quoteToken: newQuoteToken(),
  }
  return { ...base(ctx, 'message', sourceOf(speaker), true), message }
}

export type LocationInput = { latitude: number; longitude: number; title?: string; address?: string }

export function locationEvent(ctx: EmulatorContext, speaker: Speaker, loc: LocationInput): WebhookEvent {
  const message = {
    id: ctx.messageId(),
    type: 'location',
    ...(loc.title ? { title: loc.title } : {}),
    ...(loc.address ? { address: loc.address } : {}),
    latitude: loc.latitude,
    longitude: loc.longitude,
  }
  return { ...base(ctx, 'message', sourceOf(speaker), true), message }
}

export function postbackEvent(ctx: EmulatorContext, speaker: Speaker, data: string, params?: Record<string, string>) {
  const postback = params && Object.keys(params).length ? { data, params } : { data }
  return { ...base(ctx, 'postback', sourceOf(speaker), true), postback }
}

export function followEvent(ctx: EmulatorContext, userId: string, isUnblocked: boolean): WebhookEvent {
  return { ...base(ctx, 'follow', { type: 'user', userId }, true), follow: { isUnblocked } }
}

export function unfollowEvent(ctx: EmulatorContext, userId: string): WebhookEvent {
  return base(ctx, 'unfollow', { type: 'user', userId }, false)
}

export function joinEvent(ctx: EmulatorContext, groupId: string): WebhookEvent {
  return base(ctx, 'join', groupOnly(groupId), true)
}

export function leaveEvent(ctx: EmulatorContext, groupId: string): WebhookEvent {
  return base(ctx, 'leave', groupOnly(groupId), false)
}

export function memberJoinedEvent(ctx: EmulatorContext, groupId: string, userIds: string[]): WebhookEvent {
  const members = userIds.map((userId) => ({ type: 'user' as const, userId }))
  return { ...base(ctx, 'memberJoined', groupOnly(groupId), true), joined: { members } }
}

export function memberLeftEvent(ctx: EmulatorContext, groupId: string, userIds: string[]): WebhookEvent {
  const members = userIds.map((userId) => ({ type: 'user' as const, userId }))
  return { ...base(ctx, 'memberLeft', groupOnly(groupId), false), left: { members } }
}

/** The chat a reply to this event lands in. */
export function chatIdOf(source: WebhookSource | undefined): string | undefined {
  if (!source) {
    return undefined
  }
  if (source.type === 'group') {
    return source.groupId
  }
  if (source.type === 'room') {
    return source.roomId
  }
  return source.userId
}
