import type { StatusHandler } from '../../cases/case-actions.js'
import { type CloseDeps, closeWith } from './close.js'
import { reopenConsultation } from './reopen.js'

/**
 * The inbox's generic status route on a consultation does what the consultation routes do: 'closed' closes it
 * (the officer's message is the summary, sent to the citizen, then the rating question), 'waiting' re-opens a closed
 * one. The route audits the move itself ('case.status').
 */
export function consultationStatusHandlers(deps: CloseDeps): Partial<Record<string, StatusHandler>> {
  return {
    closed: async (tx, who, c, input, now) => {
      const r = await closeWith(
        tx,
        deps,
        { caseId: c.id, by: 'officer', officer: who, summary: input.message, sendSummary: Boolean(input.message), now },
        { askRating: true, audited: false },
      )
      return { case: r.case, eventId: r.eventId, outboundIds: r.outboundIds }
    },
    waiting: async (tx, who, c, _input, now) => {
      const r = await reopenConsultation(tx, { caseId: c.id, by: 'officer', officer: who, now })
      if (r.eventId === null) {
        throw new Error('a move to waiting from an open status is not in statuses.ts')
      }
      return { case: r.case, eventId: r.eventId, outboundIds: [] }
    },
  }
}
