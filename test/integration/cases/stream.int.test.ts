import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { outboundMessages, stations } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiAs, fileCase } from './fixtures.js'

type CaseEvent = { id: string; kind: string; status: string; priority: string; referenceNumber: string; change: string }

/** Reads `event: case` messages from an SSE response as they come. */
async function openStream(url: string, headers: Record<string, string>) {
  const controller = new AbortController()
  const res = await fetch(url, { headers, signal: controller.signal })
  const received: CaseEvent[] = []
  let buffer = ''
  const reader = res.body?.getReader()
  const pump = (async () => {
    const decoder = new TextDecoder()
    for (;;) {
      const chunk = await reader?.read().catch(() => undefined)
      if (!chunk || chunk.done) {
        return
      }
      buffer += decoder.decode(chunk.value, { stream: true })
      let cut = buffer.indexOf('\n\n')
      while (cut >= 0) {
        const block = buffer.slice(0, cut)
        buffer = buffer.slice(cut + 2)
        const data = block.split('\n').find((l) => l.startsWith('data: '))
        if (block.includes('event: case') && data) {
          received.push(JSON.parse(data.slice(6)) as CaseEvent)
        }
        cut = buffer.indexOf('\n\n')
      }
    }
  })()
  return {
    res,
    received,
    async waitFor(pred: (e: CaseEvent) => boolean, timeoutMs = 5_000): Promise<CaseEvent> {
      const end = Date.now() + timeoutMs
      for (;;) {
        const hit = received.find(pred)
        if (hit) {
          return hit
        }
        if (Date.now() > end) {
          throw new Error(`no matching event; got ${JSON.stringify(received)}`)
        }
        await new Promise((r) => setTimeout(r, 25))
      }
    },
    async close() {
      controller.abort()
      await pump
    },
  }
}

describe('GET /api/admin/cases/stream (live inbox)', () => {
  let s: Stack
  let me: TestOfficer
  beforeAll(async () => {
    // The sweeper is far off: anything delivered promptly was enqueued by the request or by the case feed.
    s = await startStack({ env: { SWEEP_INTERVAL_MS: '600000' } })
    me = await signInOfficer(s.db.db)
  })
  afterAll(async () => {
    await s.close()
  })

  it('needs a session', async () => {
    const res = await fetch(`${s.baseUrl}/api/admin/cases/stream`)
    expect(res.status).toBe(401)
  })

  it("streams a case another request opened, then its update, and nothing of another station's", async () => {
    const stream = await openStream(`${s.baseUrl}/api/admin/cases/stream`, me.headers)
    expect(stream.res.status).toBe(200)
    expect(stream.res.headers.get('content-type')).toContain('text/event-stream')
    // As the SOS flow would: openCase in its own transaction, no HTTP involved.
    const c = await fileCase(s, { kind: 'sos', priority: 'urgent' })
    expect(await stream.waitFor((e) => e.id === c.id)).toEqual({
      id: c.id,
      kind: 'sos',
      status: 'new',
      priority: 'urgent',
      referenceNumber: c.referenceNumber,
      change: 'created',
    })
    const res = await apiAs(s, me.headers)('POST', `/api/admin/cases/${c.id}/status`, { status: 'dispatched' })
    expect(res.status).toBe(200)
    await stream.waitFor((e) => e.id === c.id && e.change === 'updated' && e.status === 'dispatched')
    await s.db.db.insert(stations).values({
      code: 'XYZ',
      nameTh: 'อื่น',
      nameEn: 'Other',
      addressTh: '-',
      addressEn: '-',
      phone: '191',
    })
    const elsewhere = await fileCase(s, { stationCode: 'XYZ' })
    const mine = await fileCase(s)
    await stream.waitFor((e) => e.id === mine.id)
    expect(stream.received.map((e) => e.id)).not.toContain(elsewhere.id)
    await stream.close()
  })

  it("delivers the station alert of a flow's case at its commit, without waiting for the sweeper", async () => {
    const member = s.emulator.createUser({ displayName: 'เวร' })
    const group = s.emulator.createGroup({ groupName: 'เวร', memberIds: [member.userId] })
    await s.emulator.joinGroup(group.groupId)
    await s.db.db.update(stations).set({ lineGroupId: group.groupId }).where(eq(stations.code, 'RYG'))
    const c = await fileCase(s, { kind: 'sos', priority: 'urgent' })
    const end = Date.now() + 5_000
    let sent: string | null | undefined
    while (Date.now() < end && sent !== 'delivered') {
      const [row] = await s.db.db
        .select()
        .from(outboundMessages)
        .where(eq(outboundMessages.purpose, 'station-alert-urgent'))
      sent = row?.status
      await new Promise((r) => setTimeout(r, 50))
    }
    expect(sent).toBe('delivered')
    expect(JSON.stringify(s.emulator.messagesTo(group.groupId))).toContain(c.referenceNumber)
  })

  it.runIf(Boolean(process.env.DATABASE_URL))(
    'reaches an officer connected to another web process (LISTEN/NOTIFY across processes)',
    async () => {
      const other = await startStack({ db: s.db, worker: false, emulator: s.emulator })
      try {
        const stream = await openStream(`${other.baseUrl}/api/admin/cases/stream`, me.headers)
        const c = await fileCase(s)
        const res = await apiAs(s, me.headers)('POST', `/api/admin/cases/${c.id}/notes`, { body: 'ตรวจแล้ว' })
        expect(res.status).toBe(200)
        await stream.waitFor((e) => e.id === c.id && e.change === 'created')
        await stream.waitFor((e) => e.id === c.id && e.change === 'updated')
        await stream.close()
      } finally {
        await other.close({ keepDb: true })
      }
    },
  )
})
