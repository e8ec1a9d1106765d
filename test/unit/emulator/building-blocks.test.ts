import { describe, expect, it } from 'vitest'
import { createUlidFactory } from '../../../bot/emulator/core/ids.js'
import { readImageSize } from '../../../bot/emulator/core/image-size.js'
import { makePng } from '../../../bot/emulator/core/png.js'
import { liffLaunchUrl } from '../../../bot/emulator/simulator/liff-url.js'
import { resolveDiscriminators } from '../../../bot/emulator/spec/discriminators.js'
import { toProperty } from '../../../bot/emulator/spec/spec-validator.js'

describe('ULIDs (webhookEventId)', () => {
  it('are 26 Crockford base32 characters, time first, and sort in creation order', () => {
    let now = Date.parse('2026-11-26T07:05:00Z')
    const ulid = createUlidFactory(() => now)
    const ids = Array.from({ length: 50 }, () => ulid())
    now += 1
    ids.push(ulid())
    for (const id of ids) {
      expect(id).toMatch(/^[0-9A-HJKMNP-TV-Z]{26}$/)
    }
    expect([...ids].sort()).toEqual(ids)
    expect(new Set(ids).size).toBe(ids.length)
    // The first 10 characters encode the millisecond time.
    const time = [...(ids[0] ?? '').slice(0, 10)].reduce(
      (n, c) => n * 32 + '0123456789ABCDEFGHJKMNPQRSTVWXYZ'.indexOf(c),
      0,
    )
    expect(time).toBe(Date.parse('2026-11-26T07:05:00Z'))
  })
})

describe('readImageSize', () => {
  it('reads PNG and JPEG sizes from the bytes', () => {
    expect(readImageSize(makePng(2500, 843))).toEqual({ type: 'png', width: 2500, height: 843 })
    const jpeg = Buffer.from([
      0xff, 0xd8, 0xff, 0xdb, 0x00, 0x04, 0, 0, 0xff, 0xc2, 0x00, 0x11, 8, 0x03, 0x4b, 0x04, 0xe2, 3,
    ])
    expect(readImageSize(jpeg)).toEqual({ type: 'jpeg', width: 1250, height: 843 })
    expect(readImageSize(Buffer.from('GIF89a........'))).toBeUndefined()
  })
})

describe('resolveDiscriminators', () => {
  const P = '#/components/schemas/'
  const schemas = {
    Pet: {
      type: 'object',
      required: ['kind'],
      properties: { kind: { type: 'string' } },
      discriminator: { propertyName: 'kind', mapping: { cat: `${P}Cat` } },
    },
    Cat: { allOf: [{ $ref: `${P}Pet` }, { type: 'object', required: ['meow'] }] },
    Home: { type: 'object', properties: { pet: { $ref: `${P}Pet` } } },
  }

  it('makes the base a dispatcher and points subtypes at a non-dispatching copy', () => {
    const out = resolveDiscriminators(schemas, P)
    expect(out.Pet__base).toEqual({ type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } })
    expect(out.Cat).toEqual({ allOf: [{ $ref: `${P}Pet__base` }, { type: 'object', required: ['meow'] }] })
    expect(out.Pet).toMatchObject({ required: ['kind'], properties: { kind: { enum: ['cat'] } } })
    expect(out.Home).toEqual(schemas.Home)
    // The input is left alone.
    expect(schemas.Cat.allOf[0]).toEqual({ $ref: `${P}Pet` })
  })
})

describe('toProperty', () => {
  it('turns JSON pointers into LINE property paths', () => {
    expect(toProperty('/messages/0/quickReply/items/3', 'action')).toBe('messages[0].quickReply.items[3].action')
    expect(toProperty('', 'to')).toBe('to')
    expect(toProperty('/to/2')).toBe('to[2]')
  })
})

describe('liffLaunchUrl', () => {
  const apps = { 'emu-citizen': 'http://localhost:3000/liff/', 'emu-admin': '/admin' }
  const params = { idToken: 'a.b.c', lang: 'th' }

  it('maps https://liff.line.me/{liffId}/{path}?{query}#{fragment} onto the endpoint and adds emulator params', () => {
    const launch = liffLaunchUrl('https://liff.line.me/emu-citizen/cases/42?tab=mine#top', apps, params)
    expect(launch?.liffId).toBe('emu-citizen')
    const url = new URL(launch?.url ?? '')
    expect(url.origin + url.pathname).toBe('http://localhost:3000/liff/cases/42')
    expect(Object.fromEntries(url.searchParams)).toEqual({
      tab: 'mine',
      emulator: '1',
      idToken: 'a.b.c',
      liffId: 'emu-citizen',
      lang: 'th',
    })
    expect(url.hash).toBe('#top')
  })

  it('keeps path-only endpoints relative and accepts line://app/{liffId}', () => {
    expect(liffLaunchUrl('line://app/emu-admin', apps, params)?.url).toBe(
      '/admin?emulator=1&idToken=a.b.c&liffId=emu-admin&lang=th',
    )
  })

  it('ignores other URLs and unknown LIFF IDs', () => {
    expect(liffLaunchUrl('https://example.com/x', apps, params)).toBeUndefined()
    expect(liffLaunchUrl('https://liff.line.me/other-app', apps, params)).toBeUndefined()
    expect(liffLaunchUrl('not a url', apps, params)).toBeUndefined()
  })
})
