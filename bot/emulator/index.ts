import type { FastifyPluginAsync } from 'fastify'
import { createContext, type LineEmulatorOptions } from './context.js'
import { messagesTo, waitForMessages } from './core/chat-log.js'
import { createSnapshotWriter } from './core/persistence.js'
import { takeSnapshot } from './core/snapshot.js'
import { oauthPlugin } from './platform/oauth.plugin.js'
import { platformPlugin } from './platform/platform.plugin.js'
import { simulatorPlugin } from './simulator/simulator.plugin.js'
import { specValidator } from './spec/spec-validator.js'
import type { EmulatorState } from './state.js'
import type { EmulatedGroup, EmulatedUser, Language, ReceivedMessage, WebhookDelivery, WebhookEvent } from './types.js'
import type { LocationInput } from './webhook/events.js'
import { createGroupActions } from './webhook/group-actions.js'
import { deliverEvents } from './webhook/sender.js'
import { createUserActions, type ImageInput } from './webhook/user-actions.js'

export type { EmulatorLogger, EmulatorOfficers, LineEmulatorOptions } from './context.js'
export { makePng } from './core/png.js'
export type { EmulatorState } from './state.js'
export type * from './types.js'

export type LineEmulator = {
  /** Registers every route at the root of the host: /v2/bot/*, /oauth2/v2.1/verify, /emulator, /emulator/api/*. */
  plugin: FastifyPluginAsync
  state: EmulatorState
  /** Where webhooks go from now on (e.g. once the bot's server listens on a random port). */
  setWebhookUrl(url: string): void
  /** Replaces the LIFF ID -> endpoint URL map. */
  setLiffApps(apps: Record<string, string>): void
  createUser(input: { displayName: string; language?: Language }): EmulatedUser
  sendText(userId: string, text: string): Promise<WebhookDelivery>
  sendPostback(
    userId: string,
    data: string,
    params?: Record<string, string>,
    opts?: { displayText?: string },
  ): Promise<WebhookDelivery>
  sendLocation(
    userId: string,
    loc: { latitude: number; longitude: number; title?: string; address?: string },
  ): Promise<WebhookDelivery>
  /** An image message; without `image`, a small generated PNG. The bot downloads it from /v2/bot/message/{id}/content. */
  sendImage(userId: string, image?: ImageInput): Promise<WebhookDelivery>
  sendSticker(userId: string, packageId: string, stickerId: string): Promise<WebhookDelivery>
  follow(userId: string): Promise<WebhookDelivery>
  unfollow(userId: string): Promise<WebhookDelivery>
  redeliver(webhookEventId: string): Promise<WebhookDelivery>
  deliver(events: object[]): Promise<WebhookDelivery>
  issueIdToken(userId: string): string
  messagesTo(chatId: string): ReceivedMessage[]
  waitForMessages(chatId: string, count: number, timeoutMs?: number): Promise<ReceivedMessage[]>
  /** A group of people (the bot is not in it until joinGroup). */
  createGroup(input: { groupName: string; memberIds?: string[] }): EmulatedGroup
  /** The bot is invited into the group: `join` event. */
  joinGroup(groupId: string): Promise<WebhookDelivery>
  /** The bot is removed from the group: `leave` event. */
  leaveGroup(groupId: string): Promise<WebhookDelivery>
  /** `memberJoined`; undefined when the bot is not in the group (nothing is sent). */
  addGroupMembers(groupId: string, userIds: string[]): Promise<WebhookDelivery | undefined>
  /** `memberLeft`; undefined when the bot is not in the group. */
  removeGroupMembers(groupId: string, userIds: string[]): Promise<WebhookDelivery | undefined>
  sendGroupText(groupId: string, userId: string, text: string): Promise<WebhookDelivery>
  sendGroupPostback(
    groupId: string,
    userId: string,
    data: string,
    params?: Record<string, string>,
  ): Promise<WebhookDelivery>
}

export function createLineEmulator(opts: LineEmulatorOptions): LineEmulator {
  const ctx = createContext(opts)
  const users = createUserActions(ctx)
  const groups = createGroupActions(ctx)
  // Compile LINE's spec now rather than on the first API call, so the first request is not the slow one.
  specValidator('messaging-api.yml')

  const saver = opts.persistDir
    ? createSnapshotWriter({
        dir: opts.persistDir,
        bus: ctx.bus,
        take: () => takeSnapshot(ctx.state, ctx.now()),
        log: ctx.log,
      })
    : undefined

  const plugin: FastifyPluginAsync = async (app) => {
    if (saver) {
      app.addHook('onClose', () => saver.close())
    }
    await app.register(platformPlugin(ctx), { prefix: '/v2/bot' })
    await app.register(oauthPlugin(ctx), { prefix: '/oauth2/v2.1' })
    await app.register(simulatorPlugin({ ctx, users, groups }), { prefix: '/emulator' })
  }

  return {
    plugin,
    state: ctx.state,
    setWebhookUrl: (url) => {
      ctx.state.webhook.endpoint = url
    },
    setLiffApps: (apps) => {
      ctx.state.liffApps = { ...apps }
    },
    createUser: users.createUser,
    sendText: (userId, text) => users.text({ userId }, text),
    sendPostback: (userId, data, params, o) => users.postback({ userId }, data, params, o),
    sendLocation: (userId, loc: LocationInput) => users.location({ userId }, loc),
    sendImage: (userId, image) => users.image({ userId }, image),
    sendSticker: (userId, packageId, stickerId) => users.sticker({ userId }, packageId, stickerId),
    follow: users.follow,
    unfollow: users.unfollow,
    redeliver: users.redeliver,
    deliver: (events) => deliverEvents(ctx, events as WebhookEvent[]),
    issueIdToken: users.issueIdToken,
    messagesTo: (chatId) => messagesTo(ctx, chatId),
    waitForMessages: (chatId, count, timeoutMs) => waitForMessages(ctx, chatId, count, timeoutMs),
    createGroup: groups.createGroup,
    joinGroup: groups.joinGroup,
    leaveGroup: groups.leaveGroup,
    addGroupMembers: groups.addGroupMembers,
    removeGroupMembers: groups.removeGroupMembers,
    sendGroupText: (groupId, userId, text) => users.text({ userId, groupId }, text),
    sendGroupPostback: (groupId, userId, data, params) => users.postback({ userId, groupId }, data, params),
  }
}
