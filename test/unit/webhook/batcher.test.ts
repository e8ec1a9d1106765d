import { describe, expect, it } from 'vitest'
import { createBatcher } from '../../../bot/webhook/batcher.js'

describe('createBatcher (group commit)', () => {
  it('flushes calls made during a flush together, results in order', async () => {
    const batches: number[][] = []
    const submit = createBatcher(async (items: number[]) => {
      batches.push(items)
      await new Promise((r) => setTimeout(r, 10))
      return items.map((i) => i * 2)
    })
    const results = await Promise.all([1, 2, 3, 4, 5].map((i) => submit(i)))
    expect(results).toEqual([2, 4, 6, 8, 10])
    expect(batches).toEqual([[1], [2, 3, 4, 5]])
  })

  it('rejects every call of a failed batch and keeps working', async () => {
    let fail = true
    const submit = createBatcher(async (items: string[]) => {
      if (fail) {
        fail = false
        throw new Error('db down')
      }
      return items
    })
    await expect(submit('a')).rejects.toThrow('db down')
    await expect(submit('b')).resolves.toBe('b')
  })

  it('caps the batch size', async () => {
    const sizes: number[] = []
    const submit = createBatcher(async (items: number[]) => {
      sizes.push(items.length)
      return items
    }, 3)
    submit(0)
    await Promise.all([1, 2, 3, 4, 5, 6, 7].map((i) => submit(i)))
    expect(sizes).toEqual([1, 3, 3, 1])
  })
})
