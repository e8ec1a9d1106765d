import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { buildEmulatorApp, type EmulatorApp, text } from './emulator-app.js'

describe('fake Messaging API: auth and request validation', () => {
  let t: EmulatorApp
  let userId: string
  beforeEach(async () => {
    t = await buildEmulatorApp()
    userId = t.emulator.createUser({ displayName: 'สมชาย' }).userId
    await t.emulator.follow(userId)
  })
  afterEach(async () => {
    await t.app.close()
  })

  describe('security', () => {
    it('requires the channel access token as a bearer token', async () => {
      for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: 'Basic abc' }] as Record<
        string,
        string
      >[]) {
        const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('hi')] }, headers)
        expect(res.status, JSON.stringify(res.body)).toBe(401)
        expect(String(res.body.message)).toMatch(/^Authentication failed/)
        expect(res.headers['x-line-request-id']).toBeTruthy()
      }
      expect(t.emulator.messagesTo(userId)).toEqual([])
    })

    it('puts x-line-request-id on every response', async () => {
      const ok = await t.call('GET', '/v2/bot/info')
      const notFound = await t.call('GET', '/v2/bot/nothing/here')
      expect(ok.headers['x-line-request-id']).toMatch(/^[0-9a-f-]{36}$/)
      expect(notFound.status).toBe(404)
      expect(notFound.body).toEqual({ message: 'Not found' })
      expect(notFound.headers['x-line-request-id']).toBeTruthy()
    })
  })

  describe('validation against the OpenAPI spec and LINE rules (error shape)', () => {
    it('rejects an unknown message type in LINE shape', async () => {
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [{ type: 'txt', text: 'x' }] })
      expect(res.status).toBe(400)
      expect(res.body.message).toBe('The request body has 1 error(s)')
      expect(res.body.details).toEqual([
        expect.objectContaining({ property: 'messages[0].type', message: expect.stringContaining('text, textV2') }),
      ])
    })

    it('rejects a text message without text', async () => {
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [{ type: 'text' }] })
      expect(res.status).toBe(400)
      expect(res.body.details).toEqual([{ message: 'must be specified', property: 'messages[0].text' }])
    })

    it('finds errors deep inside Flex through the discriminators', async () => {
      const flex = {
        type: 'flex',
        altText: 'x',
        contents: {
          type: 'bubble',
          body: { type: 'box', layout: 'sideways', contents: [{ type: 'button', action: { type: 'teleport' } }] },
        },
      }
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [flex] })
      expect(res.status).toBe(400)
      const properties = (res.body.details as { property: string }[]).map((d) => d.property)
      expect(properties).toEqual(
        expect.arrayContaining([
          'messages[0].contents.body.layout',
          'messages[0].contents.body.contents[0].action.type',
        ]),
      )
    })

    it('allows at most 5 messages', async () => {
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: Array(6).fill(text('x')) })
      expect(res.status).toBe(400)
      expect(res.body.details).toEqual([{ message: 'Size must be between 1 and 5', property: 'messages' }])
    })

    it('allows at most 500 multicast recipients', async () => {
      const to = Array.from({ length: 501 }, () => userId)
      const res = await t.call('POST', '/v2/bot/message/multicast', { to, messages: [text('x')] })
      expect(res.status).toBe(400)
      expect(res.body.details).toEqual([{ message: 'Size must be between 1 and 500', property: 'to' }])
    })

    it('allows text up to 5,000 UTF-16 code units', async () => {
      const ok = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('ก'.repeat(5000))] })
      expect(ok.status, JSON.stringify(ok.body)).toBe(200)
      // Each emoji is two UTF-16 units, so 2,501 of them are 5,002 units.
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('😀'.repeat(2501))] })
      expect(res.status).toBe(400)
      expect(res.body.details).toEqual([{ message: 'Length must be between 0 and 5000', property: 'messages[0].text' }])
    })

    it('allows at most 13 quick replies with labels of at most 20 characters', async () => {
      const item = (label: string) => ({ type: 'action', action: { type: 'message', label, text: 'x' } })
      const many = { ...text('x'), quickReply: { items: Array(14).fill(item('ok')) } }
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [many] })
      expect(res.status).toBe(400)
      expect(res.body.details).toEqual([
        { message: 'Size must be between 0 and 13', property: 'messages[0].quickReply.items' },
      ])

      const long = { ...text('x'), quickReply: { items: [item('ป้ายที่ยาวเกินยี่สิบตัวอักษรแน่นอน')] } }
      const res2 = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [long] })
      expect(res2.body.details).toEqual([
        { message: 'Length must be between 0 and 20', property: 'messages[0].quickReply.items[0].action.label' },
      ])
    })

    it('checks altText, Flex size and actions allowed only in quick replies', async () => {
      const bubble = {
        type: 'bubble',
        body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'a' }] },
      }
      const cases: [unknown, string][] = [
        [{ type: 'flex', altText: 'x'.repeat(401), contents: bubble }, 'messages[0].altText'],
        [
          { type: 'flex', altText: 'x', contents: { type: 'carousel', contents: Array(13).fill(bubble) } },
          'messages[0].contents.contents',
        ],
        [
          {
            type: 'flex',
            altText: 'x',
            contents: {
              type: 'bubble',
              body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'x'.repeat(31_000) }] },
            },
          },
          'messages[0].contents',
        ],
        [
          {
            type: 'template',
            altText: 'x',
            template: { type: 'buttons', text: 'x', actions: [{ type: 'camera', label: 'cam' }] },
          },
          'messages[0].template.actions[0].type',
        ],
      ]
      for (const [message, property] of cases) {
        const res = await t.call('POST', '/v2/bot/message/validate/push', { messages: [message] })
        expect(res.status, JSON.stringify(res.body)).toBe(400)
        expect((res.body.details as { property: string }[]).map((d) => d.property)).toContain(property)
      }
    })

    it('validate endpoints answer 200 {} for good messages and send nothing', async () => {
      for (const kind of ['reply', 'push', 'multicast', 'narrowcast', 'broadcast']) {
        const res = await t.call('POST', `/v2/bot/message/validate/${kind}`, { messages: [text('ok')] })
        expect(res.status, kind).toBe(200)
        expect(res.body).toEqual({})
      }
      expect(t.emulator.messagesTo(userId)).toEqual([])
    })

    it('answers 413 in LINE shape for bodies over 2 MB', async () => {
      const res = await t.call('POST', '/v2/bot/message/push', { to: userId, messages: [text('x'.repeat(2_200_000))] })
      expect(res.status).toBe(413)
      expect(res.body).toEqual({ message: 'Request Entity Too Large' })
    })

    it('answers 400 for a body that is not JSON', async () => {
      const res = await t.call('POST', '/v2/bot/message/push', '{"to":')
      expect(res.status).toBe(400)
      expect(typeof res.body.message).toBe('string')
    })
  })
})
