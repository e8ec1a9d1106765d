import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type RunningLineEmulator, startLineEmulator } from '../../../bot/emulator/server.js'

/** Reads Server-Sent Events from a fetch body until `until` says stop. */
async function readEvents(
  body: ReadableStream<Uint8Array>,
  until: (events: { event: string; data: string }[]) => boolean,
) {
  const reader = body.getReader()
  const decoder = new TextDecoder()
  const events: { event: string; data: string }[] = []
  let buffer = ''
  while (!until(events)) {
    const { value, done } = await reader.read()
    if (done) {
      break
    }
    buffer += decoder.decode(value, { stream: true })
    const blocks = buffer.split('\n\n')
    buffer = blocks.pop() ?? ''
    for (const block of blocks) {
      const event = /^event: (.*)$/m.exec(block)?.[1]
      const data = /^data: (.*)$/m.exec(block)?.[1]
      if (event && data) {
        events.push({ event, data })
      }
    }
  }
  return { events, reader }
}

describe('simulator JSON API and SSE (/emulator/api)', () => {
  let emulator: RunningLineEmulator
  beforeAll(async () => {
    emulator = await startLineEmulator({
      channelSecret: 'sim-secret',
      channelAccessToken: 'sim-token',
      loginChannelId: '1650000002',
      webhookUrl: 'http://127.0.0.1:9/webhook',
      liffApps: { 'emu-citizen': '/liff/' },
    })
  })
  afterAll(async () => {
    await emulator.close()
  })

  const post = (path: string, body: unknown) =>
    fetch(`${emulator.url}/emulator/api${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })

  it('creates a user (following by default), sends as them and streams the timeline', async () => {
    const created = (await (await post('/users', { displayName: 'ปรีชา', language: 'en' })).json()) as {
      user: { userId: string; friendship: string }
    }
    expect(created.user.friendship).toBe('friend')
    const userId = created.user.userId
    const stream = await fetch(`${emulator.url}/emulator/api/stream?chatId=${userId}`)
    expect(stream.headers.get('content-type')).toContain('text/event-stream')
    const sent = await post(`/chats/${userId}/send`, { kind: 'text', userId, text: 'ช่วยด้วย' })
    // The webhook target is closed: the API still answers and says so.
    expect(await sent.json()).toMatchObject({ ok: false, status: 0 })
    const { events, reader } = await readEvents(stream.body as ReadableStream<Uint8Array>, (e) =>
      e.some((x) => x.event === 'timeline' && x.data.includes('ช่วยด้วย')),
    )
    await reader.cancel()
    expect(events.find((e) => e.data.includes('ช่วยด้วย'))?.event).toBe('timeline')
    const timeline = (await (await fetch(`${emulator.url}/emulator/api/chats/${userId}/timeline`)).json()) as {
      items: { kind: string; code?: string }[]
    }
    expect(timeline.items.map((i) => i.code ?? i.kind)).toEqual(['follow', 'webhookFailed', 'user', 'webhookFailed'])
  })

  it('maps LIFF URLs for the current user and refuses unknown ones', async () => {
    const user = emulator.createUser({ displayName: 'L', language: 'en' })
    const ok = (await (
      await post('/liff/open', { userId: user.userId, uri: 'https://liff.line.me/emu-citizen/x' })
    ).json()) as {
      url: string
    }
    expect(ok.url).toMatch(/^\/liff\/x\?emulator=1&idToken=[\w-]+\.[\w-]+\.[\w-]+&liffId=emu-citizen&lang=en$/)
    const unknown = await post('/liff/open', { userId: user.userId, uri: 'https://liff.line.me/nope' })
    expect(unknown.status).toBe(404)
    const noUser = await post('/liff/open', { userId: 'U0', uri: 'https://liff.line.me/emu-citizen' })
    expect(noUser.status).toBe(400)
  })

  it('closes with a stream still open', async () => {
    const other = await startLineEmulator({
      channelSecret: 's',
      channelAccessToken: 't',
      loginChannelId: '1',
      webhookUrl: 'http://127.0.0.1:9/webhook',
    })
    const res = await fetch(`${other.url}/emulator/api/stream`)
    expect(res.status).toBe(200)
    await other.close()
  })
})
