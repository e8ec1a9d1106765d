import { and, desc, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { cases, type Language } from '../../db/schema/index.js'
import { STATUS_LABELS } from '../cases/statuses.js'
import { formatDateTime, t } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'

/** An SOS case as its citizen sees it in "my reports": number, status, when; nothing an officer wrote. */
export type MyEmergency = {
  id: string
  referenceNumber: string
  status: string
  statusTh: string
  statusEn: string
  /** Ended (resolved or closed). */
  ended: boolean
  createdAt: Date
  updatedAt: Date
}

/** The citizen's own SOS cases, newest first. */
export async function listMyEmergencies(tx: Tx, citizenId: string, limit: number): Promise<MyEmergency[]> {
  const rows = await tx
    .select({
      id: cases.id,
      referenceNumber: cases.referenceNumber,
      status: cases.status,
      resolvedAt: cases.resolvedAt,
      createdAt: cases.createdAt,
      updatedAt: cases.updatedAt,
    })
    .from(cases)
    .where(and(eq(cases.citizenId, citizenId), eq(cases.kind, 'sos')))
    .orderBy(desc(cases.createdAt))
    .limit(limit)
  return rows.map((r) => {
    const label = STATUS_LABELS[r.status] ?? { th: r.status, en: r.status }
    return {
      id: r.id,
      referenceNumber: r.referenceNumber,
      status: r.status,
      statusTh: label.th,
      statusEn: label.en,
      ended: r.resolvedAt !== null,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    }
  })
}

/**
 * "My reports" in the chat, SOS part: one text listing the citizen's emergencies (number · status · when), or
 * nothing when they have none.
 */
export function myEmergenciesMessage(items: MyEmergency[], lang: Language): LineMessage | undefined {
  if (items.length === 0) {
    return undefined
  }
  const lines = items.map(
    (e) =>
      `• ${e.referenceNumber}\n   ${lang === 'th' ? e.statusTh : e.statusEn} · ${formatDateTime(lang, e.createdAt)}`,
  )
  return { type: 'text', text: [t(lang, 'sos.mine'), ...lines].join('\n').slice(0, 5000) }
}
