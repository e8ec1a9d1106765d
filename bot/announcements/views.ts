import { desc, eq, inArray, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../db/client.js'
import { type Broadcast, broadcasts, officers } from '../../db/schema/index.js'
import type { BroadcastRequestView, BroadcastView } from '../contracts/announcements.js'

const iso = (d: Date | null) => (d ? d.toISOString() : null)

async function namesOf(db: Db | Tx, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => i !== null))]
  if (wanted.length === 0) {
    return new Map()
  }
  const rows = await db
    .select({ id: officers.id, name: officers.displayName })
    .from(officers)
    .where(inArray(officers.id, wanted))
  return new Map(rows.map((r) => [r.id, r.name]))
}

export async function toViews(db: Db | Tx, rows: Broadcast[]): Promise<BroadcastView[]> {
  const names = await namesOf(
    db,
    rows.flatMap((b) => [b.createdBy, b.approvedBy]),
  )
  const who = (id: string | null) => (id ? { id, name: names.get(id) ?? '' } : null)
  return rows.map((b) => ({
    id: b.id,
    title: b.title,
    topic: b.topic,
    status: b.status,
    audience: b.audience,
    messages: b.messages,
    scheduledAt: iso(b.scheduledAt),
    recipients: b.recipients,
    sent: b.sent,
    failed: b.failed,
    remaining: b.status === 'sending' ? Math.max(b.recipients - b.sent - b.failed, 0) : 0,
    partial: b.partial ?? null,
    aggregationUnit: b.aggregationUnit,
    lineStats: b.lineStats ?? null,
    createdBy: who(b.createdBy),
    approvedBy: who(b.approvedBy),
    approvedAt: iso(b.approvedAt),
    startedAt: iso(b.startedAt),
    completedAt: iso(b.completedAt),
    cancelledAt: iso(b.cancelledAt),
    createdAt: b.createdAt.toISOString(),
  }))
}

export async function toView(db: Db | Tx, b: Broadcast): Promise<BroadcastView> {
  const [view] = await toViews(db, [b])
  if (!view) {
    throw new Error('no view')
  }
  return view
}

export async function listBroadcasts(db: Db, stationId: string): Promise<BroadcastView[]> {
  const rows = await db
    .select()
    .from(broadcasts)
    .where(eq(broadcasts.stationId, stationId))
    .orderBy(desc(broadcasts.createdAt))
    .limit(200)
  return toViews(db, rows)
}

/** The per-request result log: each LINE request of the announcement, its language, outcome and LINE's answer. */
export async function requestLog(db: Db | Tx, broadcastId: string): Promise<BroadcastRequestView[]> {
  const rows = await queryRows<{
    id: string
    method: 'multicast' | 'broadcast'
    n: number
    status: BroadcastRequestView['status']
    attempts: number
    line_request_id: string | null
    last_error: { status?: number; message?: string } | null
    delivered_at: string | Date | null
    language: 'th' | 'en' | null
  }>(
    db,
    sql`select o.id, o.method, coalesce(cardinality(o.recipients), 0)::int as n, o.status, o.attempts,
        o.line_request_id, o.last_error, o.delivered_at,
        (select br.language from broadcast_recipients br
          where br.broadcast_id = o.broadcast_id and br.outbound_message_id = o.id limit 1) as language
      from outbound_messages o where o.broadcast_id = ${broadcastId}
      order by o.created_at asc, o.id asc`,
  )
  return rows.map((r) => ({
    id: r.id,
    language: r.language ?? 'th',
    method: r.method,
    recipients: Number(r.n),
    status: r.status,
    attempts: Number(r.attempts),
    lineRequestId: r.line_request_id,
    error: r.last_error ? `${r.last_error.status ?? ''} ${r.last_error.message ?? ''}`.trim() : null,
    deliveredAt: r.delivered_at ? new Date(r.delivered_at).toISOString() : null,
  }))
}
