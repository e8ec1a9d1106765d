import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { sendContent } from '../core/media.js'
import { badRequest, notFound } from '../spec/line-errors.js'
import { postWebhook } from '../webhook/sender.js'

const DELIVERY_KINDS = ['reply', 'push', 'multicast', 'broadcast'] as const

/** Channel settings (webhook endpoint), quota and statistics, and the api-data content of users' images. */
export function channelRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state } = ctx

  app.get('/channel/webhook/endpoint', async () => ({ endpoint: state.webhook.endpoint, active: state.webhook.active }))

  app.put('/channel/webhook/endpoint', async (req) => {
    const { endpoint } = req.body as { endpoint: string }
    checkEndpoint(endpoint)
    state.webhook.endpoint = endpoint
    return {}
  })

  // LINE POSTs a webhook with `events: []` and reports how the endpoint answered.
  app.post('/channel/webhook/test', async (req) => {
    const given = (req.body as { endpoint?: string } | undefined)?.endpoint
    if (given !== undefined) {
      checkEndpoint(given)
    }
    const endpoint = given ?? state.webhook.endpoint
    const post = await postWebhook(ctx, endpoint, [])
    return {
      success: post.ok,
      timestamp: new Date(ctx.now()).toISOString(),
      statusCode: post.status,
      reason: post.ok ? 'OK' : post.status ? 'ERROR_STATUS_CODE' : 'COULD_NOT_CONNECT',
      detail: post.ok ? '200' : (post.error ?? `${post.status}`),
    }
  })

  app.get('/message/quota', async () =>
    state.quota.type === 'none' ? { type: 'none' } : { type: 'limited', value: state.quota.value },
  )

  app.get('/message/quota/consumption', async () => ({ totalUsage: state.usage.total }))

  for (const kind of DELIVERY_KINDS) {
    app.get(`/message/delivery/${kind}`, async (req) => {
      const { date } = req.query as { date?: string }
      if (!date || !/^\d{8}$/.test(date)) {
        throw badRequest("The value for the 'date' parameter is invalid")
      }
      return { status: 'ready', success: state.usage.byDay.get(date)?.[kind] ?? 0 }
    })
  }

  // api-data.line.me paths: the binary a simulated user sent (PNG/JPEG images, MP4 video, M4A audio).
  app.get('/message/:messageId/content', async (req, reply) => {
    const content = state.contents.get((req.params as { messageId: string }).messageId)
    if (!content) {
      throw notFound('Not found')
    }
    return sendContent(reply, content)
  })

  app.get('/message/:messageId/content/preview', async (req, reply) => {
    const content = state.contents.get((req.params as { messageId: string }).messageId)
    if (!content) {
      throw notFound('Not found')
    }
    return sendContent(reply, content)
  })

  app.get('/message/:messageId/content/transcoding', async (req) => {
    if (!state.contents.has((req.params as { messageId: string }).messageId)) {
      throw notFound('Not found')
    }
    return { status: 'succeeded' }
  })
}

// LINE requires an HTTPS webhook URL; loopback HTTP is allowed here because the emulator runs beside the bot.
function checkEndpoint(endpoint: string): void {
  let url: URL
  try {
    url = new URL(endpoint)
  } catch {
    throw badRequest('Invalid webhook endpoint URL')
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname)
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) {
    throw badRequest('Invalid webhook endpoint URL: it must use HTTPS')
  }
}
