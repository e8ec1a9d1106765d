import type { Logger } from 'pino'
import type { Db } from '../../../db/client.js'
import { createEvery } from '../../scheduling/every.js'
import { escalateMissedFirstResponses } from './escalation.js'

export type EscalationScheduleDeps = {
  db: Db
  adminLiffId: string
  logger: Pick<Logger, 'info' | 'warn'>
  /** How often each worker looks; the claim makes concurrent looks harmless. */
  everyMs?: number
  now?: () => Date
}

/**
 * The minute-level check, run by every worker process (the worker role starts it, like the sweeper): an SLA is
 * minutes to hours, so a minute's delay is within it.
 */
export function createEscalationSchedule({
  db,
  adminLiffId,
  logger,
  everyMs = 60_000,
  now = () => new Date(),
}: EscalationScheduleDeps) {
  async function tick() {
    const ids = await escalateMissedFirstResponses(db, { adminLiffId }, now())
    if (ids.length > 0) {
      logger.info({ escalated: ids.length }, 'consultations past their first-response time posted to the station group')
    }
    return ids
  }
  const loop = createEvery(tick, everyMs, (err) =>
    logger.warn({ err: err instanceof Error ? err.message : err }, 'escalation check failed'),
  )
  return { tick, start: loop.start, stop: loop.stop }
}
export type EscalationSchedule = ReturnType<typeof createEscalationSchedule>
