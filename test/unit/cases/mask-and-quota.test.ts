import { describe, expect, it } from 'vitest'
import { maskName, maskPhone } from '../../../bot/cases/mask.js'
import { createQuotaCache } from '../../../bot/dashboard/quota-cache.js'

describe('masking', () => {
  it.each([
    ['สมชาย', 'ส***ย'],
    ['สมศักดิ์', 'ส***ดิ์'], // the tone mark stays with its consonant
    ['สมชาย ใจดี', 'ส***ย ใ***ดี'],
    ['Aiko', 'A***o'],
    ['Al', 'A*'],
    ['A', '*'],
  ])('%s → %s', (name, masked) => {
    expect(maskName(name)).toBe(masked)
  })

  it('masks nothing into something', () => {
    expect(maskName(null)).toBeNull()
    expect(maskName('   ')).toBeNull()
    expect(maskPhone('081-234-5678')).toBe('*******678')
  })
})

describe('quota cache', () => {
  it('asks LINE once a minute, shares a call in flight, and gives null on failure', async () => {
    let clock = 0
    let calls = 0
    let fail = false
    const cache = createQuotaCache({
      line: {
        getQuota: async () => {
          calls++
          if (fail) {
            throw new Error('LINE down')
          }
          return { limit: 300, used: 12 }
        },
      },
      now: () => clock,
    })
    const [a, b] = await Promise.all([cache.get(), cache.get()])
    expect(a).toEqual({ limit: 300, used: 12, remaining: 288 })
    expect(b).toEqual(a)
    expect(calls).toBe(1)
    clock += 59_000
    await cache.get()
    expect(calls).toBe(1)
    clock += 2_000
    fail = true
    await expect(cache.get()).resolves.toBeNull()
    expect(calls).toBe(2)
    await expect(cache.get()).resolves.toBeNull() // the failure is remembered briefly
    expect(calls).toBe(2)
  })
})
