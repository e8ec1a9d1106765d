/**
 * What a stage cost, read from outside the processes: CPU time of the bot's processes and of the Postgres backends
 * serving its database (/proc/<pid>/stat), Redis's own CPU counter, Postgres's transaction counter for the database,
 * and how busy the whole machine was (/proc/stat), since other people's work shares these two cores.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import type { Redis } from 'ioredis'
import type postgres from 'postgres'

const TICKS_PER_SECOND = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100

/** utime + stime (+ waited-for children) of one process, in ms; 0 once it is gone. */
export function processCpuMs(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // Field 2 (the command) may hold spaces: count fields from after its closing parenthesis (field 3 = state).
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
    const ticks = [11, 12, 13, 14].reduce((sum, i) => sum + Number(f[i] ?? 0), 0)
    return (ticks * 1000) / TICKS_PER_SECOND
  } catch {
    return 0
  }
}

function machineTicks() {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? []
  const total = cpu.slice(0, 8).reduce((a, b) => a + b, 0)
  const idle = (cpu[3] ?? 0) + (cpu[4] ?? 0) // idle + iowait
  return { total, idle }
}

export type CostSources = {
  /** The bot's processes (they may change between samples: the drain stage starts a worker). */
  botPids: () => number[]
  pg?: { sql: postgres.Sql; database: string }
  redis?: Redis
}

export type CostSample = Awaited<ReturnType<ReturnType<typeof createCostMeter>['sample']>>

export function createCostMeter({ botPids, pg, redis }: CostSources) {
  async function sample() {
    const bot = new Map(botPids().map((pid) => [pid, processCpuMs(pid)]))
    const backends = new Map<number, number>()
    let xacts = 0
    if (pg) {
      const rows = await pg.sql<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${pg.database}`
      for (const { pid } of rows) {
        backends.set(pid, processCpuMs(pid))
      }
      const [db] = await pg.sql<{ xacts: number }[]>`
        select (xact_commit + xact_rollback)::float8 as xacts from pg_stat_database where datname = ${pg.database}`
      xacts = db?.xacts ?? 0
    }
    let redisMs = 0
    if (redis) {
      const info = await redis.info('cpu')
      const num = (k: string) => Number(new RegExp(`${k}:([\\d.]+)`).exec(info)?.[1] ?? 0)
      redisMs = (num('used_cpu_sys') + num('used_cpu_user')) * 1000
    }
    return { at: Date.now(), bot, backends, xacts, redisMs, machine: machineTicks() }
  }

  /** Per-process deltas: a process that started in between counts from 0; one that ended is lost (a caveat). */
  function spent(before: Map<number, number>, after: Map<number, number>) {
    let ms = 0
    for (const [pid, now] of after) {
      ms += now - (before.get(pid) ?? 0)
    }
    return ms
  }

  function diff(a: CostSample, b: CostSample, events: number) {
    const per = (x: number) => (events > 0 ? x / events : 0)
    const machineTotal = b.machine.total - a.machine.total
    return {
      botCpuMsPerEvent: per(spent(a.bot, b.bot)),
      pgCpuMsPerEvent: pg ? per(spent(a.backends, b.backends)) : undefined,
      redisCpuMsPerEvent: redis ? per(b.redisMs - a.redisMs) : undefined,
      pgXactsPerEvent: pg ? per(b.xacts - a.xacts) : undefined,
      machineBusyPct: machineTotal > 0 ? 100 * (1 - (b.machine.idle - a.machine.idle) / machineTotal) : 0,
    }
  }

  return { sample, diff }
}
export type CostMeter = ReturnType<typeof createCostMeter>
