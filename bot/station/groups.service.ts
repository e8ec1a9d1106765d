import { and, desc, eq, isNull, or } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { lineGroups, stations } from '../../db/schema/index.js'
import { NotFoundError } from '../errors.js'
import { ConflictError } from '../officers/officers.service.js'
import type { GroupNameLookup } from './group-names.js'

export type GroupItem = { groupId: string; name: string | null; joinedAt: Date; leftAt: Date | null; bound: boolean }

/** The LINE groups the bot is or was in, as a station's admin sees them, and the station's alert-group binding. */
export function createGroups({ groupName }: { groupName?: GroupNameLookup | undefined } = {}) {
  async function boundGroupOf(tx: Tx, stationId: string): Promise<string | null> {
    const [s] = await tx.select({ g: stations.lineGroupId }).from(stations).where(eq(stations.id, stationId))
    if (!s) {
      throw new NotFoundError('no such station', 'ไม่พบสถานี')
    }
    return s.g
  }

  /** Groups not bound to another station, newest first. */
  async function list(tx: Tx, stationId: string): Promise<GroupItem[]> {
    const bound = await boundGroupOf(tx, stationId)
    const rows = await tx
      .select()
      .from(lineGroups)
      .where(or(isNull(lineGroups.stationId), eq(lineGroups.stationId, stationId)))
      .orderBy(desc(lineGroups.joinedAt))
      .limit(200)
    return rows.map((g) => ({
      groupId: g.groupId,
      name: g.name,
      joinedAt: g.joinedAt,
      leftAt: g.leftAt,
      bound: g.groupId === bound,
    }))
  }

  /** Asks LINE for the names still missing (outside any transaction: a transaction never waits on LINE). */
  async function fillNames(db: Db, items: GroupItem[]): Promise<GroupItem[]> {
    if (!groupName) {
      return items
    }
    return Promise.all(
      items.map(async (g) => {
        if (g.name || g.leftAt) {
          return g
        }
        const name = await groupName(g.groupId)
        if (!name) {
          return g
        }
        await db.update(lineGroups).set({ name }).where(eq(lineGroups.groupId, g.groupId))
        return { ...g, name }
      }),
    )
  }

  /** Binds (the station's alerts go to this group from now on) or unbinds; one group per station. */
  async function setBinding(tx: Tx, args: { stationId: string; groupId: string; bound: boolean }) {
    const [group] = await tx
      .select()
      .from(lineGroups)
      .where(
        and(
          eq(lineGroups.groupId, args.groupId),
          or(isNull(lineGroups.stationId), eq(lineGroups.stationId, args.stationId)),
        ),
      )
      .limit(1)
    if (!group) {
      throw new NotFoundError('the bot is not in such a group', 'ไม่พบกลุ่ม LINE นี้')
    }
    const previous = await boundGroupOf(tx, args.stationId)
    if (args.bound) {
      if (group.leftAt) {
        throw new ConflictError(
          'group_left',
          'the bot has left this group; invite it again first',
          'บัญชีได้ออกจากกลุ่มนี้แล้ว กรุณาเชิญเข้ากลุ่มอีกครั้ง',
        )
      }
      if (previous && previous !== args.groupId) {
        await tx.update(lineGroups).set({ stationId: null }).where(eq(lineGroups.groupId, previous))
      }
      await tx.update(lineGroups).set({ stationId: args.stationId }).where(eq(lineGroups.groupId, args.groupId))
      await tx.update(stations).set({ lineGroupId: args.groupId }).where(eq(stations.id, args.stationId))
    } else {
      await tx.update(lineGroups).set({ stationId: null }).where(eq(lineGroups.groupId, args.groupId))
      if (previous === args.groupId) {
        await tx.update(stations).set({ lineGroupId: null }).where(eq(stations.id, args.stationId))
      }
    }
    const item: GroupItem = {
      groupId: group.groupId,
      name: group.name,
      joinedAt: group.joinedAt,
      leftAt: group.leftAt,
      bound: args.bound,
    }
    return { group: item, previous }
  }

  return { list, fillNames, setBinding }
}
export type Groups = ReturnType<typeof createGroups>
