import { randomUUID } from 'node:crypto'
import type { messagingApi } from '@line/bot-sdk'
import { eq } from 'drizzle-orm'
import { afterAll, describe, expect, it } from 'vitest'
import { stations } from '../../../db/schema/index.js'
import { type Stack, startStack, startTestEmulator } from '../../helpers/stack.js'

const HOUR = String(60 * 60_000)

/**
 * One after-commit path: the worker that commits an SOS case enqueues the station alert itself. No web process
 * (and its LISTEN) is running when the event is processed, and the sweeper would wait an hour: only the
 * transaction's own collector can deliver the alert in time. (Separate processes share work through Redis only.)
 */
describe.skipIf(!process.env.REDIS_URL)('SOS alert with only a worker running', () => {
  const stacks: Stack[] = []
  let emulator: Awaited<ReturnType<typeof startTestEmulator>>
  afterAll(async () => {
    for (const s of stacks.reverse()) {
      await s.close({ keepDb: true }).catch(() => {})
    }
    await stacks[0]?.db.drop()
    await emulator?.close()
  })

  it('the station group gets the alert within 2 s of the worker starting, with no sweeper help', async () => {
    emulator = await startTestEmulator()
    const env = { SWEEP_INTERVAL_MS: HOUR }
    const web = await startStack({ emulator, worker: false, env })
    stacks.push(web)
    emulator.setWebhookUrl(`${web.baseUrl}/webhook`)
    const officer = emulator.createUser({ displayName: 'ร.ต.อ. เวร', language: 'th' })
    const group = emulator.createGroup({ groupName: 'ศูนย์วิทยุ', memberIds: [officer.userId] })
    await emulator.joinGroup(group.groupId)
    await web.db.db.update(stations).set({ lineGroupId: group.groupId }).where(eq(stations.code, 'RYG'))
    // The emulator compiles LINE's OpenAPI spec on its first message (a second or so): warm it, text and Flex.
    const card: messagingApi.FlexBubble = {
      type: 'bubble',
      body: { type: 'box', layout: 'vertical', contents: [{ type: 'text', text: 'ok' }] },
    }
    await web.deps.line.push(officer.userId, [{ type: 'text', text: 'ready' }], randomUUID())
    await web.deps.line.push(officer.userId, [{ type: 'flex', altText: 'ready', contents: card }], randomUUID())

    // The web role acknowledges and stores the citizen's SOS and location, then goes away.
    const user = emulator.createUser({ displayName: 'Night walker', language: 'en' })
    await emulator.sendText(user.userId, 'SOS')
    await emulator.sendLocation(user.userId, { latitude: 12.6736, longitude: 101.2795, title: 'Sri Mueang Park' })
    // (Once the web role's jobs are in Redis: it enqueues just after answering LINE.)
    await expect.poll(() => web.deps.bus.backlog('process-chat'), { timeout: 5_000 }).toBeGreaterThanOrEqual(3)
    await web.close({ keepDb: true })

    const started = Date.now()
    const worker = await startStack({ emulator, db: web.db, queuePrefix: web.queuePrefix, web: false, env })
    stacks.push(worker)
    // The group's first message is the bot's hello on joining; the second is the alert.
    const [, alert] = await emulator.waitForMessages(group.groupId, 2, 2_000)
    const elapsed = Date.now() - started
    expect(elapsed, `alerted after ${elapsed} ms`).toBeLessThan(2_000)
    expect(JSON.stringify(alert?.message)).toContain('RYG-SOS-')
  })
})
