import { describe, expect, it } from 'vitest'
import { createWiring } from '../../../bot/compose/wire.js'

describe('wire (the composition root notes options a factory never reads)', () => {
  it('reports an option that the factory ignores', () => {
    const { wire, unread } = createWiring()
    function createGreeter({ name }: { name: string; shout?: boolean }) {
      return () => `hello ${name}`
    }
    const greet = wire(createGreeter, { name: 'Somchai', shout: true })
    expect(greet()).toBe('hello Somchai')
    expect(unread()).toEqual(['createGreeter: shout'])
  })

  it('is silent when every option is read, including defaults left unset', () => {
    const { wire, unread } = createWiring()
    function createClock({ now = () => 0, offset }: { now?: () => number; offset: number }) {
      return () => now() + offset
    }
    expect(wire(createClock, { offset: 5 })()).toBe(5)
    expect(unread()).toEqual([])
  })
})
