import { messagingApi, validateSignature } from '@line/bot-sdk'
import Fastify, { type FastifyInstance } from 'fastify'

type Event = {
  type: string
  replyToken?: string
  source?: { userId?: string; groupId?: string }
  message?: { type: string; text?: string; latitude?: number; longitude?: number; id?: string }
  postback?: { data: string; params?: Record<string, string> }
}

/** A Flex bubble using the layouts the simulator must render: header, hero, body, footer, baseline, buttons. */
export function sampleBubble(): messagingApi.FlexBubble {
  return {
    type: 'bubble',
    header: {
      type: 'box',
      layout: 'vertical',
      backgroundColor: '#0b3d91',
      contents: [{ type: 'text', text: 'แจ้งเอกสารหาย', color: '#ffffff', weight: 'bold', size: 'lg' }],
    },
    hero: {
      type: 'image',
      url: 'https://example.invalid/hero.png',
      size: 'full',
      aspectRatio: '20:13',
      aspectMode: 'cover',
    },
    body: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        { type: 'text', text: 'เลขที่รับแจ้ง RY-2569-000123', weight: 'bold', wrap: true },
        { type: 'separator', margin: 'md' },
        {
          type: 'box',
          layout: 'baseline',
          margin: 'md',
          contents: [
            { type: 'text', text: 'สถานะ', color: '#888888', size: 'sm', flex: 2 },
            { type: 'text', text: 'รับเรื่องแล้ว', color: '#06c755', size: 'sm', flex: 5, wrap: true },
          ],
        },
      ],
    },
    footer: {
      type: 'box',
      layout: 'vertical',
      spacing: 'sm',
      contents: [
        {
          type: 'button',
          style: 'primary',
          action: { type: 'postback', label: 'ยืนยัน', data: 'confirm=1', displayText: 'ยืนยันข้อมูล' },
        },
        {
          type: 'button',
          style: 'secondary',
          action: { type: 'uri', label: 'เปิดฟอร์ม', uri: 'https://liff.line.me/emu-citizen/cases/new?from=flex' },
        },
        { type: 'button', style: 'link', action: { type: 'uri', label: 'โทร 191', uri: 'tel:191' } },
      ],
    },
  }
}

/**
 * A stand-in for the project's bot: verifies the signature and answers through the emulator's Messaging API with
 * @line/bot-sdk (so the SDK's own requests are checked too). Text -> text + quick replies + Flex bubble;
 * postback -> what arrived; location -> a location message; follow -> a buttons template.
 */
export async function startStandInBot(opts: { channelSecret: string; channelAccessToken: string }) {
  const app: FastifyInstance = Fastify()
  const received: Event[] = []
  let client: messagingApi.MessagingApiClient | undefined
  const errors: unknown[] = []

  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
  app.post('/webhook', async (req, reply) => {
    const raw = req.body as Buffer
    const signature = req.headers['x-line-signature']
    if (typeof signature !== 'string' || !validateSignature(raw, opts.channelSecret, signature)) {
      return reply.code(401).send({ error: 'bad signature' })
    }
    const body = JSON.parse(raw.toString('utf8')) as { events: Event[] }
    received.push(...body.events)
    // Answer at once and reply afterwards, as the real bot does.
    setImmediate(() => {
      for (const event of body.events) {
        answer(event).catch((err: unknown) => errors.push(err))
      }
    })
    return {}
  })
  app.get('/liff/*', async (req, reply) => {
    reply.type('text/html; charset=utf-8')
    return `<!doctype html><meta charset="utf-8"><title>LIFF stand-in</title><p id="where">${encodeURI(req.url)}</p>`
  })

  async function answer(event: Event) {
    const api = client
    if (!api || !event.replyToken) {
      return
    }
    if (event.type === 'message' && event.message?.type === 'text') {
      await api.showLoadingAnimation({ chatId: event.source?.userId ?? '', loadingSeconds: 5 }).catch(() => {})
      await api.replyMessage({
        replyToken: event.replyToken,
        messages: [
          { type: 'text', text: `ได้รับ: ${event.message.text}` },
          {
            type: 'flex',
            altText: 'เลขที่รับแจ้ง RY-2569-000123',
            contents: sampleBubble(),
            quickReply: {
              items: [
                { type: 'action', action: { type: 'message', label: 'แจ้งเอกสารหาย', text: 'แจ้งเอกสารหาย' } },
                {
                  type: 'action',
                  action: { type: 'postback', label: 'ฝากบ้าน', data: 'flow=house', displayText: 'ฝากบ้าน' },
                },
                {
                  type: 'action',
                  action: { type: 'datetimepicker', label: 'เลือกวัน', data: 'pick=date', mode: 'date' },
                },
                { type: 'action', action: { type: 'location', label: 'ส่งตำแหน่ง' } },
                {
                  type: 'action',
                  action: { type: 'uri', label: 'เปิด LIFF', uri: 'https://liff.line.me/emu-citizen/cases?tab=mine' },
                },
              ],
            },
          },
        ],
      })
    } else if (event.type === 'postback') {
      const params = event.postback?.params ? ` ${JSON.stringify(event.postback.params)}` : ''
      await api.replyMessage({
        replyToken: event.replyToken,
        messages: [{ type: 'text', text: `postback ${event.postback?.data}${params}` }],
      })
    } else if (event.type === 'message' && event.message?.type === 'location') {
      await api.replyMessage({
        replyToken: event.replyToken,
        messages: [
          {
            type: 'location',
            title: 'สภ.เมืองระยอง',
            address: 'อ.เมืองระยอง จ.ระยอง',
            latitude: 12.6807,
            longitude: 101.2816,
          },
        ],
      })
    } else if (event.type === 'follow') {
      await api.replyMessage({
        replyToken: event.replyToken,
        messages: [
          {
            type: 'template',
            altText: 'ยินดีต้อนรับ',
            template: {
              type: 'buttons',
              title: 'สภ.เมืองระยอง',
              text: 'ยินดีต้อนรับ เลือกบริการ',
              actions: [
                { type: 'message', label: 'แจ้งเหตุ', text: 'แจ้งเหตุ' },
                { type: 'postback', label: 'ติดตามเรื่อง', data: 'track=1', displayText: 'ติดตามเรื่อง' },
              ],
            },
          },
        ],
      })
    }
  }

  await app.listen({ port: 0, host: '127.0.0.1' })
  const address = app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const url = `http://127.0.0.1:${port}`
  return {
    url,
    webhookUrl: `${url}/webhook`,
    received,
    errors,
    /** Points the SDK at the emulator once it runs. */
    useEmulator(baseURL: string) {
      client = new messagingApi.MessagingApiClient({ channelAccessToken: opts.channelAccessToken, baseURL })
    },
    close: () => app.close(),
  }
}
