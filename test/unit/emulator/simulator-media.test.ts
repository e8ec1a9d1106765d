import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makePng } from '../../../bot/emulator/index.js'
import { AUTH, buildEmulatorApp, type EmulatorApp } from './emulator-app.js'

const HTML = Buffer.from('<html><script>fetch("/api/admin/officers").then(r=>r.text()).then(alert)</script></html>')
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0xff, 0xd9])
const box = (brand: string) =>
  Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from(`ftyp${brand}`, 'latin1'), Buffer.alloc(12)])
const MP4 = box('isom')
const M4A = box('M4A ')
const b64 = (b: Buffer) => b.toString('base64')

/** Issue #9: the simulator stores and serves only PNG/JPEG images, MP4 video and M4A audio, and never as a page. */
describe('simulator uploads', () => {
  let t: EmulatorApp
  let userId = ''
  beforeEach(async () => {
    t = await buildEmulatorApp()
    userId = t.emulator.createUser({ displayName: 'ผู้ส่งรูป' }).userId
    await t.emulator.follow(userId)
  })
  afterEach(async () => {
    await t.app.close()
  })

  const send = (body: Record<string, unknown>) =>
    t.call('POST', `/emulator/api/chats/${userId}/send`, { userId, ...body }, {})
  /** The message ID of the last thing the user sent, from the chat's timeline. */
  async function lastMessageId(): Promise<string> {
    const timeline = await t.call('GET', `/emulator/api/chats/${userId}/timeline`, undefined, {})
    const items = timeline.body.items as { kind: string; messageId?: string }[]
    return items.filter((i) => i.kind === 'user').at(-1)?.messageId ?? ''
  }
  const content = (id: string) => t.app.inject({ url: `/emulator/api/content/${id}` })

  it('refuses anything that is not what it claims by its bytes: HTML as an image, video as an image, …', async () => {
    const refused = [
      { kind: 'image', dataBase64: b64(HTML) },
      { kind: 'image', contentType: 'image/png', dataBase64: b64(HTML) },
      { kind: 'image', dataBase64: b64(MP4) },
      { kind: 'video', dataBase64: b64(HTML) },
      { kind: 'video', dataBase64: b64(M4A) },
      { kind: 'audio', dataBase64: b64(MP4) },
      { kind: 'audio', dataBase64: b64(makePng(2, 2, [0, 0, 0])) },
    ]
    for (const body of refused) {
      const res = await send(body)
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400)
      expect(String(res.body.message)).toMatch(/checked by its bytes/)
    }
    expect(t.emulator.state.contents.size).toBe(0)
  })

  it('stores an image by what it is (a PNG declared as JPEG is a PNG) and serves it inline, sandboxed, unsniffed', async () => {
    expect(
      (await send({ kind: 'image', contentType: 'image/jpeg', dataBase64: b64(makePng(4, 4, [1, 2, 3])) })).status,
    ).toBe(200)
    const png = await content(await lastMessageId())
    expect(png.headers['content-type']).toBe('image/png')
    expect(png.headers['x-content-type-options']).toBe('nosniff')
    expect(png.headers['content-security-policy']).toBe('sandbox')
    expect(png.headers['content-disposition']).toBeUndefined()

    expect((await send({ kind: 'image', dataBase64: b64(JPEG) })).status).toBe(200)
    expect((await content(await lastMessageId())).headers['content-type']).toBe('image/jpeg')
  })

  it('takes MP4 video and M4A audio as LINE message events, served only as downloads', async () => {
    for (const [kind, bytes, type] of [
      ['video', MP4, 'video/mp4'],
      ['audio', M4A, 'audio/x-m4a'],
    ] as const) {
      expect((await send({ kind, dataBase64: b64(bytes) })).status).toBe(200)
      const id = await lastMessageId()
      const event = [...t.emulator.state.events.values()].find((e) => e.message?.id === id)
      expect(event?.message).toMatchObject({ type: kind, contentProvider: { type: 'line' } })
      for (const res of [
        await content(id),
        await t.app.inject({ url: `/v2/bot/message/${id}/content`, headers: AUTH }), // what the bot downloads
      ]) {
        expect(res.headers['content-type']).toBe(type)
        expect(res.headers['content-disposition']).toBe('attachment')
        expect(res.headers['content-security-policy']).toBe('sandbox')
        expect(res.headers['x-content-type-options']).toBe('nosniff')
        expect(res.rawPayload.equals(bytes)).toBe(true)
      }
    }
  })

  it('whatever got stored some other way goes out as a sandboxed octet-stream download', async () => {
    t.emulator.state.contents.set('legacy', { contentType: 'text/html', data: HTML })
    const res = await content('legacy')
    expect(res.headers['content-type']).toBe('application/octet-stream')
    expect(res.headers['content-disposition']).toBe('attachment')
    expect(res.headers['content-security-policy']).toBe('sandbox')
  })
})
