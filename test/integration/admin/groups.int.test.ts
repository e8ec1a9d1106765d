import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { lineGroups, stations } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { client, signedInOfficer } from './auth.helpers.js'

// The bot joins and leaves LINE groups through the emulator (signed webhooks → inbox → worker → engine), and an
// admin binds the group to the station.
let stack: Stack
let call: ReturnType<typeof client>
let admin: Awaited<ReturnType<typeof signedInOfficer>>

beforeAll(async () => {
  stack = await startStack()
  call = client(stack)
  admin = await signedInOfficer(stack, 'admin')
})
afterAll(async () => {
  await stack?.close()
})

async function until<T>(fn: () => Promise<T | undefined>, what: string, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    const value = await fn()
    if (value !== undefined) {
      return value
    }
    await new Promise((r) => setTimeout(r, 100))
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function groupRow(groupId: string) {
  const [row] = await stack.db.db.select().from(lineGroups).where(eq(lineGroups.groupId, groupId))
  return row
}
async function boundGroup() {
  const [row] = await stack.db.db.select({ g: stations.lineGroupId }).from(stations).where(eq(stations.code, 'RYG'))
  return row?.g ?? null
}

describe('LINE groups', () => {
  it('join → recorded and a short note in the group; admin binds; leave → left and unbound', async () => {
    const member = stack.emulator.createUser({ displayName: 'ด.ต. เวรวิทยุ' })
    const group = stack.emulator.createGroup({ groupName: 'ศูนย์วิทยุ สภ.เมืองระยอง', memberIds: [member.userId] })
    const joined = await stack.emulator.joinGroup(group.groupId)
    expect(joined.status).toBe(200)

    const [note] = await stack.emulator.waitForMessages(group.groupId, 1)
    expect(note?.via).toBe('reply')
    expect(JSON.stringify(note)).toContain('ผูกกลุ่มนี้กับสถานี')
    expect(JSON.stringify(note)).toContain('bind this group')
    const row = await until(() => groupRow(group.groupId), 'the line_groups row')
    expect(row).toMatchObject({ leftAt: null, stationId: null })

    const list = await call('/api/admin/groups', { session: admin.session })
    expect(list.status, list.text).toBe(200)
    expect(list.json().items).toContainEqual(
      expect.objectContaining({ groupId: group.groupId, name: 'ศูนย์วิทยุ สภ.เมืองระยอง', bound: false, leftAt: null }),
    )
    expect((await groupRow(group.groupId))?.name).toBe('ศูนย์วิทยุ สภ.เมืองระยอง') // asked LINE once, kept

    const bind = await call(`/api/admin/groups/${group.groupId}/binding`, {
      method: 'PUT',
      session: admin.session,
      body: { bound: true },
    })
    expect(bind.status, bind.text).toBe(200)
    expect(bind.json().group).toMatchObject({ groupId: group.groupId, bound: true })
    expect(await boundGroup()).toBe(group.groupId)
    const station = await call('/api/admin/station', { session: admin.session })
    expect(station.json().station.lineGroupId).toBe(group.groupId)
    const audit = await call('/api/admin/audit?action=group.*', { session: admin.session })
    expect(audit.json().items.map((e: { action: string }) => e.action)).toEqual(['group.bind', 'group.join'])

    await stack.emulator.leaveGroup(group.groupId)
    const left = await until(
      async () => ((await groupRow(group.groupId))?.leftAt ? groupRow(group.groupId) : undefined),
      'leftAt',
    )
    expect(left.stationId).toBeNull()
    expect(await boundGroup()).toBeNull()
    const again = await call(`/api/admin/groups/${group.groupId}/binding`, {
      method: 'PUT',
      session: admin.session,
      body: { bound: true },
    })
    expect(again.status).toBe(409)
    expect(again.json().error.code).toBe('group_left')
  })

  it('binding another group moves the binding; unbinding clears it', async () => {
    const a = stack.emulator.createGroup({ groupName: 'กลุ่ม A' })
    const b = stack.emulator.createGroup({ groupName: 'กลุ่ม B' })
    await stack.emulator.joinGroup(a.groupId)
    await stack.emulator.joinGroup(b.groupId)
    await until(() => groupRow(a.groupId), 'group A')
    await until(() => groupRow(b.groupId), 'group B')
    const put = (groupId: string, bound: boolean) =>
      call(`/api/admin/groups/${groupId}/binding`, { method: 'PUT', session: admin.session, body: { bound } })

    expect((await put(a.groupId, true)).status).toBe(200)
    expect((await put(b.groupId, true)).status).toBe(200)
    expect(await boundGroup()).toBe(b.groupId)
    expect((await groupRow(a.groupId))?.stationId).toBeNull()
    const items = (await call('/api/admin/groups', { session: admin.session })).json().items
    expect(items.filter((g: { bound: boolean }) => g.bound).map((g: { groupId: string }) => g.groupId)).toEqual([
      b.groupId,
    ])

    expect((await put(b.groupId, false)).status).toBe(200)
    expect(await boundGroup()).toBeNull()
    expect((await put(`C${'0'.repeat(32)}`, true)).status).toBe(404)
  })
})
