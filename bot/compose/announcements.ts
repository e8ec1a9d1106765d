import { createBroadcasts } from '../announcements/broadcasts.service.js'
import { createBroadcastDelivery } from '../announcements/delivery.js'
import { createAnnouncementSchedule } from '../announcements/schedule.js'
import { createQuotaCache } from '../dashboard/quota-cache.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * Announcements (issue #14): the officers' service (drafts, estimate with LINE's quota, approval, send, cancel),
 * the outbox hooks the deliver job calls for an announcement's requests (opt-outs at send time, pacing, progress),
 * and the clock (scheduled sends, LINE's statistics read back) that the worker role starts.
 */
export function composeAnnouncements(
  { db, line, logger }: Infra,
  { audit }: Pick<OfficersDomain, 'audit'>,
  wire: Wire,
) {
  const delivery = wire(createBroadcastDelivery, { db })
  // Read from LINE at each estimate and send (concurrent asks share one call): a send never trusts an old figure.
  const quota = wire(createQuotaCache, { line, ttlMs: 0 })
  const broadcasts = wire(createBroadcasts, {
    db,
    audit,
    quota: { quota, followers: () => line.followers() },
    delivery,
  })
  return {
    delivery,
    broadcasts,
    schedule: wire(createAnnouncementSchedule, { db, broadcasts, line, logger }),
  }
}
export type AnnouncementsDomain = ReturnType<typeof composeAnnouncements>
