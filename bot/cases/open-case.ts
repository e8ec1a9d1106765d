import type { Tx } from '../../db/client.js'
import type { Case, Station } from '../../db/schema/index.js'
import { type AlertContact, alertStation } from './alerts.js'
import { notifyCaseChange } from './case-feed.js'
import { createCase, type NewCase } from './cases.service.js'

export type OpenCaseInput = Omit<NewCase, 'station'> & {
  station: Pick<Station, 'id' | 'code' | 'lineGroupId'>
  /** LIFF_ID_ADMIN: the alert card's button opens the case there. */
  adminLiffId: string
  /** Who to call back, shown on the alert card (SOS). */
  contact?: AlertContact
  /**
   * The status the caller moves the case to in this same transaction (e.g. a lost-document report that is issued at
   * once, or that needs a visit to the station): the group's alert says what the citizen is told.
   */
  alertStatus?: string
}

/**
 * What a flow (SOS, lost documents, ...) calls to file a case, in its own transaction: the case with its number,
 * the alert card to the station's LINE group (outbox) and the live-inbox notification, all committed together.
 * The alert's delivery is enqueued when the caller's transaction commits (db/client.ts, jobs/after-commit.ts).
 */
export async function openCase(tx: Tx, input: OpenCaseInput): Promise<{ case: Case; outboundIds: string[] }> {
  const { adminLiffId, contact, alertStatus, ...newCase } = input
  const c = await createCase(tx, newCase)
  const outboundIds = await alertStation(tx, c, input.station, adminLiffId, contact, alertStatus)
  await notifyCaseChange(tx, c, 'created')
  return { case: c, outboundIds }
}

/** openCase with the admin LIFF ID bound, for composition roots. */
export function createCaseOpener({ adminLiffId }: { adminLiffId: string }) {
  return (tx: Tx, input: Omit<OpenCaseInput, 'adminLiffId'>) => openCase(tx, { ...input, adminLiffId })
}
