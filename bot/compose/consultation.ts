import { createConsultationFeature } from '../consultation/chat/consultation.feature.js'
import { createThreadFeature } from '../consultation/chat/thread.feature.js'
import { withWayBack } from '../consultation/chat/way-back.js'
import { createConsultationOpener } from '../consultation/open-consultation.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * Legal consultation, the citizen's side: opening a consultation (the chat, later the LIFF page), the chat's start
 * and its thread, and the decoration that tells a citizen in an open thread how to get back to it after another
 * service answered.
 */
export function composeConsultation({ cipher }: Infra, { audit }: Pick<OfficersDomain, 'audit'>, wire: Wire) {
  const open = wire(createConsultationOpener, { cipher })
  const close = { audit, cipher }
  return {
    open,
    feature: wire(createConsultationFeature, { open, close, cipher }),
    thread: wire(createThreadFeature, { cipher, close }),
    withWayBack,
  }
}
export type ConsultationDomain = ReturnType<typeof composeConsultation>
