import { describe, expect, it } from 'vitest'
import { bangkokDayAndHour, createDailySchedule } from '../../../jobs/daily-schedule.js'

describe('the daily retention schedule', () => {
  it('reads the Bangkok date and hour whatever the server zone', () => {
    expect(bangkokDayAndHour(new Date('2026-11-25T19:30:00Z'))).toEqual({ day: '2026-11-26', hour: 2 })
    expect(bangkokDayAndHour(new Date('2026-11-25T20:00:00Z'))).toEqual({ day: '2026-11-26', hour: 3 })
  })

  it('asks for the day run from the configured hour on, with a job ID derived from the date', async () => {
    let now = new Date('2026-11-25T19:30:00Z') // 02:30 in Bangkok
    const asked: { payload: unknown; jobId: string }[] = []
    const schedule = createDailySchedule({
      enqueue: async (_name, payload, opts) => {
        asked.push({ payload, jobId: opts.jobId })
      },
      logger: { warn() {} },
      hour: 3,
      now: () => now,
    })
    expect(await schedule.tick()).toBeNull()
    now = new Date('2026-11-25T20:05:00Z')
    expect(await schedule.tick()).toBe('2026-11-26')
    now = new Date('2026-11-26T10:00:00Z') // later the same Bangkok day: the same job ID (the queue keeps one)
    await schedule.tick()
    expect(asked).toEqual([
      { payload: { runKey: '2026-11-26' }, jobId: 'retention_2026-11-26' },
      { payload: { runKey: '2026-11-26' }, jobId: 'retention_2026-11-26' },
    ])
  })
})
