import { describe, expect, it } from 'vitest'
import { SEED_ANSWERS } from '../../../bot/consultation/settings/seed-answers.js'
import { THAI_PUBLIC_HOLIDAYS } from '../../../bot/consultation/settings/seed-holidays.js'
import {
  answerCreateSchema,
  holidaySchema,
  settingsPutSchema,
} from '../../../bot/consultation/settings/settings.schema.js'
import { CONSULTATION_TOPICS } from '../../../bot/contracts/consultations.js'

const weekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay()

describe('the seeded holidays of 2569–2570', () => {
  it('pass the API validation (a real date, both names, no date twice)', () => {
    for (const h of THAI_PUBLIC_HOLIDAYS) {
      expect(holidaySchema.safeParse(h).success, h.date).toBe(true)
    }
    expect(settingsPutSchema.safeParse({ holidays: THAI_PUBLIC_HOLIDAYS }).success).toBe(true)
  })

  it('hold the lunar days of each year and the fixed days of both', () => {
    const byDate = new Map(THAI_PUBLIC_HOLIDAYS.map((h) => [h.date, h.nameEn]))
    // 2569 is an Athikamat year (an extra 8th month): every Buddhist day a month later than in 2570.
    expect(byDate.get('2026-03-03')).toBe('Makha Bucha Day')
    expect(byDate.get('2026-05-31')).toBe('Visakha Bucha Day')
    expect(byDate.get('2026-07-29')).toBe('Asarnha Bucha Day')
    expect(byDate.get('2026-07-30')).toMatch(/Lent/)
    expect(byDate.get('2027-02-21')).toBe('Makha Bucha Day')
    expect(byDate.get('2027-05-20')).toBe('Visakha Bucha Day')
    expect(byDate.get('2027-07-18')).toBe('Asarnha Bucha Day')
    expect(byDate.get('2027-07-19')).toMatch(/Lent/)
    for (const year of ['2026', '2027']) {
      for (const md of ['01-01', '04-06', '04-13', '04-14', '04-15', '05-04', '06-03', '07-28', '08-12']) {
        expect(byDate.has(`${year}-${md}`), `${year}-${md}`).toBe(true)
      }
      for (const md of ['10-13', '10-23', '12-05', '12-10', '12-31']) {
        expect(byDate.has(`${year}-${md}`), `${year}-${md}`).toBe(true)
      }
    }
  })

  it('gives each weekend holiday (Labour Day aside) a substitution day on a weekday', () => {
    const subs = THAI_PUBLIC_HOLIDAYS.filter((h) => h.nameEn.startsWith('Substitution'))
    for (const s of subs) {
      expect([0, 6], s.date).not.toContain(weekday(s.date))
    }
    const weekend = THAI_PUBLIC_HOLIDAYS.filter((h) => [0, 6].includes(weekday(h.date)) && !h.nameEn.includes('Labour'))
    expect(subs).toHaveLength(weekend.length)
  })
})

describe('the seeded common answers', () => {
  it('cover every topic with two or more answers that pass the API validation', () => {
    for (const topic of CONSULTATION_TOPICS) {
      expect(SEED_ANSWERS[topic].length, topic).toBeGreaterThanOrEqual(2)
      for (const a of SEED_ANSWERS[topic]) {
        const parsed = answerCreateSchema.safeParse({ topic, ...a })
        expect(parsed.success, `${topic}: ${a.titleEn} ${JSON.stringify(parsed.error?.issues)}`).toBe(true)
      }
    }
  })
})
