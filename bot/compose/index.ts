import { cameraRegisterFeature } from '../cameras/chat/register.feature.js'
import type { Config } from '../config.js'
import type { ConversationEngine } from '../conversation/engine.js'
import { composeAnnouncementImages } from './announcement-images.js'
import { composeAnnouncements } from './announcements.js'
import { composeCamerasEvidence } from './cameras-evidence.js'
import { composeCamerasRegistry } from './cameras-registry.js'
import { composeCamerasRequests } from './cameras-requests.js'
import { composeCases } from './cases.js'
import { composeConsultation } from './consultation.js'
import { composeConsultationSettings } from './consultation-settings.js'
import { composeConsultationWorkflow } from './consultation-workflow.js'
import { composeConversation } from './conversation.js'
import { composeHouseWatchCheckIn } from './house-watch-checkin.js'
import { composeHouseWatchEnrol } from './house-watch-enrol.js'
import { composeHouseWatchOwner } from './house-watch-owner.js'
import { composeHouseWatchPatrol } from './house-watch-patrol.js'
import { composeHouseholds } from './households.js'
import { createInfra, type InfraOverrides } from './infra.js'
import { composeLostDocuments } from './lost-documents.js'
import { composeOfficers } from './officers.js'
import { composePipe } from './pipe.js'
import { composePrivacy } from './privacy.js'
import { createWiring } from './wire.js'

export type ServicesOverrides = InfraOverrides & {
  /** Decorates the conversation engine (tests inject transient failures this way). */
  wrapEngine?: (engine: ConversationEngine) => ConversationEngine
}

/**
 * The one composition root, shared by web and worker: every service is built here from config, by domain, and
 * handed finished to the HTTP app (bot/app.ts) and the job processors. It opens every resource and closes them in
 * reverse order. Whether the LINE emulator runs is decided in main.ts (it needs the HTTP server).
 */
export async function createServices(config: Readonly<Config>, overrides: ServicesOverrides = {}) {
  const wiring = createWiring()
  const { wire } = wiring
  const infra = await createInfra(config, wire, overrides)
  const officers = await composeOfficers(infra, wire)
  const lostDocuments = composeLostDocuments(infra, officers, wire)
  const consultationWorkflow = composeConsultationWorkflow(infra, officers, wire)
  // The household registry (issue #14): a house-watch enrolment joins or creates the owner's household.
  const households = composeHouseholds(infra)
  const enrolBase = await composeHouseWatchEnrol(infra, wire)
  const houseWatchEnrol = { ...enrolBase, enrol: households.withHousehold(enrolBase.enrol) }
  const cases = composeCases(
    infra,
    officers,
    {
      statusHandlers: {
        ...lostDocuments.statusHandlers,
        ...consultationWorkflow.statusHandlers,
        ...houseWatchEnrol.statusHandlers,
      },
      piiProviders: [lostDocuments.piiProvider, houseWatchEnrol.piiProvider],
    },
    wire,
  )
  const privacy = composePrivacy(infra, officers, wire)
  const consultationSettings = await composeConsultationSettings(infra)
  const consultation = composeConsultation(infra, officers, wire)
  // House watch and patrols (issue #13).
  const houseWatchCheckIn = composeHouseWatchCheckIn(infra, officers, wire)
  const houseWatchOwner = composeHouseWatchOwner(infra, houseWatchCheckIn, wire)
  const camerasRequests = composeCamerasRequests(infra, officers, wire)
  const conversation = composeConversation(
    infra,
    lostDocuments,
    consultation,
    houseWatchOwner,
    cases,
    privacy,
    wire,
    overrides.wrapEngine,
    [houseWatchEnrol.feature, households.feature, camerasRequests.feature, cameraRegisterFeature],
  )
  const announcements = composeAnnouncements(infra, officers, wire)
  const pipe = composePipe(infra, conversation, privacy, { ...houseWatchCheckIn.processors }, wire, {
    announcements: announcements.delivery,
  })
  const houseWatchPatrol = composeHouseWatchPatrol(infra, officers, wire)
  const camerasEvidence = composeCamerasEvidence(infra, officers, wire)
  const announcementImages = composeAnnouncementImages(infra, officers, wire)
  const camerasRegistry = composeCamerasRegistry(infra, officers, wire)
  for (const option of wiring.unread()) {
    infra.logger.warn({ option }, 'an option is wired that its service never reads')
  }

  return {
    ...infra,
    officers,
    lostDocuments,
    consultation,
    consultationWorkflow,
    cases,
    conversation,
    privacy,
    consultationSettings,
    houseWatchOwner,
    houseWatchCheckIn,
    houseWatchEnrol,
    households,
    pipe,
    houseWatchPatrol,
    camerasEvidence,
    camerasRequests,
    announcementImages,
    camerasRegistry,
    announcements,
    /** Options passed to a factory that it never read (a test keeps this empty). */
    unreadOptions: wiring.unread,
    /** Start consuming jobs in this process (the worker role). */
    startWorker() {
      infra.bus.startWorkers(pipe.processors, {
        concurrency: config.workerConcurrency,
        onOutcome: (job, outcome) => infra.metrics.jobs.inc({ job, outcome }),
      })
      pipe.sweeper.start(config.sweepIntervalMs)
      pipe.retentionSchedule.start()
      consultationWorkflow.escalation.start()
      houseWatchOwner.schedule.start()
      camerasRequests.schedule.start()
      announcements.schedule.start()
    },
    async close() {
      pipe.retentionSchedule.stop()
      await consultationWorkflow.escalation.stop()
      await houseWatchOwner.schedule.stop()
      await camerasRequests.schedule.stop()
      await announcements.schedule.stop()
      await pipe.sweeper.stop()
      await infra.close()
    },
  }
}
export type Services = Awaited<ReturnType<typeof createServices>>
