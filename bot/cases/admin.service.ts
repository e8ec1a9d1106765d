import type { Db, Tx } from '../../db/client.js'
import { NotFoundError } from '../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../officers/audit-port.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { attachmentContent } from './attachment-content.js'
import { type ActionResult, assignCase, changeStatus, type StatusHandlers } from './case-actions.js'
import { addNote, sendMessage } from './case-messages.js'
import { caseDetail, caseTimeline, findStationCase, stationAttachment, timelineEvent } from './case-view.js'
import { COUNT_CAP, createCaseInbox, type InboxQuery } from './inbox.js'
import type { PiiRegistry } from './pii.js'
import type { SearchHasher } from './search-hash.js'
import type { StatusMessage } from './status-messages.js'
import { allowedMoves } from './statuses.js'

export type CasesAdminDeps = {
  db: Db
  audit: Audit
  statusMessage: StatusMessage
  /** Kind-specific work behind some status moves (see StatusHandler). */
  statusHandlers?: StatusHandlers
  pii: PiiRegistry
  hasher: SearchHasher
  /** Opens the attachments (kept encrypted). */
  cipher: Pick<PiiCipher, 'decryptBytes'>
  now?: () => Date
}

/**
 * The officers' side of cases: the inbox, a case's detail and the actions on it. Each call is one transaction
 * (the change, its timeline entry, its audit line, its outbox rows and its NOTIFY commit together); the outbox's
 * deliveries are enqueued when it commits.
 */
export function createCasesAdminService({
  db,
  audit,
  statusMessage,
  statusHandlers,
  pii,
  hasher,
  cipher,
  now = () => new Date(),
}: CasesAdminDeps) {
  const inbox = createCaseInbox({ hasher })

  /** Runs an action, answers with the case as it now is and the action's timeline entry. */
  async function act(run: (tx: Tx, at: Date) => Promise<ActionResult>) {
    const at = now()
    return db.transaction(async (tx) => {
      const result = await run(tx, at)
      return { case: await caseDetail(tx, result.case, pii, at), event: await timelineEvent(tx, result.eventId) }
    })
  }

  return {
    list(who: ActingOfficer, query: InboxQuery) {
      const scope = { stationId: who.stationId, officerId: who.officerId, now: now() }
      return db.transaction(async (tx) => {
        const page = await inbox.list(tx, query, scope)
        return { ...page, counts: await inbox.counts(tx, query, scope), countCap: COUNT_CAP }
      })
    },

    /** Unclaimed SOS cases of the officer's station, newest first. */
    waitingSos(who: ActingOfficer) {
      return db.transaction(async (tx) => ({
        items: await inbox.waitingSos(tx, { stationId: who.stationId, now: now() }),
      }))
    },

    /** The detail view; every view is audited (it shows a citizen's case, if masked). */
    detail(who: ActingOfficer, caseId: string) {
      const at = now()
      return db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId)
        await audit.record(tx, byOfficer(who, 'case.view', c.id))
        return {
          case: await caseDetail(tx, c, pii, at),
          events: await caseTimeline(tx, c.id),
          allowedStatuses: [...allowedMoves(c.kind, c.status)],
        }
      })
    },

    /** One personal-data field in plain text, with the officer's reason in the audit log (never the value). */
    reveal(who: ActingOfficer, caseId: string, field: string, reason: string) {
      return db.transaction(async (tx) => {
        const c = await findStationCase(tx, who.stationId, caseId)
        const value = await pii.reveal(tx, c, field)
        if (value === null) {
          throw new NotFoundError(`this case has no ${field}`, 'เรื่องนี้ไม่มีข้อมูลที่ขอ')
        }
        await audit.record(tx, byOfficer(who, 'case.reveal', c.id, { field, reason }))
        return { value }
      })
    },

    assign: (who: ActingOfficer, caseId: string, target: string | null, note?: string) =>
      act((tx, at) => assignCase(tx, { audit }, who, caseId, target, at, note)),
    changeStatus: (who: ActingOfficer, caseId: string, input: { status: string; message?: string }) =>
      act((tx, at) => changeStatus(tx, { audit, statusMessage, statusHandlers }, who, caseId, input, at)),
    addNote: (who: ActingOfficer, caseId: string, body: string) =>
      act((tx, at) => addNote(tx, { audit }, who, caseId, body, at)),
    sendMessage: (who: ActingOfficer, caseId: string, body: string) =>
      act((tx, at) => sendMessage(tx, { audit }, who, caseId, body, at)),

    /** A file attached to a case of the officer's station, decrypted; opening it is audited like a view. */
    attachment(who: ActingOfficer, attachmentId: string) {
      return db.transaction(async (tx) => {
        const { bytes, bytesEnc, ...file } = await stationAttachment(tx, who.stationId, attachmentId)
        const content = attachmentContent(cipher, { bytes, bytesEnc })
        await audit.record(tx, byOfficer(who, 'case.attachment', file.caseId, { attachmentId: file.id }))
        return { ...file, content }
      })
    },
  }
}
export type CasesAdminService = ReturnType<typeof createCasesAdminService>
