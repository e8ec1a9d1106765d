import type { Logger } from 'pino'
import type { Enqueue } from './queues.js'

const bangkok = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  hourCycle: 'h23',
})

/** The Bangkok date (YYYY-MM-DD) and hour of an instant, whatever the server's time zone. */
export function bangkokDayAndHour(at: Date): { day: string; hour: number } {
  const parts = Object.fromEntries(bangkok.formatToParts(at).map((p) => [p.type, p.value]))
  return { day: `${parts.year}-${parts.month}-${parts.day}`, hour: Number(parts.hour) }
}

export type DailyScheduleDeps = {
  enqueue: Enqueue
  logger: Pick<Logger, 'warn'>
  /** From this Bangkok hour on, the day's run is asked for. */
  hour: number
  /** How often each worker looks (the job ID and job_runs make extra asks harmless). */
  checkEveryMs?: number
  now?: () => Date
}

/**
 * Asks for the day's retention run from every worker process, with a job ID derived from the Bangkok date: the
 * queue holds one such job at a time and the processor notes a finished day (jobs/retention.job.ts), so the day's
 * run happens once however many workers there are, and a worker started late in the day still runs it.
 */
export function createDailySchedule({
  enqueue,
  logger,
  hour,
  checkEveryMs = 15 * 60_000,
  now = () => new Date(),
}: DailyScheduleDeps) {
  async function tick(): Promise<string | null> {
    const { day, hour: current } = bangkokDayAndHour(now())
    if (current < hour) {
      return null
    }
    await enqueue('retention', { runKey: day }, { jobId: `retention_${day}` })
    return day
  }

  let timer: NodeJS.Timeout | undefined
  const safeTick = () =>
    tick().catch((err) => logger.warn({ err: err instanceof Error ? err.message : err }, 'retention schedule failed'))
  return {
    tick,
    start() {
      // The first look comes after a full interval, not at boot: a restart loop never turns into a purge loop, and a
      // worker started in the morning still runs the day's purge within the interval.
      const again = () => {
        void safeTick()
        timer = setTimeout(again, checkEveryMs)
        timer.unref()
      }
      timer = setTimeout(again, checkEveryMs)
      timer.unref()
    },
    stop() {
      clearTimeout(timer)
    },
  }
}
export type DailySchedule = ReturnType<typeof createDailySchedule>
