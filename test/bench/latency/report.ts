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
    achievedRate: Math.round(events.length / args.sendSeconds),
    acknowledged: acked.length,
    ackFailures: events.length - acked.length,
    ackP50Ms: round(percentile(ack, 50)),
    ackP99Ms: round(percentile(ack, 99)),
    answerP50Ms: round(percentile(answer, 50)),
    answerP95Ms: round(percentile(answer, 95)),
    answerP99Ms: round(percentile(answer, 99)),
    byReplyPct: answered.length > 0 ? round((100 * answered.filter((e) => e.byReply).length) / answered.length) : 0,
    unanswered: events.length - answered.length,
    botCpuMsPerEvent: round(args.cost.botCpuMsPerEvent),
    pgCpuMsPerEvent: args.cost.pgCpuMsPerEvent === undefined ? undefined : round(args.cost.pgCpuMsPerEvent),
    redisCpuMsPerEvent: args.cost.redisCpuMsPerEvent === undefined ? undefined : round(args.cost.redisCpuMsPerEvent),
    pgXactsPerEvent: args.cost.pgXactsPerEvent === undefined ? undefined : round(args.cost.pgXactsPerEvent),
    machineBusyPct: Math.round(args.cost.machineBusyPct),
    botLogLines: args.botLogLines,
  }
}

const fmt = (x: number | undefined) =>
  x === undefined ? '—' : Number.isNaN(x) ? '—' : x === Infinity ? '∞' : x.toLocaleString('en-US')

export function stagesTable(rows: StageResult[]): string {
  const head = [
    '| stage | sent (rate achieved) | ack p50 / p99 ms | webhook → answer p50 / p95 / p99 ms | by reply | unanswered (carried in) |' +
      ' CPU ms/event: bot · Postgres · Redis | PG xacts/event | machine busy |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  const body = rows.map(
    (r) =>
      `| ${r.stage} | ${fmt(r.sent)} (${fmt(r.achievedRate)}/s) | ${fmt(r.ackP50Ms)} / ${fmt(r.ackP99Ms)} | ` +
      `${fmt(r.answerP50Ms)} / ${fmt(r.answerP95Ms)} / ${fmt(r.answerP99Ms)} | ${fmt(r.byReplyPct)} % | ` +
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
      `${d.secondsFromSpawn.toFixed(1)} s | ${fmt(d.byReplyPct)} % | ${fmt(d.unanswered)} | ` +
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
    return `| ${r.kind} | ${r.web.statements} | ${cells.join(' | ')} | **${total}** (${tx}) | ${jobs.reduce((s, j) => s + j.jobs, 0)} |`
  })
  return [...head, ...body].join('\n')
}
