import type { EmulatorContext } from '../context.js'
import { appendTimeline } from '../core/chat-log.js'
import { newUserId } from '../core/ids.js'
import { acceptMedia } from '../core/media.js'
import { makePng } from '../core/png.js'
import type { EmulatedUser, Language, WebhookDelivery, WebhookEvent } from '../types.js'
import {
  followEvent,
  imageEvent,
  type LocationInput,
  locationEvent,
  mediaEvent,
  postbackEvent,
  type Speaker,
  stickerEvent,
  textEvent,
  unfollowEvent,
} from './events.js'
import { deliverEvents } from './sender.js'

export type ImageInput = { contentType: 'image/png' | 'image/jpeg'; data: Buffer }

/** What a simulated person does in their LINE app; each call sends the webhook LINE would send. */
export function createUserActions(ctx: EmulatorContext) {
  const { state } = ctx

  function requireUser(userId: string): EmulatedUser {
    const user = state.users.get(userId)
    if (!user) {
      throw new Error(`line emulator: unknown user ${userId}; create it with createUser()`)
    }
    return user
  }

  /** Checks who may speak where, and returns the chat the message shows in. */
  function chatFor(speaker: Speaker): string {
    const user = requireUser(speaker.userId)
    if (!speaker.groupId) {
      if (user.friendship === 'blocked') {
        throw new Error(`line emulator: ${user.displayName} has blocked the OA; call follow() first`)
      }
      user.lastMessagedAt = ctx.now()
      return user.userId
    }
    const group = state.groups.get(speaker.groupId)
    if (!group?.memberIds.includes(speaker.userId)) {
      throw new Error(`line emulator: ${speaker.userId} is not a member of group ${speaker.groupId}`)
    }
    if (!group.botIsMember) {
      throw new Error(`line emulator: the bot is not in group ${speaker.groupId}; call joinGroup() first`)
    }
    return group.groupId
  }

  function shown(speaker: Speaker, chatId: string, message: Record<string, unknown>, event: WebhookEvent) {
    const messageId = event.message?.id
    const item = { kind: 'user' as const, chatId, userId: speaker.userId, message: message as { type: string } }
    appendTimeline(ctx, messageId ? { ...item, messageId } : item)
  }

  function createUser(input: { displayName: string; language?: Language }): EmulatedUser {
    const user: EmulatedUser = {
      userId: newUserId(),
      displayName: input.displayName,
      language: input.language ?? 'th',
      friendship: 'none',
      createdAt: ctx.now(),
    }
    state.users.set(user.userId, user)
    ctx.bus.emit({ type: 'state' })
    return user
  }

  async function text(speaker: Speaker, value: string): Promise<WebhookDelivery> {
    const chatId = chatFor(speaker)
    const event = textEvent(ctx, speaker, value)
    shown(speaker, chatId, { type: 'text', text: value }, event)
    return deliverEvents(ctx, [event])
  }

  async function postback(
    speaker: Speaker,
    data: string,
    params?: Record<string, string>,
    opts?: { displayText?: string },
  ): Promise<WebhookDelivery> {
    const chatId = chatFor(speaker)
    const event = postbackEvent(ctx, speaker, data, params)
    // A postback's displayText appears in the chat as the user's message, but no message event is sent.
    if (opts?.displayText) {
      shown(speaker, chatId, { type: 'text', text: opts.displayText }, event)
    }
    return deliverEvents(ctx, [event])
  }

  async function location(speaker: Speaker, loc: LocationInput): Promise<WebhookDelivery> {
    const chatId = chatFor(speaker)
    const event = locationEvent(ctx, speaker, loc)
    shown(speaker, chatId, { type: 'location', ...loc }, event)
    return deliverEvents(ctx, [event])
  }

  /** The stored type is what the bytes are (checked), never what the sender declared. */
  async function image(speaker: Speaker, input?: ImageInput): Promise<WebhookDelivery> {
    const chatId = chatFor(speaker)
    const content = input ? acceptMedia('image', input.data) : undefined
    const messageId = ctx.messageId()
    state.contents.set(messageId, content ?? { contentType: 'image/png', data: makePng(480, 360, [70, 130, 200]) })
    const event = imageEvent(ctx, speaker, messageId)
    shown(speaker, chatId, { type: 'image', messageId }, event)
    return deliverEvents(ctx, [event])
  }

  /** An MP4 video or M4A audio message (checked by its bytes). */
  async function media(speaker: Speaker, kind: 'video' | 'audio', data: Buffer): Promise<WebhookDelivery> {
    const chatId = chatFor(speaker)
    const content = acceptMedia(kind, data)
    const messageId = ctx.messageId()
    state.contents.set(messageId, content)
    const event = mediaEvent(ctx, speaker, messageId, kind)
    shown(speaker, chatId, { type: kind, messageId }, event)
    return deliverEvents(ctx, [event])
  }

  async function sticker(speaker: Speaker, packageId: string, stickerId: string): Promise<WebhookDelivery> {
    const chatId = chatFor(speaker)
    const event = stickerEvent(ctx, speaker, packageId, stickerId)
    shown(speaker, chatId, { type: 'sticker', packageId, stickerId }, event)
    return deliverEvents(ctx, [event])
  }

  async function follow(userId: string): Promise<WebhookDelivery> {
    const user = requireUser(userId)
    const isUnblocked = user.friendship === 'blocked'
    user.friendship = 'friend'
    appendTimeline(ctx, { kind: 'system', chatId: userId, code: 'follow', detail: { isUnblocked } })
    ctx.bus.emit({ type: 'state' })
    return deliverEvents(ctx, [followEvent(ctx, userId, isUnblocked)])
  }

  async function unfollow(userId: string): Promise<WebhookDelivery> {
    const user = requireUser(userId)
    user.friendship = 'blocked'
    appendTimeline(ctx, { kind: 'system', chatId: userId, code: 'unfollow' })
    ctx.bus.emit({ type: 'state' })
    return deliverEvents(ctx, [unfollowEvent(ctx, userId)])
  }

  async function redeliver(webhookEventId: string): Promise<WebhookDelivery> {
    const original = state.events.get(webhookEventId)
    if (!original) {
      throw new Error(`line emulator: no event ${webhookEventId} was sent`)
    }
    // Identical except deliveryContext (LINE: same webhookEventId, same reply token, same timestamp).
    return deliverEvents(ctx, [{ ...structuredClone(original), deliveryContext: { isRedelivery: true } }])
  }

  function issueIdToken(userId: string): string {
    return ctx.idTokens.issue(requireUser(userId))
  }

  return {
    requireUser,
    createUser,
    text,
    postback,
    location,
    image,
    media,
    sticker,
    follow,
    unfollow,
    redeliver,
    issueIdToken,
  }
}

export type UserActions = ReturnType<typeof createUserActions>
