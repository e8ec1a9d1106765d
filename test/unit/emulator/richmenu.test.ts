import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { makePng } from '../../../bot/emulator/index.js'
import { AUTH, buildEmulatorApp, type EmulatorApp } from './emulator-app.js'

const menu = {
  size: { width: 2500, height: 843 },
  selected: true,
  name: 'main',
  chatBarText: 'เมนู',
  areas: [
    { bounds: { x: 0, y: 0, width: 1250, height: 843 }, action: { type: 'postback', data: 'a=1', label: 'แจ้งเหตุ' } },
    {
      bounds: { x: 1250, y: 0, width: 1250, height: 843 },
      action: { type: 'richmenuswitch', richMenuAliasId: 'tab-b', data: 'tab=b' },
    },
  ],
}

/** A minimal baseline JPEG header (SOI, APP0, SOF0) with the given size: enough for the size check. */
function jpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0, 0, 1, 0, 1, 0, 0])
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, height >> 8, height & 255, width >> 8, width & 255, 3])
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof, Buffer.alloc(9), Buffer.from([0xff, 0xd9])])
}

describe('fake Messaging API: rich menus', () => {
  let t: EmulatorApp
  let userId: string
  beforeEach(async () => {
    t = await buildEmulatorApp()
    userId = t.emulator.createUser({ displayName: 'A' }).userId
  })
  afterEach(async () => {
    await t.app.close()
  })

  async function upload(richMenuId: string, data: Buffer, contentType = 'image/png') {
    return t.app.inject({
      method: 'POST',
      url: `/v2/bot/richmenu/${richMenuId}/content`,
      headers: { ...AUTH, 'content-type': contentType },
      payload: data,
    })
  }

  async function createWithImage(): Promise<string> {
    const created = await t.call('POST', '/v2/bot/richmenu', menu)
    const id = String(created.body.richMenuId)
    expect((await upload(id, makePng(2500, 843))).statusCode).toBe(200)
    return id
  }

  it('creates, validates, lists, gets and deletes', async () => {
    expect((await t.call('POST', '/v2/bot/richmenu/validate', menu)).status).toBe(200)
    const created = await t.call('POST', '/v2/bot/richmenu', menu)
    expect(created.body.richMenuId).toMatch(/^richmenu-[0-9a-f]{32}$/)
    const id = String(created.body.richMenuId)
    expect((await t.call('GET', `/v2/bot/richmenu/${id}`)).body).toMatchObject({ richMenuId: id, ...menu })
    expect((await t.call('GET', '/v2/bot/richmenu/list')).body.richmenus).toHaveLength(1)
    expect((await t.call('DELETE', `/v2/bot/richmenu/${id}`)).status).toBe(200)
    expect((await t.call('GET', `/v2/bot/richmenu/${id}`)).status).toBe(404)
  })

  it('rejects bad rich menus in LINE shape', async () => {
    const res = await t.call('POST', '/v2/bot/richmenu', {
      ...menu,
      chatBarText: 'ข้อความแถบเมนูที่ยาวเกินไป',
      areas: [{ bounds: { x: 2000, y: 0, width: 1000, height: 843 }, action: { type: 'camera', label: 'x' } }],
    })
    expect(res.status).toBe(400)
    const properties = (res.body.details as { property: string }[]).map((d) => d.property)
    expect(properties).toEqual(expect.arrayContaining(['chatBarText']))
    const res2 = await t.call('POST', '/v2/bot/richmenu', {
      ...menu,
      areas: [{ bounds: { x: 2000, y: 0, width: 1000, height: 843 }, action: { type: 'camera', label: 'x' } }],
    })
    expect((res2.body.details as { property: string }[]).map((d) => d.property)).toEqual([
      'areas[0].bounds',
      'areas[0].action.type',
    ])
  })

  it('checks the image: type, 1 MB, width 800-2500, height >= 250, ratio >= 1.45; reads real pixel sizes', async () => {
    const id = String((await t.call('POST', '/v2/bot/richmenu', menu)).body.richMenuId)
    const cases: [Buffer, string, number][] = [
      [makePng(700, 300), 'image/png', 400], // too narrow
      [makePng(2600, 900), 'image/png', 400], // too wide
      [makePng(1000, 200), 'image/png', 400], // too low
      [makePng(1200, 900), 'image/png', 400], // ratio 1.33
      [makePng(1200, 810), 'image/jpeg', 400], // bytes are PNG
      [Buffer.concat([makePng(1200, 810), Buffer.alloc(1024 * 1024)]), 'image/png', 400], // over 1 MB
      [makePng(1200, 810), 'image/gif', 415],
    ]
    for (const [data, type, status] of cases) {
      const res = await upload(id, data, type)
      expect(res.statusCode, `${type} ${res.body}`).toBe(status)
    }
    const jpeg = await upload(id, jpegHeader(2500, 1686), 'image/jpeg')
    expect(jpeg.statusCode, jpeg.body).toBe(200)
    const again = await upload(id, makePng(2500, 843))
    expect(again.statusCode).toBe(400)
    const download = await t.app.inject({ method: 'GET', url: `/v2/bot/richmenu/${id}/content`, headers: AUTH })
    expect(download.headers['content-type']).toBe('image/jpeg')
    expect(download.rawPayload.equals(jpegHeader(2500, 1686))).toBe(true)
  })

  it('links per user (only menus with an image), bulk links, unlinks', async () => {
    const bare = String((await t.call('POST', '/v2/bot/richmenu', menu)).body.richMenuId)
    expect((await t.call('POST', `/v2/bot/user/${userId}/richmenu/${bare}`)).status).toBe(400)
    const id = await createWithImage()
    expect((await t.call('POST', `/v2/bot/user/${userId}/richmenu/${id}`)).status).toBe(200)
    expect((await t.call('GET', `/v2/bot/user/${userId}/richmenu`)).body).toEqual({ richMenuId: id })
    expect((await t.call('GET', '/v2/bot/user/not-a-user/richmenu')).status).toBe(400)
    expect((await t.call('DELETE', `/v2/bot/user/${userId}/richmenu`)).status).toBe(200)
    expect((await t.call('GET', `/v2/bot/user/${userId}/richmenu`)).status).toBe(404)
    const bulk = await t.call('POST', '/v2/bot/richmenu/bulk/link', { richMenuId: id, userIds: [userId] })
    expect(bulk.status).toBe(202)
    expect(t.emulator.state.userRichMenus.get(userId)).toBe(id)
    expect((await t.call('POST', '/v2/bot/richmenu/bulk/unlink', { userIds: [userId] })).status).toBe(202)
    expect(t.emulator.state.userRichMenus.has(userId)).toBe(false)
  })

  it('sets, gets and cancels the default menu', async () => {
    expect((await t.call('GET', '/v2/bot/user/all/richmenu')).status).toBe(404)
    const id = await createWithImage()
    expect((await t.call('POST', `/v2/bot/user/all/richmenu/${id}`)).status).toBe(200)
    expect((await t.call('GET', '/v2/bot/user/all/richmenu')).body).toEqual({ richMenuId: id })
    expect((await t.call('DELETE', '/v2/bot/user/all/richmenu')).status).toBe(200)
    expect((await t.call('GET', '/v2/bot/user/all/richmenu')).status).toBe(404)
  })

  it('manages aliases: create, conflict, get, list, update, delete', async () => {
    const a = await createWithImage()
    const b = await createWithImage()
    expect((await t.call('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'tab-b', richMenuId: a })).status).toBe(
      200,
    )
    const dup = await t.call('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'tab-b', richMenuId: b })
    expect(dup.status).toBe(400)
    const badId = await t.call('POST', '/v2/bot/richmenu/alias', { richMenuAliasId: 'Tab B!', richMenuId: b })
    expect(badId.status).toBe(400)
    expect((await t.call('POST', '/v2/bot/richmenu/alias/tab-b', { richMenuId: b })).status).toBe(200)
    expect((await t.call('GET', '/v2/bot/richmenu/alias/tab-b')).body).toEqual({
      richMenuAliasId: 'tab-b',
      richMenuId: b,
    })
    expect((await t.call('GET', '/v2/bot/richmenu/alias/list')).body).toEqual({
      aliases: [{ richMenuAliasId: 'tab-b', richMenuId: b }],
    })
    expect((await t.call('DELETE', '/v2/bot/richmenu/alias/tab-b')).status).toBe(200)
    expect((await t.call('GET', '/v2/bot/richmenu/alias/tab-b')).status).toBe(404)
  })
})
