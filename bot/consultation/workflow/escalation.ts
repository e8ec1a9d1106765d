import type { messagingApi } from '@line/bot-sdk'
import { eq, inArray, sql } from 'drizzle-orm'
import { type Db, queryRows, type Tx } from '../../../db/client.js'
import { type Case, caseEvents, cases, consultations, stations } from '../../../db/schema/index.js'
import { stationAlertCard } from '../../cases/alerts.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { CONSULTATION_TOPIC_LABELS, type ConsultationTopic } from '../../contracts/consultations.js'
import { formatDateTime } from '../../i18n/index.js'
import { writeOutbox } from '../../line/outbox.js'

/** How many overdue consultations one transaction claims (a station sees a handful; the loop takes the rest). */
const BATCH = 50

/** "2 วัน 3 ชม." / "4 ชม. 12 นาที" / "35 นาที": how long the citizen has waited, as officers read it. */
export function waitedThai(from: Date, now: Date): string {
  const minutes = Math.max(0, Math.floor((now.getTime() - from.getTime()) / 60_000))
  const days = Math.floor(minutes / 1_440)
  const hours = Math.floor((minutes % 1_440) / 60)
  if (days > 0) {
    return hours > 0 ? `${days} วัน ${hours} ชม.` : `${days} วัน`
  }
  return hours > 0 ? `${hours} ชม. ${minutes % 60} นาที` : `${minutes} นาที`
}

/**
 * The station group's card for a missed first response: the usual case card (number, status, time, the button that
 * opens the case in the officers' app), headed as overdue, with the topic and how long the citizen has waited.
 */
export function escalationCard(
  c: Case,
  topic: ConsultationTopic,
  adminLiffId: string,
  now: Date,
): messagingApi.FlexMessage {
  const card = stationAlertCard(c, adminLiffId)
  const bubble = card.contents as messagingApi.FlexBubble
  const rows = [...(bubble.body?.contents ?? [])]
  rows.splice(
    1,
    0,
    { type: 'text', text: `หัวข้อ: ${CONSULTATION_TOPIC_LABELS[topic].th}`, size: 'sm', wrap: true },
    {
      type: 'text',
      text: `รอคำตอบมาแล้ว ${waitedThai(c.createdAt, now)}`,
      size: 'sm',
      weight: 'bold',
      color: '#B71C1C',
      wrap: true,
    },
    ...(c.dueAt
      ? [{ type: 'text', text: `ครบกำหนดตอบ ${formatDateTime('th', c.dueAt)}`, size: 'sm', color: '#555555' } as const]
      : []),
  )
  return {
    ...card,
    altText: `⏰ ปรึกษากฎหมาย ${c.referenceNumber} ยังไม่มีผู้ตอบ`,
    contents: {
      ...bubble,
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: '#E65100',
        contents: [{ type: 'text', text: '⏰ ปรึกษากฎหมาย · เกินเวลาตอบ', color: '#FFFFFF', weight: 'bold' }],
      },
      body: { type: 'box', layout: 'vertical', spacing: 'sm', contents: rows },
    },
  }
}

/**
 * Claims open consultations past their first-response time (cases.due_at) that nobody has answered and that were
 * not escalated yet, and marks them escalated in the same statement. `FOR UPDATE SKIP LOCKED` plus the
 * `escalated_at is null` test make each consultation claimed by exactly one transaction, however many workers look
 * at once. A station without a LINE group is left alone: nobody could be told (the inbox still shows it overdue).
 */
async function claimOverdue(tx: Tx, now: Date): Promise<string[]> {
  const at = now.toISOString()
  const rows = await queryRows<{ case_id: string }>(
    tx,
    sql`update ${consultations} set escalated_at = ${at}::timestamptz, updated_at = ${at}::timestamptz
         where case_id in (
           select k.case_id from ${consultations} k
             join ${cases} c on c.id = k.case_id
             join ${stations} s on s.id = c.station_id
            where c.kind = 'consultation' and c.status <> 'closed'
              and c.first_response_at is null and c.due_at < ${at}::timestamptz
              and k.escalated_at is null and k.closed_at is null
              and s.line_group_id is not null
            order by c.due_at
            limit ${BATCH}
              for update of k skip locked)
        returning case_id`,
  )
  return rows.map((r) => r.case_id)
}

/**
 * One pass: each claimed consultation gets its card in the station's LINE group (an outbox row written in the
 * transaction that set escalated_at: posted once, and certainly), an internal timeline line, and a live-inbox
 * update. Returns the escalated case IDs.
 */
export async function escalateMissedFirstResponses(
  db: Db,
  deps: { adminLiffId: string },
  now: Date,
): Promise<string[]> {
  const escalated: string[] = []
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const ids = await claimOverdue(tx, now)
      if (ids.length === 0) {
        return ids
      }
      const found = await tx
        .select({ c: cases, topic: consultations.topic, groupId: stations.lineGroupId })
        .from(cases)
        .innerJoin(consultations, eq(consultations.caseId, cases.id))
        .innerJoin(stations, eq(stations.id, cases.stationId))
        .where(inArray(cases.id, ids))
      for (const { c, topic, groupId } of found) {
        if (!groupId) {
          continue
        }
        const outboundIds = await writeOutbox(tx, {
          to: groupId,
          stationId: c.stationId,
          messages: [escalationCard(c, topic, deps.adminLiffId, now)],
          purpose: 'consultation-escalation',
        })
        await tx.insert(caseEvents).values({
          caseId: c.id,
          type: 'note',
          actorType: 'system',
          internal: true,
          body: 'ยังไม่มีการตอบครั้งแรกภายในเวลาที่กำหนด: แจ้งกลุ่ม LINE ของสถานีแล้ว',
          data: { escalation: 'first_response', outboundIds },
          createdAt: now,
        })
        await notifyCaseChange(tx, c, 'updated')
      }
      return ids
    })
    escalated.push(...batch)
    if (batch.length < BATCH) {
      return escalated
    }
  }
}
