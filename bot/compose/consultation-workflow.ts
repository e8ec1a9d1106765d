import { createEscalationSchedule } from '../consultation/workflow/escalation-schedule.js'
import { consultationStatusHandlers } from '../consultation/workflow/status-handlers.js'
import { createConsultationWorkflow } from '../consultation/workflow/workflow.service.js'
import type { Infra } from './infra.js'
import type { OfficersDomain } from './officers.js'
import type { Wire } from './wire.js'

/**
 * The consultation workflow: the officers' close and convert routes' service, the inbox's status handlers for
 * consultations (close, re-open) and the escalation check the worker role runs every minute.
 */
export function composeConsultationWorkflow(
  { config, db, logger, cipher }: Infra,
  { audit }: OfficersDomain,
  wire: Wire,
) {
  const adminLiffId = config.line.liffIdAdmin
  return {
    workflow: wire(createConsultationWorkflow, { db, audit, cipher, adminLiffId }),
    statusHandlers: { consultation: consultationStatusHandlers({ audit, cipher }) },
    escalation: wire(createEscalationSchedule, { db, adminLiffId, logger }),
  }
}
export type ConsultationWorkflowDomain = ReturnType<typeof composeConsultationWorkflow>
