import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Case } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { type Api, apiAs, fileCase } from './fixtures.js'

type Item = { id: string; referenceNumber: string; kind: string; pinned: boolean }
type Page = { items: Item[]; nextCursor: string | null }

/** Issue #8 point 6: an SOS case nobody has taken is pinned at the top of the inbox until claimed or ended. */
describe('unclaimed SOS cases pinned at the top of the inbox', () => {
  let s: Stack
  let me: TestOfficer
  let api: Api
  const c: Record<string, Case> = {}
  const day = (d: string) => new Date(`${d}T03:00:00Z`)

  beforeAll(async () => {
    s = await startStack({ worker: false })
    me = await signInOfficer(s.db.db, { role: 'duty_officer' })
    api = apiAs(s, me.headers)
    // The SOS cases are older than the lost-document reports: by time alone they would be at the bottom.
    c.sosOld = await fileCase(s, { kind: 'sos', priority: 'urgent', now: day('2026-01-01') })
    c.sosNew = await fileCase(s, { kind: 'sos', priority: 'urgent', now: day('2026-01-02') })
    c.sosTaken = await fileCase(s, { kind: 'sos', priority: 'urgent', now: day('2026-01-03') }, { assigneeId: me.id })
    c.sosEnded = await fileCase(
      s,
      { kind: 'sos', priority: 'urgent', now: day('2026-01-04') },
      { status: 'closed', resolvedAt: day('2026-01-04') },
    )
    for (let i = 0; i < 6; i++) {
      c[`doc${i}`] = await fileCase(s, { now: day(`2026-02-0${i + 1}`) })
    }
  })
  afterAll(async () => {
    await s?.close()
  })

  const list = async (query: string) => {
    const res = await api<Page>('GET', `/api/admin/cases${query}`)
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    return res.json
  }
  const ids = (items: Item[]) => items.map((i) => i.id)

  async function allPages(query: string) {
    const pages: Page[] = [await list(query)]
    while (pages.at(-1)?.nextCursor) {
      pages.push(await list(`${query}&cursor=${encodeURIComponent(pages.at(-1)?.nextCursor ?? '')}`))
    }
    return pages
  }

  it('lists the unclaimed SOS cases first (newest first), then every other case by time, each once', async () => {
    const pages = await allPages('?limit=3')
    const [first] = pages
    expect(ids(first?.items.slice(0, 2) ?? [])).toEqual([c.sosNew?.id, c.sosOld?.id])
    expect(first?.items.slice(0, 2).every((i) => i.pinned)).toBe(true)
    // The page size counts the cases below the pinned ones.
    expect(first?.items.slice(2)).toHaveLength(3)
    expect(first?.items.slice(2).every((i) => !i.pinned)).toBe(true)
    const all = pages.flatMap((p) => ids(p.items))
    expect(new Set(all).size).toBe(all.length)
    expect(all).toHaveLength(10)
    // A claimed SOS and an ended one take their place by time, unpinned.
    expect(all.slice(-2)).toEqual([c.sosEnded?.id, c.sosTaken?.id])
  })

  it('pins within the filters: the status filter keeps them, another kind or "mine" has none', async () => {
    expect(ids((await list('?status=new')).items).slice(0, 2)).toEqual([c.sosNew?.id, c.sosOld?.id])
    expect((await list('?kind=sos')).items.map((i) => [i.id, i.pinned])).toEqual([
      [c.sosNew?.id, true],
      [c.sosOld?.id, true],
      [c.sosEnded?.id, false],
      [c.sosTaken?.id, false],
    ])
    expect((await list('?kind=lost_document')).items.some((i) => i.pinned)).toBe(false)
    expect((await list('?assignee=me')).items.map((i) => i.id)).toEqual([c.sosTaken?.id])
  })

  it('GET /api/admin/cases/sos-waiting lists the unclaimed ones (the alarm and title badge)', async () => {
    const res = await api<{ items: Item[] }>('GET', '/api/admin/cases/sos-waiting')
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect(ids(res.json.items)).toEqual([c.sosNew?.id, c.sosOld?.id])
    const anon = await fetch(`${s.baseUrl}/api/admin/cases/sos-waiting`)
    expect(anon.status).toBe(401)
  })

  it('once an officer takes it, the SOS case is no longer pinned nor waiting', async () => {
    const res = await api('POST', `/api/admin/cases/${c.sosNew?.id}/assign`, { officerId: 'me' })
    expect(res.status, JSON.stringify(res.json)).toBe(200)
    expect((res.json as { case: { pinned: boolean } }).case.pinned).toBe(false)
    const page = await list('?limit=50')
    expect(page.items.filter((i) => i.pinned).map((i) => i.id)).toEqual([c.sosOld?.id])
    expect(page.items[0]?.id).toBe(c.sosOld?.id)
    const waiting = await api<{ items: Item[] }>('GET', '/api/admin/cases/sos-waiting')
    expect(ids(waiting.json.items)).toEqual([c.sosOld?.id])
  })
})
