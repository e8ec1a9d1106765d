import type { Server } from 'node:http'
import Fastify, {
  type FastifyBaseLogger,
  type FastifyHttpOptions,
  type FastifyInstance,
  type FastifyPluginAsync,
} from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { broadcastRoutes } from './announcements/broadcasts.routes.js'
import { announcementImageRoutes, announcementImageUploadRoutes } from './announcements/images/images.routes.js'
import { audienceListRoutes } from './announcements/lists.routes.js'
import { auditRoutes } from './audit/audit.routes.js'
import { evidenceRoutes } from './cameras/evidence/evidence.routes.js'
import { cameraOwnerRoutes } from './cameras/owner/liff.routes.js'
import { ownerRequestsRoutes } from './cameras/owner-requests/owner-requests.routes.js'
import { cameraRegistryRoutes } from './cameras/registry/registry.routes.js'
import { footageRequestRoutes } from './cameras/requests/requests.routes.js'
import { casesRoutes } from './cases/cases-routes.plugin.js'
import { citizenRoutes } from './citizens/citizen.routes.js'
import { liffStatic } from './citizens/liff-static.js'
import type { Services } from './compose/index.js'
import { cannedReplyRoutes } from './consultation/canned-replies.routes.js'
import { consultationLiffRoutes } from './consultation/liff.routes.js'
import { attachmentUploadRoutes } from './consultation/messages/attachments.routes.js'
import { mediaRoutes } from './consultation/messages/media.routes.js'
import { readRoutes } from './consultation/reads.routes.js'
import { commonAnswersRoutes } from './consultation/settings/answers.routes.js'
import { consultationSettingsRoutes } from './consultation/settings/settings.routes.js'
import { consultationWorkflowRoutes } from './consultation/workflow/workflow.routes.js'
import { tileImageSource } from './contracts/map.js'
import { dashboardRoutes } from './dashboard/dashboard.routes.js'
import { registerErrorHandler } from './errors.js'
import { checkInRoutes } from './house-watch/checkin/checkin.routes.js'
import { visitPhotoRoutes } from './house-watch/checkin/photo.routes.js'
import { houseWatchLiffRoutes } from './house-watch/enrol/liff.routes.js'
import { houseWatchOwnerRoutes } from './house-watch/owner/owner.routes.js'
import { patrolRoutes } from './house-watch/patrol/patrol.routes.js'
import { ownerStickerRoutes } from './house-watch/points/owner-sticker.routes.js'
import { patrolPointRoutes } from './house-watch/points/points.routes.js'
import { houseWatchAreaRoutes } from './house-watch/settings/area.routes.js'
import { houseWatchSettingsRoutes } from './house-watch/settings/settings.routes.js'
import { householdLiffRoutes } from './households/liff.routes.js'
import { registerApiDocs } from './http/api-docs.js'
import { registerLiffRateLimit } from './http/liff-rate-limit.js'
import { createPublicUrl } from './http/public-url.js'
import { registerSecurityHeaders } from './http/security-headers.js'
import { documentTypesRoutes } from './lost-documents/admin/document-types.routes.js'
import { lostDocumentLiffRoutes } from './lost-documents/liff/lost-documents.routes.js'
import { recordRoutes } from './lost-documents/record/record.routes.js'
import { lostDocumentReviewRoutes } from './lost-documents/review/review.routes.js'
import { verifyRoutes } from './lost-documents/verify/verify.routes.js'
import { adminScope } from './officers/admin-scope.plugin.js'
import { adminStatic } from './officers/admin-static.js'
import { officersRoutes } from './officers/officers.routes.js'
import { hasOfficerSession } from './officers/session.hook.js'
import { authRoutes } from './officers/sign-in.routes.js'
import { opsRoutes } from './ops/ops.routes.js'
import { dataSubjectRoutes } from './privacy/data-subject.routes.js'
import { privacyRequestsRoutes } from './privacy/requests.routes.js'
import { sosLiffRoutes } from './sos/sos.routes.js'
import { groupsRoutes } from './station/groups.routes.js'
import { stationRoutes } from './station/station.routes.js'
import { templatesRoutes } from './templates/templates.routes.js'
import { webhookRoutes } from './webhook/webhook.routes.js'

export type BuildAppOptions = {
  /** Extra plugins at the root of the server (the LINE emulator in emulator mode). */
  plugins?: FastifyPluginAsync[]
}

/** Builds the HTTP app from the finished services of the composition root; never reads process.env. */
export async function buildApp(s: Services, opts: BuildAppOptions = {}): Promise<FastifyInstance> {
  const { config, db, verifier } = s
  const { sessions } = s.officers
  const options: FastifyHttpOptions<Server> = {
    requestIdHeader: 'x-request-id',
    genReqId: () => crypto.randomUUID(),
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
  }
  const app = Fastify({ ...options, loggerInstance: s.logger as FastifyBaseLogger })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  registerSecurityHeaders(app, { hsts: config.http.hsts })
  // Root hooks over every /api/liff route (each LIFF plugin keeps its own tighter limits too).
  registerLiffRateLimit(app, config.http.liffRateLimit)
  await registerApiDocs(app, {
    publicBaseUrl: config.publicBaseUrl,
    allow: (req) => hasOfficerSession(req, { db, sessions }),
  }) // before any route: it collects them

  await app.register(opsRoutes, {
    metrics: s.metrics,
    checks: { database: s.dbHandle.ping, queue: s.bus.ping },
    metricsToken: config.http.metricsToken,
  })
  await app.register(webhookRoutes, {
    channelSecret: config.line.channelSecret,
    inbox: s.pipe.inbox,
    metrics: s.metrics,
  })

  // The citizen's side under /api/liff: profile and language, lost documents, PDPA rights (export, deletion).
  const { citizens } = s.conversation
  const { lostDocuments: ld } = s
  await app.register(citizenRoutes, {
    db,
    citizens,
    verifier,
    client: { liffId: config.line.liffIdCitizen, emulator: config.line.emulator, map: config.map },
  })
  // Emulator mode: links in answers follow the address the browser used (localhost, 127.0.0.1, a phone on the LAN).
  const publicUrl = createPublicUrl({ publicBaseUrl: config.publicBaseUrl, followRequestHost: config.line.emulator })
  await app.register(lostDocumentLiffRoutes, {
    db,
    citizens,
    verifier,
    cipher: s.cipher,
    submit: ld.submit,
    pdfUrl: ld.records.pdfUrl,
    liffUrl: ld.liffUrl,
    publicUrl,
  })
  await app.register(dataSubjectRoutes, { db, citizens, verifier, sections: s.privacy.exportSections })
  await app.register(sosLiffRoutes, { db, citizens, verifier })
  await app.register(consultationLiffRoutes, { db, citizens, verifier, open: s.consultation.open, cipher: s.cipher })
  // House watch, the owner's side: their watches, visit log and photos, "I'm home", extend (issue #13).
  await app.register(houseWatchOwnerRoutes, { db, citizens, verifier, cipher: s.cipher })
  // House watch: the owner's QR sticker (issue #13).
  const hwc = s.houseWatchCheckIn
  await app.register(ownerStickerRoutes, { verifier, stickers: hwc.stickers })
  // House watch (issue #13): the enrolment form's facts and the submission (bot/compose/house-watch-enrol.ts).
  const hw = s.houseWatchEnrol
  await app.register(houseWatchLiffRoutes, { db, citizens, verifier, cipher: s.cipher, ...hw })
  // My household and the announcement switch (issue #14, bot/compose/households.ts).
  await app.register(householdLiffRoutes, {
    db,
    citizens,
    verifier,
    area: s.households.area,
    inviteUrl: s.households.inviteUrl,
  })
  // CCOC footage requests, the camera owner's side: answer and upload (issue #15).
  await app.register(ownerRequestsRoutes, { db, citizens, verifier, uploads: s.camerasEvidence.ownerUploads })
  // CCOC cameras (issue #15): a private owner's "My cameras".
  await app.register(cameraOwnerRoutes, { db, citizens, verifier, owners: s.camerasRegistry.owners })

  // The officers' API under /api/admin, behind the session check.
  const { audit, officers, accessRequests } = s.officers
  const { cases } = s
  const secureCookie = !config.publicBaseUrl.startsWith('http://')
  const routes: FastifyPluginAsync[] = [
    async (a) => a.register(authRoutes, { db, verifier, sessions, officers, accessRequests, audit, secureCookie }),
    async (a) => a.register(officersRoutes, { db, verifier, officers, accessRequests, audit }),
    async (a) => a.register(auditRoutes, { db, audit }),
    async (a) => a.register(templatesRoutes, { db, templates: cases.templates, audit }),
    async (a) => a.register(stationRoutes, { db, stationInfo: cases.stationInfo, audit }),
    async (a) => a.register(groupsRoutes, { db, groups: cases.groups, audit }),
    async (a) =>
      a.register(casesRoutes, {
        cases: cases.cases,
        feed: cases.feed,
        sessionAlive: (id) => sessions.isAlive(db, id),
      }),
    async (a) => a.register(dashboardRoutes, { dashboard: cases.dashboard }),
    // Consultations' officers' side: canned replies, files for the citizen, unread marks (bot/compose/consultation-messages.ts).
    async (a) => a.register(cannedReplyRoutes, { cannedReplies: cases.consultationMessages.cannedReplies }),
    async (a) => a.register(attachmentUploadRoutes, { uploads: cases.consultationMessages.uploads }),
    async (a) => a.register(readRoutes, { db }),
    async (a) => a.register(lostDocumentReviewRoutes, { review: ld.review }),
    async (a) => a.register(documentTypesRoutes, { db, audit }),
    async (a) => a.register(privacyRequestsRoutes, { requests: s.privacy.requests }),
    async (a) => a.register(consultationSettingsRoutes, { db, audit }),
    async (a) => a.register(commonAnswersRoutes, { db, audit }),
    async (a) => a.register(consultationWorkflowRoutes, { workflow: s.consultationWorkflow.workflow }),
    // Patrols (issue #13): red boxes and stickers, check-ins.
    async (a) => a.register(patrolPointRoutes, { registry: hwc.registry, stickers: hwc.stickers }),
    async (a) => a.register(checkInRoutes, { checkIns: hwc.checkIns }),
    // House-watch patrols (issue #13): today's round, a shift's coverage and its CSV.
    async (a) => a.register(patrolRoutes, s.houseWatchPatrol),
    async (a) => a.register(houseWatchSettingsRoutes, { db, audit }),
    async (a) => a.register(houseWatchAreaRoutes, { db, audit }),
    async (a) => a.register(s.households.adminRoutes, { db, audit }),
    // CCOC evidence (issue #15): a case's files, audited opening, upload, zip export with the chain of custody.
    async (a) => a.register(evidenceRoutes, { evidence: s.camerasEvidence.evidence }),
    // CCOC cameras near a case and footage requests (issue #15).
    async (a) => a.register(footageRequestRoutes, { requests: s.camerasRequests.requests }),
    // Announcements (issue #14): pictures for LINE, resized and served at durable URLs.
    async (a) =>
      a.register(announcementImageUploadRoutes, {
        ...s.announcementImages,
        publicBaseUrl: config.publicBaseUrl,
        publicUrl,
      }),
    async (a) => a.register(cameraRegistryRoutes, { registry: s.camerasRegistry.registry }), // issue #15
    // Announcements (issue #14): the officers' API and saved audience lists (bot/compose/announcements.ts).
    async (a) => a.register(broadcastRoutes, { db, audit, broadcasts: s.announcements.broadcasts }),
    async (a) => a.register(audienceListRoutes, { db, audit }),
  ]
  const publicOrigin = new URL(config.publicBaseUrl).origin
  await app.register(adminScope, { db, sessions, secureCookie, publicOrigin, routes })

  // Public, no login: the QR code's verification page and the signed record download.
  await app.register(verifyRoutes, { db })
  await app.register(recordRoutes, { db, records: ld.records, cipher: s.cipher })
  // An officer's file sent to a citizen, behind a signed expiring link (LINE fetches image messages from it).
  await app.register(mediaRoutes, { db, mediaLinks: cases.consultationMessages.mediaLinks, cipher: s.cipher })
  await app.register(visitPhotoRoutes, { db, photoLinks: hwc.photoLinks, cipher: s.cipher })
  await app.register(announcementImageRoutes, s.announcementImages)

  // The built LIFF apps; the emulator's simulator frames them (in tests it runs on its own port: another origin).
  const frameAncestors = config.line.emulator
    ? [new URL(config.line.apiBaseUrl).origin, new URL(config.publicBaseUrl).origin]
    : []
  await app.register(liffStatic, { frameAncestors, imageSources: [tileImageSource(config.map.tileUrl)] })
  await app.register(adminStatic, {
    client: { liffId: config.line.liffIdAdmin, emulator: config.line.emulator, map: config.map },
    frameAncestors,
  })
  for (const plugin of opts.plugins ?? []) {
    // The emulator's own traffic (simulator polling, the bot's calls to the fake LINE) would drown the bot's logs.
    await app.register(plugin, { logLevel: 'warn' })
  }
  return app
}
