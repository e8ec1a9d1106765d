import { describe, expect, it } from 'vitest'
import { addDays, bangkokDay, bangkokMoment } from '../../bot/house-watch/lifecycle/days.js'
import { digestMoment } from '../../bot/house-watch/lifecycle/digest.js'
import { saysHome } from '../../bot/house-watch/lifecycle/owner.feature.js'

describe('"I\'m home" typed', () => {
  it.each([
    'กลับบ้านแล้ว',
    'กลับบ้านแล้วค่ะ',
    'ถึงบ้านแล้วครับ',
    'กลับบ้านแล้วนะคะ',
    'กลับบ้านเเล้วครับ', // เ เ typed for แ
    'กลับถึงบ้านแล้วจ้า',
    "I'm home",
    'im home',
    'I am home now',
    'back home',
    'เพิ่งกลับบ้านแล้วครับ',
  ])('%s ends the watch', (text) => {
    expect(saysHome(text)).toBe(true)
  })

  it.each(['ยังไม่กลับบ้านค่ะ', 'กลับบ้านแล้วหรือยัง', 'บ้าน', 'ฝากบ้าน', 'not home yet', 'อยากฝากบ้านครับ', 'ขโมยขึ้นบ้าน', 'กลับบ้าน'])(
    '%s does not',
    (text) => {
      expect(saysHome(text)).toBe(false)
    },
  )
})

describe('Bangkok days and the summary moment', () => {
  it('dates and hours in Bangkok whatever the server zone', () => {
    expect(bangkokDay(new Date('2030-01-10T17:30:00Z'))).toBe('2030-01-11')
    expect(addDays('2030-02-28', 1)).toBe('2030-03-01')
    expect(bangkokMoment('2030-01-11', 20).toISOString()).toBe('2030-01-11T13:00:00.000Z')
  })
  it("the latest summary moment: today's at or after the hour, else yesterday's", () => {
    expect(digestMoment(new Date('2030-01-11T13:00:00Z'), 20).toISOString()).toBe('2030-01-11T13:00:00.000Z')
    expect(digestMoment(new Date('2030-01-11T12:59:00Z'), 20).toISOString()).toBe('2030-01-10T13:00:00.000Z')
  })
})
