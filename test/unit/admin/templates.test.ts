import { describe, expect, it } from 'vitest'
import { STATUS_LABELS, statusesOf } from '../../../bot/cases/statuses.js'
import { DEFAULT_TEMPLATES, defaultTemplate } from '../../../bot/templates/defaults.js'
import { renderTemplate, templateValues, unknownPlaceholders } from '../../../bot/templates/render.js'
import { CASE_KINDS, LANGUAGES } from '../../../db/schema/index.js'

describe('default templates', () => {
  it.each(CASE_KINDS)('%s: a Thai and an English text for every status, with known placeholders only', (kind) => {
    for (const status of statusesOf(kind)) {
      for (const language of LANGUAGES) {
        const body = DEFAULT_TEMPLATES[kind][status]?.[language]
        expect(body, `${kind}/${status}/${language}`).toBeTruthy()
        expect(unknownPlaceholders(body ?? '')).toEqual([])
        expect(body).toContain('{reference}')
      }
    }
    expect(Object.keys(DEFAULT_TEMPLATES[kind]).sort()).toEqual(statusesOf(kind).sort())
  })

  it('Thai texts are Thai, English texts are not', () => {
    for (const kind of CASE_KINDS) {
      for (const status of statusesOf(kind)) {
        expect(defaultTemplate(kind, status, 'th')).toMatch(/[\u0E00-\u0E7F]/)
        expect(defaultTemplate(kind, status, 'en')).not.toMatch(/[\u0E00-\u0E7F]/)
      }
    }
  })

  it('falls back to reference + status for a status without a text', () => {
    expect(defaultTemplate('sos', 'brand_new', 'en')).toBe('{reference}: {status}\n{message}')
  })
})

describe('renderTemplate', () => {
  const values = {
    reference: 'RYG-2569-000123',
    status: 'ออกบันทึกแล้ว',
    message: '',
    date: '1 ม.ค. 2569',
    station: 'สภ.เมืองระยอง',
  }

  it('fills placeholders and drops a line left empty by a missing message', () => {
    expect(renderTemplate('เรื่อง {reference}: {status}\n{message}\nติดต่อ {station}', values)).toBe(
      'เรื่อง RYG-2569-000123: ออกบันทึกแล้ว\nติดต่อ สภ.เมืองระยอง',
    )
  })

  it('keeps blank lines the admin wrote, at most one in a row, and trims the ends', () => {
    expect(renderTemplate('{reference}\n\n{message}\n\nขอบคุณ\n', values)).toBe('RYG-2569-000123\n\nขอบคุณ')
  })

  it('leaves unknown names as written and does not re-expand values', () => {
    expect(renderTemplate('{name} {reference}', { ...values, reference: '{station}' })).toBe('{name} {station}')
  })

  it('unknownPlaceholders lists each unknown name once', () => {
    expect(unknownPlaceholders('{a} {reference} {a} {b_c}')).toEqual(['a', 'b_c'])
  })

  it('templateValues: the status label and station name in the language, Thai dates in BE, Bangkok time', () => {
    const at = new Date('2026-01-01T17:30:00Z') // 00:30 on 2 Jan in Bangkok
    const station = { nameTh: 'สถานีตำรวจภูธรเมืองระยอง', nameEn: 'Rayong City Police Station' }
    const th = templateValues({ language: 'th', reference: 'R', status: 'issued', at, station, message: ' ok ' })
    expect(th).toEqual({
      reference: 'R',
      status: STATUS_LABELS.issued?.th,
      message: 'ok',
      date: '2 ม.ค. 2569 00:30 น.',
      station: station.nameTh,
    })
    const en = templateValues({ language: 'en', reference: 'R', status: 'issued', at, station })
    expect(en).toMatchObject({
      status: 'Record issued',
      date: '2 Jan 2026 00:30',
      station: station.nameEn,
      message: '',
    })
  })
})
