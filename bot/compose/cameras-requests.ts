import { footageAnswerFeature } from '../cameras/requests/answer.feature.js'
import { createFootageSchedule } from '../cameras/requests/reminders.js'
import { createFootageRequestsService } from '../cameras/requests/service.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * CCOC cameras near a case and footage requests (issue #15, points 3 and 4): the officers' service (location,
 * nearby cameras, requests, the queue, letters), the owners' answer from the chat (a feature), and the reminders'
 * clock that the worker role starts. The routes are registered in bot/app.ts.
 */
export function composeCamerasRequests({ config, db, logger }: Infra, { audit }: OfficersDomain, wire: Wire) {
  const liffUrl = (path: string) => `https://liff.line.me/${config.line.liffIdCitizen}/${path}`
  return {
    requests: wire(createFootageRequestsService, { db, audit, liffUrl }),
    feature: footageAnswerFeature,
    schedule: wire(createFootageSchedule, { db, logger, liffUrl }),
  }
}
export type CamerasRequestsDomain = ReturnType<typeof composeCamerasRequests>
