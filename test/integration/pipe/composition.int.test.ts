import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from '../../helpers/stack.js'

/** The composition root as production runs it: every option it wires is read by its service. */
describe('the composition root', () => {
  let s: Stack
  beforeAll(async () => {
    s = await startStack()
  })
  afterAll(async () => {
    await s.close()
  })

  it('passes no service an option it does not read', () => {
    expect(s.deps.unreadOptions()).toEqual([])
  })
})
