import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { sendContent } from '../core/media.js'
import { publicMenu } from '../platform/richmenu.routes.js'
import type { Language, WebhookDelivery } from '../types.js'
import type { GroupActions } from '../webhook/group-actions.js'
import type { UserActions } from '../webhook/user-actions.js'
import { liffLaunchUrl } from './liff-url.js'

type SendBody =
  | { kind: 'text'; userId: string; text: string }
  | { kind: 'postback'; userId: string; data: string; params?: Record<string, string>; displayText?: string }
  | { kind: 'location'; userId: string; latitude: number; longitude: number; title?: string; address?: string }
  | { kind: 'image'; userId: string; dataBase64?: string }
  | { kind: 'video' | 'audio'; userId: string; dataBase64: string }
  | { kind: 'sticker'; userId: string; packageId: string; stickerId: string }

export type SimulatorDeps = { ctx: EmulatorContext; users: UserActions; groups: GroupActions }

function summary(d: WebhookDelivery | undefined) {
  return d
    ? { status: d.status, ok: d.ok, durationMs: d.durationMs, error: d.error ?? null }
    : { status: null, ok: true }
}

/** The JSON API behind the simulator page (under /emulator/api). Not part of LINE; no bearer token. */
export function simulatorApiRoutes(app: FastifyInstance, { ctx, users, groups }: SimulatorDeps): void {
  const { state } = ctx

  app.get('/api/state', async () => ({
    bot: state.bot,
    webhook: state.webhook,
    users: [...state.users.values()],
    groups: [...state.groups.values()],
    liffIds: Object.keys(state.liffApps),
    quota: { ...state.quota, used: state.usage.total },
    // Links to these open on the page's own origin; `officers` says the "make admin" routes exist.
    botOrigins: ctx.opts.botOrigins ?? [],
    officers: ctx.opts.officers ? { adminLiffId: ctx.opts.officers.adminLiffId } : null,
  }))

  app.post('/api/users', async (req) => {
    const body = req.body as { displayName?: string; language?: Language; follow?: boolean }
    const displayName = body.displayName?.trim()
    if (!displayName) {
      throw new Error('line emulator: displayName is required')
    }
    const user = users.createUser({ displayName, language: body.language === 'en' ? 'en' : 'th' })
    const delivery = body.follow === false ? undefined : await users.follow(user.userId)
    return { user, delivery: summary(delivery) }
  })

  app.post('/api/users/:userId/follow', async (req) => summary(await users.follow(param(req.params, 'userId'))))
  app.post('/api/users/:userId/unfollow', async (req) => summary(await users.unfollow(param(req.params, 'userId'))))

  app.get('/api/chats/:chatId/timeline', async (req) => {
    const chatId = param(req.params, 'chatId')
    const until = state.loading.get(chatId)
    return { items: state.timelines.get(chatId) ?? [], loadingMs: until && until > ctx.now() ? until - ctx.now() : 0 }
  })

  // One endpoint for everything a person can send, in a 1:1 chat (chatId = their userId) or a group.
  app.post('/api/chats/:chatId/send', { bodyLimit: 12 * 1024 * 1024 }, async (req) => {
    const chatId = param(req.params, 'chatId')
    const body = req.body as SendBody
    const speaker = chatId === body.userId ? { userId: body.userId } : { userId: body.userId, groupId: chatId }
    switch (body.kind) {
      case 'text':
        return summary(await users.text(speaker, body.text))
      case 'postback':
        return summary(
          await users.postback(
            speaker,
            body.data,
            body.params,
            body.displayText ? { displayText: body.displayText } : {},
          ),
        )
      case 'location':
        return summary(await users.location(speaker, body))
      case 'image': {
        // Whatever type the page declared, the bytes decide (user-actions checks them): PNG or JPEG only.
        const image = body.dataBase64
          ? { contentType: 'image/png' as const, data: Buffer.from(body.dataBase64, 'base64') }
          : undefined
        return summary(await users.image(speaker, image))
      }
      case 'video':
      case 'audio':
        return summary(await users.media(speaker, body.kind, Buffer.from(String(body.dataBase64 ?? ''), 'base64')))
      case 'sticker':
        return summary(await users.sticker(speaker, body.packageId, body.stickerId))
      default:
        throw new Error('line emulator: unknown kind')
    }
  })

  app.post('/api/groups', async (req) => {
    const body = req.body as { groupName?: string; memberIds?: string[]; join?: boolean }
    const groupName = body.groupName?.trim()
    if (!groupName) {
      throw new Error('line emulator: groupName is required')
    }
    const group = groups.createGroup({ groupName, memberIds: body.memberIds ?? [] })
    const delivery = body.join === false ? undefined : await groups.joinGroup(group.groupId)
    return { group, delivery: summary(delivery) }
  })

  app.post('/api/groups/:groupId/join', async (req) => summary(await groups.joinGroup(param(req.params, 'groupId'))))
  app.post('/api/groups/:groupId/leave', async (req) => summary(await groups.leaveGroup(param(req.params, 'groupId'))))
  app.post('/api/groups/:groupId/members', async (req) => {
    const { userIds = [] } = req.body as { userIds?: string[] }
    return summary(await groups.addGroupMembers(param(req.params, 'groupId'), userIds))
  })
  app.post('/api/groups/:groupId/members/remove', async (req) => {
    const { userIds = [] } = req.body as { userIds?: string[] }
    return summary(await groups.removeGroupMembers(param(req.params, 'groupId'), userIds))
  })

  app.post('/api/events/:webhookEventId/redeliver', async (req) =>
    summary(await users.redeliver(param(req.params, 'webhookEventId'))),
  )

  // A URI action: LIFF URLs of known apps open in the simulator's frame, signed in as this user.
  app.post('/api/liff/open', async (req, reply) => {
    const body = req.body as { userId: string; uri: string }
    const user = users.requireUser(body.userId)
    const launch = liffLaunchUrl(body.uri, state.liffApps, {
      idToken: users.issueIdToken(user.userId),
      lang: user.language,
    })
    return launch ?? reply.code(404).send({ message: 'not a LIFF URL of a known LIFF app' })
  })

  app.get('/api/content/:messageId', async (req, reply) => {
    const content = state.contents.get(param(req.params, 'messageId'))
    return content ? sendContent(reply, content) : reply.code(404).send({ message: 'Not found' })
  })

  // The rich menu this user sees: their own link first, then the default (LINE's display priority).
  app.get('/api/richmenu', async (req) => {
    const { userId = '', richMenuId, aliasId } = req.query as { userId?: string; richMenuId?: string; aliasId?: string }
    const id = aliasId
      ? state.richMenuAliases.get(aliasId)
      : (richMenuId ?? state.userRichMenus.get(userId) ?? state.defaultRichMenuId)
    const menu = id ? state.richMenus.get(id) : undefined
    return { menu: menu?.image ? publicMenu(menu) : null }
  })

  app.get('/api/richmenu/:richMenuId/image', async (req, reply) => {
    const image = state.richMenus.get(param(req.params, 'richMenuId'))?.image
    return image ? sendContent(reply, image) : reply.code(404).send({ message: 'Not found' })
  })
}

function param(params: unknown, name: string): string {
  return String((params as Record<string, string>)[name] ?? '')
}
