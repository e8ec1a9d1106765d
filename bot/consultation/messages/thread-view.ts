import { and, eq, inArray, isNotNull } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, caseEvents, consultations, officers } from '../../../db/schema/index.js'
import type { CaseEventView } from '../../cases/views.js'
import type { ConsultationDetail } from '../../contracts/consultations.js'
import { type ActingOfficer, type Audit, byOfficer } from '../../officers/audit-port.js'
import { can } from '../../officers/permissions.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { unreadCounts } from '../reads.js'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

/**
 * Who reads a consultation's thread in plain text: the officers who answer it (permission 'cases.act', which the
 * legal advisor has). Others (a viewer) see the entries masked; the role is read from the database, not the session
 * cache, so a role taken away stops at once.
 */
async function mayReadThread(tx: Tx, officerId: string): Promise<boolean> {
  const [row] = await tx.select({ role: officers.role }).from(officers).where(eq(officers.id, officerId)).limit(1)
  return row ? can(row.role, 'cases.act') : false
}

/**
 * A consultation's case view: its detail (topic, times, unread) and its thread, the citizen's and officers'
 * encrypted texts decrypted for an officer allowed to read it, that view audited as a view of personal data
 * ('consultation.thread_view', the number of entries shown, never their text).
 */
export function createThreadView({ audit, cipher }: { audit: Audit; cipher: Pick<PiiCipher, 'decrypt'> }) {
  return {
    async view(
      tx: Tx,
      who: ActingOfficer,
      c: Case,
      events: CaseEventView[],
      opts: { audit: boolean; now: Date },
    ): Promise<{ events: CaseEventView[]; extra?: { consultation: ConsultationDetail } }> {
      const [co] = await tx.select().from(consultations).where(eq(consultations.caseId, c.id)).limit(1)
      const masked = events.filter((e) => typeof e.body === 'object' && e.body !== null)
      let shown = events
      if (masked.length > 0 && (await mayReadThread(tx, who.officerId))) {
        const rows = await tx
          .select({ id: caseEvents.id, bodyEnc: caseEvents.bodyEnc })
          .from(caseEvents)
          .where(
            and(
              eq(caseEvents.caseId, c.id),
              inArray(
                caseEvents.id,
                masked.map((e) => e.id),
              ),
              inArray(caseEvents.type, ['message_in', 'message_out']),
              isNotNull(caseEvents.bodyEnc),
            ),
          )
        const plain = new Map(rows.map((r) => [r.id, r.bodyEnc ? cipher.decrypt(r.bodyEnc) : null]))
        shown = events.map((e) => (plain.has(e.id) ? { ...e, body: plain.get(e.id) ?? null } : e))
        if (opts.audit && plain.size > 0) {
          await audit.record(tx, byOfficer(who, 'consultation.thread_view', c.id, { entries: plain.size }))
        }
      }
      if (!co) {
        return { events: shown }
      }
      const unread = (await unreadCounts(tx, who.officerId, [c.id])).get(c.id) ?? 0
      return {
        events: shown,
        extra: {
          consultation: {
            topic: co.topic,
            openedVia: co.openedVia,
            lastCitizenMessageAt: iso(co.lastCitizenMessageAt),
            lastOfficerMessageAt: iso(co.lastOfficerMessageAt),
            nextResponseDueAt: iso(co.nextResponseDueAt),
            closedBy: co.closedBy,
            closedAt: iso(co.closedAt),
            rating: co.rating,
            reopenCount: co.reopenCount,
            convertedToCaseId: co.convertedToCaseId,
            unread,
          },
        },
      }
    },
  }
}
