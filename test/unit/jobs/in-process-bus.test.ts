import { describe, expect, it } from 'vitest'
import { createInProcessBus } from '../../../jobs/in-process-bus.js'
import { backoffDelay, PermanentJobError, type Processors } from '../../../jobs/queues.js'

const logger = { error() {}, warn() {} }
const outboundId = '00000000-0000-4000-8000-000000000001'

function processors(overrides: Partial<Processors>): Processors {
  return {
    'process-chat': async () => {},
    'deliver-outbound': async () => {},
    'link-rich-menu': async () => {},
    'fetch-content': async () => {},
    retention: async () => {},
    'house-watch-visit': async () => {},
    ...overrides,
  }
}

describe('backoffDelay', () => {
  it('doubles per attempt and stays within the jitter band', () => {
    const b = { type: 'exponential' as const, delay: 1000, jitter: 0.5 }
    expect(backoffDelay(b, 1, () => 1)).toBe(1000)
    expect(backoffDelay(b, 3, () => 1)).toBe(4000)
    expect(backoffDelay(b, 3, () => 0)).toBe(2000)
    expect(backoffDelay({ type: 'fixed', delay: 300 }, 5)).toBe(300)
  })
})

describe('in-process bus', () => {
  it('requeues only jobs whose ID names none that still waits', async () => {
    const bus = createInProcessBus({ logger })
    const seen: string[] = []
    await bus.enqueue('deliver-outbound', { outboundId }, { jobId: 'waiting' })
    const other = '00000000-0000-4000-8000-000000000002'
    const added = await bus.requeue('deliver-outbound', [
      { payload: { outboundId }, opts: { jobId: 'waiting' } },
      { payload: { outboundId: other }, opts: { jobId: 'lost' } },
    ])
    expect(added).toBe(1)
    bus.startWorkers(processors({ 'deliver-outbound': async (p) => void seen.push(p.outboundId) }), { concurrency: 1 })
    await expect.poll(() => seen.length).toBe(2)
    await bus.close()
    expect(seen.sort()).toEqual([outboundId, other].sort())
  })

  it('runs a job once per job ID while it waits', async () => {
    const bus = createInProcessBus({ logger })
    const seen: string[] = []
    await bus.enqueue('deliver-outbound', { outboundId }, { jobId: 'a' })
    await bus.enqueue('deliver-outbound', { outboundId }, { jobId: 'a' })
    bus.startWorkers(processors({ 'deliver-outbound': async (p) => void seen.push(p.outboundId) }), { concurrency: 2 })
    await bus.close()
    expect(seen).toEqual([outboundId])
  })

  it('retries a failing job with the contract backoff, then succeeds', async () => {
    const bus = createInProcessBus({ logger })
    let calls = 0
    const outcomes: string[] = []
    bus.startWorkers(
      processors({
        'process-chat': async () => {
          calls += 1
          if (calls < 3) {
            throw new Error('transient')
          }
        },
      }),
      { concurrency: 1, onOutcome: (_n, o) => outcomes.push(o) },
    )
    await bus.enqueue('process-chat', { chatKey: 'U1', inboundEventId: 1 }, { jobId: 'j' })
    await expect.poll(() => calls, { timeout: 5_000 }).toBe(3)
    await expect.poll(() => outcomes).toEqual(['retried', 'retried', 'completed'])
    await bus.close()
  })

  it('does not retry a permanent failure', async () => {
    const bus = createInProcessBus({ logger })
    const outcomes: string[] = []
    bus.startWorkers(
      processors({
        'deliver-outbound': async () => {
          throw new PermanentJobError('no')
        },
      }),
      { concurrency: 1, onOutcome: (_n, o) => outcomes.push(o) },
    )
    await bus.enqueue('deliver-outbound', { outboundId }, { jobId: 'p' })
    await expect.poll(() => outcomes).toEqual(['failed'])
    await bus.close()
  })

  it('rejects a payload that breaks the contract', async () => {
    const bus = createInProcessBus({ logger })
    await expect(bus.enqueue('deliver-outbound', { outboundId: 'nope' }, { jobId: 'x' })).rejects.toThrow()
    await bus.close()
  })

  it('close() waits for the job in flight', async () => {
    const bus = createInProcessBus({ logger })
    let finished = false
    bus.startWorkers(
      processors({
        'process-chat': async () => {
          await new Promise((r) => setTimeout(r, 200))
          finished = true
        },
      }),
      { concurrency: 1 },
    )
    await bus.enqueue('process-chat', { chatKey: 'U1', inboundEventId: 1 }, { jobId: 'slow' })
    await new Promise((r) => setTimeout(r, 20))
    await bus.close()
    expect(finished).toBe(true)
  })
})
