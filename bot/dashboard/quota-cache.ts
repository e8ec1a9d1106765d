import type { LineClient } from '../line/line-client.js'

export type QuotaFigures = { limit: number | null; used: number; remaining: number | null }

/**
 * LINE's message quota for this month (limit: null = no limit), asked at most once a minute per process: the
 * dashboard is opened often and LINE's figure moves slowly. A failure gives null (the dashboard still shows the rest)
 * and is remembered briefly so a LINE outage is not hammered.
 */
export function createQuotaCache({
  line,
  ttlMs = 60_000,
  failureTtlMs = 10_000,
  now = () => Date.now(),
}: {
  line: Pick<LineClient, 'getQuota'>
  ttlMs?: number
  failureTtlMs?: number
  now?: () => number
}) {
  let cached: { value: QuotaFigures | null; until: number } | undefined
  let inFlight: Promise<QuotaFigures | null> | undefined

  async function fetchQuota(): Promise<QuotaFigures | null> {
    try {
      const { limit, used } = await line.getQuota()
      const value = { limit, used, remaining: limit === null ? null : Math.max(limit - used, 0) }
      cached = { value, until: now() + ttlMs }
      return value
    } catch {
      cached = { value: null, until: now() + failureTtlMs }
      return null
    } finally {
      inFlight = undefined
    }
  }

  return {
    get(): Promise<QuotaFigures | null> {
      if (cached && cached.until > now()) {
        return Promise.resolve(cached.value)
      }
      inFlight ??= fetchQuota() // concurrent dashboards share one call
      return inFlight
    },
  }
}
export type QuotaCache = ReturnType<typeof createQuotaCache>
