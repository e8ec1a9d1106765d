import type { Db, Tx } from '../../db/client.js'
import type { Case, CaseKind } from '../../db/schema/index.js'
import { NotFoundError } from '../errors.js'
import { type ActingOfficer, type Audit, byOfficer } from '../officers/audit-port.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { attachmentContent } from './attachment-content.js'
import { type ActionResult, assignCase, changeStatus, type StatusHandlers } from './case-actions.js'
import { addNote, type MessageHandler, type MessageHandlers, type MessageInput, sendMessage } from './case-messages.js'
import {
  caseDetail,
  caseTimeline,
  findStationCase,
  stationAttachment,
  timelineEvent,
  withDelivery,
} from './case-view.js'
import { COUNT_CAP, createCaseInbox, type InboxQuery } from './inbox.js'
import type { PiiRegistry } from './pii.js'
import type { SearchHasher } from './search-hash.js'
import type { StatusMessage } from './status-messages.js'
import { allowedMoves } from './statuses.js'
import type { CaseEventView } from './views.js'

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
  /** What some kinds add to the officers' API (a consultation's chat); the composition root registers them. */
  kinds?: Partial<Record<CaseKind, KindAdmin>>
  now?: () => Date
}

/**
 * A kind's part of the officers' case API: its own officers' messages (bot/cases/case-messages.ts MessageHandler),
 * what its case view adds (its detail, a timeline it may rewrite: a consultation's thread decrypted for those
 * allowed, the view audited), and unread counts for the inbox.
 */
export type KindAdmin = {
  message?: MessageHandler
  view?(
    tx: Tx,
    who: ActingOfficer,
    c: Case,
    events: CaseEventView[],
    opts: { audit: boolean; now: Date },
  ): Promise<{ events: CaseEventView[]; extra?: Record<string, unknown> }>
  unread?(tx: Tx, who: ActingOfficer, caseIds: string[]): Promise<Map<string, number>>
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
  kinds = {},
  now = () => new Date(),
}: CasesAdminDeps) {
  const inbox = createCaseInbox({ hasher })
  const messageHandlers: MessageHandlers = Object.fromEntries(
    Object.entries(kinds).flatMap(([kind, k]) => (k.message ? [[kind, k.message]] : [])),
  )

  /** The timeline entries as officers see them: delivery state of officers' messages, the kind's own view. */
  async function viewOf(
    tx: Tx,
    who: ActingOfficer,
    c: Case,
    events: CaseEventView[],
    audit: boolean,
    at: Date,
  ): Promise<{ events: CaseEventView[]; extra?: Record<string, unknown> }> {
    const view = kinds[c.kind]?.view
    const delivered = await withDelivery(tx, events)
    return view ? view(tx, who, c, delivered, { audit, now: at }) : { events: delivered }
  }

  /** Runs an action, answers with the case as it now is and the action's timeline entry. */
  async function act(who: ActingOfficer, run: (tx: Tx, at: Date) => Promise<ActionResult>) {
    const at = now()
    return db.transaction(async (tx) => {
      const result = await run(tx, at)
      const [event] = (await viewOf(tx, who, result.case, [await timelineEvent(tx, result.eventId)], false, at)).events
      if (!event) {
        throw new Error(`case event ${result.eventId} left its own view`)
      }
      return { case: await caseDetail(tx, result.case, pii, at), event }
    })
  }

  /** Each listed case of a kind that counts them gets `unread` (entries the officer has not seen yet). */
  async function withUnread<T extends { id: string; kind: CaseKind }>(tx: Tx, who: ActingOfficer, items: T[]) {
    const out: (T & { unread?: number })[] = [...items]
    for (const [kind, k] of Object.entries(kinds)) {
      const ids = items.filter((i) => i.kind === kind).map((i) => i.id)
      if (!k.unread || ids.length === 0) {
        continue
      }
      const counts = await k.unread(tx, who, ids)
      for (let i = 0; i < out.length; i++) {
        const item = out[i]
        if (item && item.kind === kind) {
          out[i] = { ...item, unread: counts.get(item.id) ?? 0 }
        }
      }
    }
    return out
  }

  return {
    list(who: ActingOfficer, query: InboxQuery) {
      const scope = { stationId: who.stationId, officerId: who.officerId, now: now() }
      return db.transaction(async (tx) => {
        const page = await inbox.list(tx, query, scope)
        return {
          ...page,
          items: await withUnread(tx, who, page.items),
          counts: await inbox.counts(tx, query, scope),
          countCap: COUNT_CAP,
        }
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
        const view = await viewOf(tx, who, c, await caseTimeline(tx, c.id), true, at)
        return {
          case: await caseDetail(tx, c, pii, at),
          events: view.events,
          allowedStatuses: [...allowedMoves(c.kind, c.status)],
          ...view.extra,
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
      act(who, (tx, at) => assignCase(tx, { audit }, who, caseId, target, at, note)),
    changeStatus: (who: ActingOfficer, caseId: string, input: { status: string; message?: string }) =>
      act(who, (tx, at) => changeStatus(tx, { audit, statusMessage, statusHandlers }, who, caseId, input, at)),
    addNote: (who: ActingOfficer, caseId: string, body: string) =>
      act(who, (tx, at) => addNote(tx, { audit }, who, caseId, body, at)),
    sendMessage: (who: ActingOfficer, caseId: string, input: MessageInput) =>
      act(who, (tx, at) => sendMessage(tx, { audit, messageHandlers }, who, caseId, input, at)),

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
