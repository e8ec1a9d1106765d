import { BROADCAST_REQUESTS_PER_HOUR, MULTICAST_REQUESTS_PER_SECOND } from '../contracts/announcements.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The request would pass LINE's hourly broadcast limit: retried later by the job's backoff, with the same key. */
export class PacedError extends Error {
  override name = 'PacedError'
  readonly status = 429
}

/**
 * Keeps this process's announcement requests inside LINE's rate limits (multicast 2,000 requests a second: waits
 * for its turn; broadcast 60 an hour: refuses, the job retries later). Several worker processes each keep their own
 * pace; LINE's 429 (retried with backoff and the same retry key) is the backstop.
 */
export function createPacer({
  multicastPerSecond = MULTICAST_REQUESTS_PER_SECOND,
  broadcastPerHour = BROADCAST_REQUESTS_PER_HOUR,
  now = () => Date.now(),
}: {
  multicastPerSecond?: number
  broadcastPerHour?: number
  now?: () => number
} = {}) {
  const multicasts: number[] = []
  const broadcasts: number[] = []
  const trim = (calls: number[], windowMs: number) => {
    while (calls.length > 0 && (calls[0] ?? 0) <= now() - windowMs) {
      calls.shift()
    }
  }
  return {
    async multicast(): Promise<void> {
      for (;;) {
        trim(multicasts, 1_000)
        if (multicasts.length < multicastPerSecond) {
          multicasts.push(now())
          return
        }
        await sleep(Math.max((multicasts[0] ?? now()) + 1_000 - now(), 1))
      }
    },
    broadcast(): void {
      trim(broadcasts, 3_600_000)
      if (broadcasts.length >= broadcastPerHour) {
        throw new PacedError('LINE allows 60 broadcast requests an hour: tried again later')
      }
      broadcasts.push(now())
    },
  }
}
export type Pacer = ReturnType<typeof createPacer>
