/** The bench's stages: steady rates against one running bot, and the drain of a backlog by a separate worker. */
import { type CostSources, createCostMeter } from './cost.js'
import { backlog, type LoadTarget, openLoop } from './load.js'
import type { Proc } from './procs.js'
import { type DrainResult, type StageResult, summarise } from './report.js'

/** After a stage's last send, how long to wait for its answers before counting the rest as unanswered. */
const SETTLE_MS = 30_000

export type RatesOptions = {
  label: string
  target: LoadTarget
  bot: Proc
  cost: Omit<CostSources, 'botPids'>
  rates: number[]
  seconds: number
  warmupSeconds: number
  log: (line: string) => void
}

/** Each rate for `seconds`, open loop; between stages, wait until everything is answered (or 30 s). */
export async function runRates(o: RatesOptions): Promise<StageResult[]> {
  const meter = createCostMeter({ ...o.cost, botPids: () => [o.bot.pid] })
  if (o.warmupSeconds > 0) {
    // Not reported: the first requests pay for tsx compiling and V8 warming up, which is not steady state.
    const warm = await openLoop(o.target, 20, o.warmupSeconds, 1)
    await o.target.tracker.waitAnswered(warm.events, SETTLE_MS)
  }
  const results: StageResult[] = []
  for (const [i, rate] of o.rates.entries()) {
    o.log(`${o.label}: ${rate} events/s for ${o.seconds} s`)
    const before = await meter.sample()
    const linesBefore = o.bot.lines()
    const carriedIn = o.target.tracker.open()
    const { events, sendSeconds } = await openLoop(o.target, rate, o.seconds, 100 + i)
    await o.target.tracker.waitAnswered(events, SETTLE_MS)
    const after = await meter.sample()
    // The work done in the window is the answers sent in it (this stage's, and earlier stages' carried in): a stage
    // that falls behind has done less work than it was sent, so dividing by `sent` would flatter it.
    const answers = o.target.tracker.answeredBetween(before.at, after.at)
    const row = summarise({
      stage: `${o.label} ${rate}/s`,
      rate,
      events,
      sendSeconds,
      carriedIn,
      answersInWindow: answers,
      cost: meter.diff(before, after, answers),
      botLogLines: o.bot.lines() - linesBefore,
    })
    o.log(JSON.stringify(row))
    results.push(row)
  }
  return results
}

export type DrainOptions = {
  target: LoadTarget
  events: number
  cost: Omit<CostSources, 'botPids'>
  startWorker: () => Promise<Proc>
  log: (line: string) => void
}

/** `start:web` is already running alone: fill it with a backlog, then start a worker and time the drain. */
export async function runDrain(o: DrainOptions): Promise<DrainResult> {
  o.log(`drain: pushing ${o.events} events into start:web alone`)
  const ingest = await backlog(o.target, o.events, 64, 7)
  const acked = ingest.events.filter((e) => e.ackMs !== undefined)
  o.log(`drain: ${acked.length} acknowledged in ${ingest.sendSeconds.toFixed(1)} s; starting start:worker`)
  let workerPid = 0
  const meter = createCostMeter({ ...o.cost, botPids: () => (workerPid ? [workerPid] : []) })
  const spawnedAt = Date.now()
  const worker = await o.startWorker()
  workerPid = worker.pid
  // Sampled once the worker exists (its CPU counts from 0); the Postgres and machine figures start here too.
  const before = await meter.sample()
  const unanswered = await o.target.tracker.waitAnswered(acked, 15 * 60_000, 1_000)
  const after = await meter.sample()
  const times = acked.flatMap((e) => (e.answeredAt === undefined ? [] : [e.answeredAt])).sort((a, b) => a - b)
  const first = times[0] ?? spawnedAt
  const last = times[times.length - 1] ?? spawnedAt
  const cost = meter.diff(before, after, times.length)
  await worker.stop()
  return {
    events: acked.length,
    ingestSeconds: ingest.sendSeconds,
    ingestPerSec: Math.round(acked.length / ingest.sendSeconds),
    drainPerSec: last > first ? Math.round(((times.length - 1) * 1000) / (last - first)) : 0,
    secondsFromSpawn: (last - spawnedAt) / 1000,
    byReplyPct: Math.round((1000 * acked.filter((e) => e.byReply).length) / Math.max(1, times.length)) / 10,
    unanswered,
    workerCpuMsPerEvent: Math.round(cost.botCpuMsPerEvent * 10) / 10,
    pgCpuMsPerEvent: cost.pgCpuMsPerEvent === undefined ? undefined : Math.round(cost.pgCpuMsPerEvent * 10) / 10,
    machineBusyPct: Math.round(cost.machineBusyPct),
  }
}
