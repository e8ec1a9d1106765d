import type { EmulatorContext } from '../context.js'
import { appendTimeline } from '../core/chat-log.js'
import { newGroupId } from '../core/ids.js'
import type { EmulatedGroup, WebhookDelivery } from '../types.js'
import { joinEvent, leaveEvent, memberJoinedEvent, memberLeftEvent } from './events.js'
import { deliverEvents } from './sender.js'

/** Group chats (the station's officers' LINE group): membership changes and the bot joining or leaving. */
export function createGroupActions(ctx: EmulatorContext) {
  const { state } = ctx

  function requireGroup(groupId: string): EmulatedGroup {
    const group = state.groups.get(groupId)
    if (!group) {
      throw new Error(`line emulator: unknown group ${groupId}; create it with createGroup()`)
    }
    return group
  }

  function requireUsers(userIds: string[]): void {
    for (const userId of userIds) {
      if (!state.users.has(userId)) {
        throw new Error(`line emulator: unknown user ${userId}`)
      }
    }
  }

  /** Creates a group of people; the bot is not in it until joinGroup(). */
  function createGroup(input: { groupName: string; memberIds?: string[] }): EmulatedGroup {
    const memberIds = [...new Set(input.memberIds ?? [])]
    requireUsers(memberIds)
    const group: EmulatedGroup = {
      groupId: newGroupId(),
      groupName: input.groupName,
      memberIds,
      botIsMember: false,
      createdAt: ctx.now(),
    }
    state.groups.set(group.groupId, group)
    ctx.bus.emit({ type: 'state' })
    return group
  }

  /** A member invites the OA into the group: `join` event. */
  async function joinGroup(groupId: string): Promise<WebhookDelivery> {
    const group = requireGroup(groupId)
    group.botIsMember = true
    appendTimeline(ctx, { kind: 'system', chatId: groupId, code: 'join' })
    ctx.bus.emit({ type: 'state' })
    return deliverEvents(ctx, [joinEvent(ctx, groupId)])
  }

  /** A member removes the OA from the group: `leave` event (no reply token). */
  async function leaveGroup(groupId: string): Promise<WebhookDelivery> {
    const group = requireGroup(groupId)
    group.botIsMember = false
    appendTimeline(ctx, { kind: 'system', chatId: groupId, code: 'leave' })
    ctx.bus.emit({ type: 'state' })
    return deliverEvents(ctx, [leaveEvent(ctx, groupId)])
  }

  /** People join the group: `memberJoined`. Resolves undefined when the bot is not in the group (nothing sent). */
  async function addGroupMembers(groupId: string, userIds: string[]): Promise<WebhookDelivery | undefined> {
    const group = requireGroup(groupId)
    requireUsers(userIds)
    const added = userIds.filter((id) => !group.memberIds.includes(id))
    group.memberIds.push(...added)
    ctx.bus.emit({ type: 'state' })
    if (!group.botIsMember || added.length === 0) {
      return undefined
    }
    appendTimeline(ctx, { kind: 'system', chatId: groupId, code: 'memberJoined', detail: { userIds: added } })
    return deliverEvents(ctx, [memberJoinedEvent(ctx, groupId, added)])
  }

  /** People leave the group: `memberLeft` (no reply token). */
  async function removeGroupMembers(groupId: string, userIds: string[]): Promise<WebhookDelivery | undefined> {
    const group = requireGroup(groupId)
    const removed = userIds.filter((id) => group.memberIds.includes(id))
    group.memberIds = group.memberIds.filter((id) => !removed.includes(id))
    ctx.bus.emit({ type: 'state' })
    if (!group.botIsMember || removed.length === 0) {
      return undefined
    }
    appendTimeline(ctx, { kind: 'system', chatId: groupId, code: 'memberLeft', detail: { userIds: removed } })
    return deliverEvents(ctx, [memberLeftEvent(ctx, groupId, removed)])
  }

  return { requireGroup, createGroup, joinGroup, leaveGroup, addGroupMembers, removeGroupMembers }
}

export type GroupActions = ReturnType<typeof createGroupActions>
