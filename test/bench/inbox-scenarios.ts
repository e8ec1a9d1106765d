/** The inbox benchmark's scenarios: realistic filter combinations, first and deep pages, counts, a case detail. */
import type postgres from 'postgres'
import type { CasesAdminService } from '../../bot/cases/admin.service.js'
import { encodeCursor } from '../../bot/cases/cursor.js'
import type { CaseInbox, InboxQuery, InboxScope } from '../../bot/cases/inbox.js'
import { buddhistYear } from '../../bot/cases/reference.js'
import type { ActingOfficer } from '../../bot/officers/audit-port.js'
import type { Db, Tx } from '../../db/client.js'

export type StationRef = { n: number; id: string; code: string; officerId: string }
export type Scenario = { name: string; run: (k: number) => Promise<unknown> }

/** The (created_at, id) cursor that starts the page after `offset` rows of a station's filtered inbox. */
async function cursorAt(sql: postgres.Sql, stationId: string, offset: number, where = sql`true`) {
  const [row] = await sql<{ at: string; id: string }[]>`
    select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at, id from cases
     where station_id = ${stationId} and ${where}
     order by created_at desc nulls last, id desc nulls last offset ${offset} limit 1`
  return row ? encodeCursor({ createdAt: row.at, id: row.id }) : undefined
}

export async function buildScenarios(input: {
  sql: postgres.Sql
  /** The drizzle database the service uses; outside a transaction it takes the same query builder. */
  db: Db
  stations: StationRef[]
  inbox: CaseInbox
  service: CasesAdminService
  /** A name and phone whose keyed hashes the seed put on one citizen's cases, and a station holding one of them. */
  search: { name: string; phone: string; stationId?: string | undefined }
}): Promise<Scenario[]> {
  const { sql, stations, inbox, service } = input
  const tx = input.db as unknown as Tx
  const pick = <T>(list: T[], k: number): T => list[k % list.length] as T
  const scope = (st: StationRef): InboxScope => ({ stationId: st.id, officerId: st.officerId, now: new Date() })
  const who = (st: StationRef): ActingOfficer => ({ officerId: st.officerId, stationId: st.id, displayName: 'bench' })

  // Per station: cursors into deep pages, a few reference numbers, a few case IDs for the detail view.
  const deep = new Map<string, Record<string, string | undefined>>()
  const refs = new Map<string, string[]>()
  const ids: { st: StationRef; id: string }[] = []
  for (const st of stations) {
    deep.set(st.id, {
      all25k: await cursorAt(sql, st.id, 25_000),
      all150k: await cursorAt(sql, st.id, 150_000),
      lost50k: await cursorAt(sql, st.id, 50_000, sql`kind = 'lost_document'`),
      issued20k: await cursorAt(sql, st.id, 20_000, sql`status = 'issued'`),
    })
    const sample = await sql<{ id: string; reference_number: string }[]>`
      select id, reference_number from cases where station_id = ${st.id} order by md5(id::text) limit 50`
    refs.set(
      st.id,
      sample.map((r) => r.reference_number),
    )
    ids.push(...sample.map((r) => ({ st, id: r.id })))
  }
  const weekAgo = new Date(Date.now() - 7 * 86_400_000)
  const year = buddhistYear(new Date())

  const page = (name: string, q: (st: StationRef, k: number) => InboxQuery): Scenario => ({
    name,
    run: (k) => {
      const st = pick(stations, k)
      return inbox.list(tx, q(st, k), scope(st))
    },
  })
  // Searching for a person is done at the station that has their case.
  const searchStation = stations.find((st) => st.id === input.search.stationId) ?? stations[0]
  const searchPage = (name: string, q: string): Scenario => ({
    name,
    run: () => (searchStation ? inbox.list(tx, { q }, scope(searchStation)) : Promise.resolve()),
  })
  const counts = (name: string, q: (st: StationRef) => InboxQuery): Scenario => ({
    name,
    run: (k) => {
      const st = pick(stations, k)
      return input.db.transaction((t) => inbox.counts(t, q(st), scope(st)))
    },
  })
  const d = (st: StationRef, key: string) => deep.get(st.id)?.[key]

  return [
    page('inbox: no filter, first page', () => ({})),
    page('inbox: no filter, page after 25k rows', (st) => ({ cursor: d(st, 'all25k') })),
    page('inbox: no filter, page after 150k rows', (st) => ({ cursor: d(st, 'all150k') })),
    page('inbox: status=submitted', () => ({ status: 'submitted' })),
    page('inbox: status=issued, after 20k rows', (st) => ({ status: 'issued', cursor: d(st, 'issued20k') })),
    page('inbox: kind=sos&status=new', () => ({ kind: 'sos', status: 'new' })),
    page('inbox: kind=lost_document, after 50k rows', (st) => ({ kind: 'lost_document', cursor: d(st, 'lost50k') })),
    page('inbox: assignee=me', () => ({ assignee: 'me' })),
    page('inbox: assignee=none', () => ({ assignee: 'none' })),
    page('inbox: overdue=true', () => ({ overdue: true })),
    page('inbox: last 7 days', () => ({ from: weekAgo })),
    page('inbox: q=reference (exact)', (st, k) => ({ q: pick(refs.get(st.id) ?? [], k) })),
    page('inbox: q=reference prefix (10 matches)', (st, k) => ({ q: pick(refs.get(st.id) ?? [], k).slice(0, -1) })),
    page('inbox: q=reference prefix, broad (a series and year)', (st) => ({ q: `${st.code}-SOS-${year}` })),
    searchPage('inbox: q=name (keyed hash)', input.search.name),
    searchPage('inbox: q=phone (keyed hash)', input.search.phone),
    counts('counts: no filter', () => ({})),
    counts('counts: kind=sos', () => ({ kind: 'sos' })),
    counts('counts: assignee=me', () => ({ assignee: 'me' })),
    counts('counts: overdue=true', () => ({ overdue: true })),
    counts('counts: last 7 days', () => ({ from: weekAgo })),
    {
      name: 'GET /cases (list + counts, one tx), no filter',
      run: (k) => service.list(who(pick(stations, k)), {}),
    },
    {
      name: 'GET /cases (list + counts, one tx), kind=consultation',
      run: (k) => service.list(who(pick(stations, k)), { kind: 'consultation' }),
    },
    {
      name: 'GET /cases/:id (detail + timeline + audit insert)',
      run: (k) => {
        const c = pick(ids, k * 7)
        return service.detail(who(c.st), c.id)
      },
    },
  ]
}
