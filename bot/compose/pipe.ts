import { createDailySchedule } from '../../jobs/daily-schedule.js'
import { createDeliverOutbound, type DeliverOutboundDeps } from '../../jobs/deliver-outbound.job.js'
import { createFetchContent } from '../../jobs/fetch-content.job.js'
import { createLinkRichMenu } from '../../jobs/link-rich-menu.job.js'
import { createProcessChat } from '../../jobs/process-chat.job.js'
import type { JobName, Processors } from '../../jobs/queues.js'
import { createRetentionJob } from '../../jobs/retention.job.js'
import { createSweeper } from '../../jobs/sweeper.js'
import { createCaseMedia } from '../cases/case-media.js'
import { createRichMenuClients } from '../richmenu/richmenu-api.js'
import { createInbox } from '../webhook/inbox.js'
import type { ConversationDomain } from './conversation.js'
import type { Infra } from './infra.js'
import type { PrivacyDomain } from './privacy.js'
import type { Wire } from './wire.js'

/** The pipe's own jobs; every other job's processor comes from its domain (bot/compose/*), passed in. */
type PipeJob = 'process-chat' | 'deliver-outbound' | 'link-rich-menu' | 'fetch-content' | 'retention'
export type DomainProcessors = Pick<Processors, Exclude<JobName, PipeJob>>

/**
 * The pipe: the webhook's inbox, one processor per job, the sweeper that re-enqueues what a queue lost and the
 * schedule that asks for the day's retention run.
 */
export function composePipe(
  { config, db, bus, line, logger, onLineCall, cipher }: Infra,
  { engine }: ConversationDomain,
  { doNotContact, retention }: Pick<PrivacyDomain, 'doNotContact' | 'retention'>,
  domainProcessors: DomainProcessors,
  wire: Wire,
  /** Announcements' requests (bot/compose/announcements.ts): opt-outs at send time, pacing, progress. */
  { announcements }: Required<Pick<DeliverOutboundDeps, 'announcements'>>,
) {
  const deliver = wire(createDeliverOutbound, { db, line, logger, doNotContact, announcements })
  const processors: Processors = {
    'process-chat': wire(createProcessChat, { db, deliver, enqueueMany: bus.enqueueMany, engine, line, logger }),
    'deliver-outbound': deliver,
    'link-rich-menu': wire(createLinkRichMenu, {
      db,
      api: createRichMenuClients(config.line).api,
      logger,
      onCall: onLineCall,
    }),
    'fetch-content': wire(createFetchContent, { media: wire(createCaseMedia, { db, line, cipher, logger }) }),
    retention: wire(createRetentionJob, { db, retention, logger }),
    ...domainProcessors,
  }
  return {
    inbox: wire(createInbox, { db, enqueueMany: bus.enqueueMany, logger }),
    processors,
    sweeper: wire(createSweeper, {
      db,
      requeue: bus.requeue,
      logger,
      staleAfterMs: Math.max(config.sweepIntervalMs, 1_000),
    }),
    retentionSchedule: wire(createDailySchedule, { enqueue: bus.enqueue, logger, hour: config.retention.runHour }),
  }
}
