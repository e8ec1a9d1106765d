/** Percentiles, the per-stage summary and the Markdown the bench prints and saves. */
import type { StatementCounts } from '../statements.js'
import type { CostMeter } from './cost.js'
import type { SentEvent } from './tracker.js'

/** Nearest-rank percentile; Infinity (an unanswered event) sorts last, so a tail of unanswered shows as ∞. */
export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) {
    return Number.NaN
  }
  const rank = Math.ceil((p / 100) * sorted.length)
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN
}

const sortNum = (xs: number[]) => xs.sort((a, b) => a - b)

export type StageResult = ReturnType<typeof summarise>

export function summarise(args: {
  stage: string
  rate: number
  events: SentEvent[]
  sendSeconds: number
  /** Events of earlier stages still unanswered when this one started. */
  carriedIn: number
  /** Answers that reached LINE between the stage's cost samples: the denominator of the per-event costs. */
  answersInWindow: number
  cost: ReturnType<CostMeter['diff']>
  botLogLines: number
}) {
  const { events } = args
  const acked = events.filter((e) => e.ackMs !== undefined)
  const ack = sortNum(acked.map((e) => e.ackMs ?? 0))
  // Every event in the mix gets an answer, so one still missing counts as infinitely late, not as absent.
  const answer = sortNum(events.map((e) => (e.answeredAt === undefined ? Infinity : e.answeredAt - e.sentAt)))
  const answered = events.filter((e) => e.answeredAt !== undefined)
  const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 10) / 10 : x)
  return {
    stage: args.stage,
    targetRate: args.rate,
    sent: events.length,
    carriedIn: args.carriedIn,
    answersInWindow: args.answersInWindow,
    achievedRate: Math.round(events.length / args.sendSeconds),
    acknowledged: acked.length,
    ackFailures: events.length - acked.length,
    /** Every webhook answer's status, or why there was none ('timeout' after 30 s, or the socket error). */
    ackStatuses: events.reduce<Record<string, number>>((tally, e) => {
      const k = String(e.ackStatus ?? 'none')
      tally[k] = (tally[k] ?? 0) + 1
      return tally
    }, {}),
    sendLagP99Ms: round(percentile(sortNum(events.map((e) => e.sendLagMs ?? 0)), 99)),
    ackP50Ms: round(percentile(ack, 50)),
    ackP99Ms: round(percentile(ack, 99)),
    // JSON has no Infinity: null in the saved file means "in the unanswered tail".
    answerP50Ms: round(percentile(answer, 50)),
    answerP95Ms: round(percentile(answer, 95)),
    answerP99Ms: round(percentile(answer, 99)),
    // None answered: no share to give (NaN prints as —, and as null in the JSON).
    byReplyPct:
      answered.length > 0 ? round((100 * answered.filter((e) => e.byReply).length) / answered.length) : Number.NaN,
    unanswered: events.length - answered.length,
    botCpuMsPerEvent: round(args.cost.botCpuMsPerEvent),
    pgCpuMsPerEvent: args.cost.pgCpuMsPerEvent === undefined ? undefined : round(args.cost.pgCpuMsPerEvent),
    redisCpuMsPerEvent: args.cost.redisCpuMsPerEvent === undefined ? undefined : round(args.cost.redisCpuMsPerEvent),
    pgXactsPerEvent: args.cost.pgXactsPerEvent === undefined ? undefined : round(args.cost.pgXactsPerEvent),
    machineBusyPct: Math.round(args.cost.machineBusyPct),
    botLogLines: args.botLogLines,
  }
}

/** A number for the tables: — when absent (NaN), ∞ for the unanswered tail. */
const fmt = (x: number | undefined) =>
  x === undefined ? '—' : Number.isNaN(x) ? '—' : x === Infinity ? '∞' : x.toLocaleString('en-US')

const pct = (x: number | undefined) => (x === undefined || Number.isNaN(x) ? '—' : `${fmt(x)} %`)

export function stagesTable(rows: StageResult[]): string {
  const head = [
    '| stage | sent (rate achieved) | send lag p99 ms | ack p50 / p99 ms | webhook → answer p50 / p95 / p99 ms | by reply | unanswered (carried in) |' +
      ' CPU ms per answered event: bot · Postgres · Redis | PG xacts per answered event | machine busy |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ]
  const body = rows.map(
    (r) =>
      `| ${r.stage} | ${fmt(r.sent)} (${fmt(r.achievedRate)}/s) | ${fmt(r.sendLagP99Ms)} | ${fmt(r.ackP50Ms)} / ${fmt(r.ackP99Ms)}${r.ackFailures > 0 ? ` (${fmt(r.ackFailures)} not 2xx)` : ''} | ` +
      `${fmt(r.answerP50Ms)} / ${fmt(r.answerP95Ms)} / ${fmt(r.answerP99Ms)} | ${pct(r.byReplyPct)} | ` +
      `${fmt(r.unanswered)} (${fmt(r.carriedIn)}) | ${fmt(r.botCpuMsPerEvent)} · ${fmt(r.pgCpuMsPerEvent)} · ${fmt(r.redisCpuMsPerEvent)} | ` +
      `${fmt(r.pgXactsPerEvent)} | ${fmt(r.machineBusyPct)} % |`,
  )
  return [...head, ...body].join('\n')
}

export type DrainResult = {
  events: number
  ingestSeconds: number
  ingestPerSec: number
  /** From the worker's first answer to its last: the steady drain rate. */
  drainPerSec: number
  /** From starting the worker process (tsx compile and migrations check included) to the last answer. */
  secondsFromSpawn: number
  byReplyPct: number
  unanswered: number
  workerCpuMsPerEvent: number
  pgCpuMsPerEvent: number | undefined
  machineBusyPct: number
}

export function drainTable(d: DrainResult): string {
  return [
    '| backlog | ingest (start:web alone) | drain (start:worker) | all answered after worker start | by reply |' +
      ' unanswered | worker CPU ms/event | PG CPU ms/event | machine busy |',
    '|---|---|---|---|---|---|---|---|---|',
    `| ${fmt(d.events)} | ${fmt(d.ingestPerSec)}/s (${d.ingestSeconds.toFixed(1)} s) | **${fmt(d.drainPerSec)} events/s** | ` +
      `${d.secondsFromSpawn.toFixed(1)} s | ${pct(d.byReplyPct)} | ${fmt(d.unanswered)} | ` +
      `${fmt(d.workerCpuMsPerEvent)} | ${fmt(d.pgCpuMsPerEvent)} | ${fmt(d.machineBusyPct)} % |`,
  ].join('\n')
}

export function statementsTable(rows: StatementCounts[]): string {
  const jobNames = [...new Set(rows.flatMap((r) => Object.keys(r.jobs)))]
  const head = [
    `| event | webhook | ${jobNames.join(' | ')} | statements per event (BEGIN/COMMIT) | jobs per event |`,
    `|---|---|${jobNames.map(() => '---|').join('')}---|---|`,
  ]
  const body = rows.map((r) => {
    const jobs = Object.values(r.jobs)
    const total = r.web.statements + jobs.reduce((s, j) => s + j.statements, 0)
    const tx = r.web.txControl + jobs.reduce((s, j) => s + j.txControl, 0)
    const cells = jobNames.map((n) => {
      const j = r.jobs[n]
      return j ? `${j.statements}${j.jobs > 1 ? ` (${j.jobs} jobs)` : ''}` : '—'
    })
    const jobCount = jobs.reduce((s, j) => s + j.jobs, 0)
    return `| ${r.kind} | ${r.web.statements} | ${cells.join(' | ')} | **${total}** (${tx}) | ${jobCount} |`
  })
  return [...head, ...body].join('\n')
}

/** Issue #11's targets, beside this run's figures (the bench only measures; later work has to meet them). */
export function targetsList(stages: StageResult[], drain: DrainResult | undefined): string {
  const at = (prefix: string, rate: number) => stages.find((s) => s.stage.startsWith(prefix) && s.targetRate === rate)
  const mark = (ok: boolean | undefined) => (ok === undefined ? 'not run' : ok ? 'met' : '**not met**')
  const s500 = at('npm start', 500)
  const e50 = at('embedded', 50)
  const ok500 = s500 && s500.answerP95Ms <= 300 && s500.answerP99Ms <= 1000 && s500.byReplyPct === 100
  return [
    `- npm start at 500 events/s: p95 ≤ 300 ms (${fmt(s500?.answerP95Ms)}), p99 ≤ 1,000 ms (${fmt(s500?.answerP99Ms)}), ` +
      `100 % by reply (${pct(s500?.byReplyPct)}): ${mark(ok500 && s500.unanswered === 0)}`,
    `- drain ≥ 1,000 events/s (${fmt(drain?.drainPerSec)}): ${mark(drain && drain.drainPerSec >= 1000)}`,
    `- embedded defaults at 50 events/s: p95 ≤ 300 ms (${fmt(e50?.answerP95Ms)}): ${mark(e50 && e50.answerP95Ms <= 300)}`,
  ].join('\n')
}
