import { eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { lineGroups, type Station, stations } from '../../db/schema/index.js'
import type { LineEvent } from '../line/events.schema.js'
import type { LineMessage } from '../line/line-client.js'
import type { Audit } from '../officers/audit-port.js'

export type GroupEventOutput = { messages: LineMessage[]; replyable: boolean }

function joinNote(station: Station): string {
  return [
    `สวัสดีทุกท่าน บัญชี LINE ของ${station.nameTh}เข้าร่วมกลุ่มนี้แล้ว`,
    'ผู้ดูแลระบบของสถานีผูกกลุ่มนี้กับสถานีได้ที่หน้าเจ้าหน้าที่ เมนู "ข้อมูลสถานี" หัวข้อ "กลุ่ม LINE ของสถานี" เพื่อรับแจ้งเตือนเรื่องใหม่และเหตุด่วนในกลุ่มนี้',
    '',
    `Hello! The LINE account of ${station.nameEn} has joined this group.`,
    'A station admin can bind this group to the station on the officers\' page, menu "Station", section "The station\'s LINE groups", to get new-case and urgent alerts here.',
  ].join('\n')
}

/**
 * The bot's own group membership, run by the conversation engine for group and room events inside the event's
 * transaction. `join` records the group (an admin binds it later) and says so in the group; `leave` records that
 * the bot is gone and unbinds it, since alerts could no longer reach it. Rooms and group chatter get no answer.
 */
export function createGroupEvents({ audit }: { audit: Audit }) {
  async function handle(tx: Tx, args: { event: LineEvent; station: Station; now: Date }): Promise<GroupEventOutput> {
    const { event, station, now } = args
    const groupId = event.source?.type === 'group' ? event.source.groupId : undefined
    if (!groupId) {
      return { messages: [], replyable: false }
    }
    if (event.type === 'join') {
      await tx
        .insert(lineGroups)
        .values({ groupId, joinedAt: now })
        .onConflictDoUpdate({ target: lineGroups.groupId, set: { joinedAt: now, leftAt: null } })
      await audit.record(tx, {
        actor: 'system',
        action: 'group.join',
        stationId: null,
        entityType: 'line_group',
        entityId: groupId,
      })
      return { messages: [{ type: 'text', text: joinNote(station) }], replyable: true }
    }
    if (event.type === 'leave') {
      await tx.update(lineGroups).set({ leftAt: now, stationId: null }).where(eq(lineGroups.groupId, groupId))
      const unbound = await tx
        .update(stations)
        .set({ lineGroupId: null })
        .where(eq(stations.lineGroupId, groupId))
        .returning({ id: stations.id })
      await audit.record(tx, {
        actor: 'system',
        action: 'group.leave',
        stationId: unbound[0]?.id ?? null,
        entityType: 'line_group',
        entityId: groupId,
        details: { unboundStations: unbound.map((s) => s.id) },
      })
      return { messages: [], replyable: false }
    }
    return { messages: [], replyable: false }
  }

  return { handle }
}
export type GroupEvents = ReturnType<typeof createGroupEvents>
