import { describe, expect, it } from 'vitest'
import type { Collected, Step, StepContext } from '../../../bot/lost-documents/chat/kit.js'
import { ask } from '../../../bot/lost-documents/chat/questions.js'
import { myReportsMessage, receiptMessage } from '../../../bot/lost-documents/report.flex.js'
import type { ReportView } from '../../../bot/lost-documents/reports.queries.js'
import { lostDocTexts } from '../../../bot/lost-documents/texts/index.js'
import type { DocumentType } from '../../../db/schema/index.js'
import { formTexts } from '../../../liff/src/pages/lost-document/texts.js'
import { reportsTexts } from '../../../liff/src/pages/my-reports/texts.js'

const BANKS = [
  'ธนาคารกรุงเทพ',
  'ธนาคารกสิกรไทย',
  'ธนาคารกรุงไทย',
  'ธนาคารไทยพาณิชย์',
  'ธนาคารกรุงศรีอยุธยา',
  'ธนาคารทหารไทยธนชาต',
  'ธนาคารออมสิน',
  'ธ.ก.ส.',
  'ธนาคารอาคารสงเคราะห์',
]
const types: DocumentType[] = Array.from({ length: 17 }, (_, i) => ({
  code: `t${i}`,
  nameTh: i === 0 ? 'บัตรประจำตัวคนซึ่งไม่มีสัญชาติไทย' : `เอกสาร ${i}`,
  nameEn: i === 0 ? 'Alien ID card (non-Thai)' : `Document ${i}`,
  policy: 'issue_now',
  reasonTh: null,
  reasonEn: null,
  hasNumber: true,
  issuers: i === 1 ? BANKS : [],
  sortOrder: i,
  active: true,
  updatedAt: new Date(),
}))
const STEPS: Step[] = [
  'reuse',
  'name',
  'idType',
  'idNumber',
  'dob',
  'phone',
  'houseNo',
  'village',
  'moo',
  'soi',
  'road',
  'subdistrict',
  'district',
  'province',
  'postcode',
  'itemType',
  'itemNumber',
  'itemIssuer',
  'moreItems',
  'when',
  'whenFrom',
  'whenTo',
  'where',
  'circumstances',
  'consent',
  'declaration',
  'edit',
  'resume',
]
const data: Collected = {
  address: { houseNo: '1', subdistrict: 'ก', district: 'ข', province: 'ค', postcode: '21000' },
  items: [{ documentType: 't1', number: '123456', issuer: 'ธนาคารออมสิน' }],
  item: { documentType: 't1', number: null, issuer: null },
  idType: 'thai_id',
  idNumber: '1234567890121',
  lostFrom: '2026-11-20T09:30',
}
type QuickReply = { items: { action: { type: string; label?: string } }[] }

describe('chat questions stay inside LINE limits', () => {
  for (const lang of ['th', 'en'] as const) {
    const ctx: StepContext = {
      lang,
      now: new Date(),
      types,
      previous: {
        declarantName: 'สมชาย',
        idType: 'thai_id',
        idMasked: 'x-xxxx-xxxxx-12-1',
        dateOfBirth: '1987-05-12',
        phone: '0812345678',
        address: { houseNo: '1' },
      },
    }
    it.each(STEPS)(`${lang} %s: ≤ 5 messages, quick replies ≤ 13 with labels ≤ 20, ending with cancel`, (step) => {
      const messages = ask(step, ctx, data)
      expect(messages.length).toBeGreaterThan(0)
      expect(messages.length).toBeLessThanOrEqual(5)
      const last = messages.at(-1) as { quickReply?: QuickReply; text?: string }
      const items = last.quickReply?.items ?? []
      expect(items.length).toBeLessThanOrEqual(13)
      for (const item of items) {
        expect((item.action.label ?? '').length, item.action.label).toBeLessThanOrEqual(20)
      }
      expect(items.at(-1)?.action.label).toBe(lang === 'th' ? 'ยกเลิก' : 'Cancel')
      expect((last.text ?? '').length).toBeLessThanOrEqual(5000)
      for (const m of messages) {
        for (const match of JSON.stringify(m).matchAll(/"data":"([^"]*)"/g)) {
          expect(match[1]?.length ?? 0).toBeLessThanOrEqual(300)
        }
      }
    })
  }

  it('the document list offers every type (more than 13: buttons in a bubble, labels ≤ 40)', () => {
    const [list] = ask('itemType', { lang: 'th', now: new Date(), types }, data)
    const json = JSON.stringify(list)
    expect(json.match(/"type":"postback"/g)).toHaveLength(17)
    expect(json).toContain('บัตรประจำตัวคนซึ่งไม่มีสัญชาติไทย')
  })
})

const view = (over: Partial<ReportView> = {}): ReportView => ({
  id: '6f1c2d9e-0000-4000-8000-000000000001',
  referenceNumber: 'RYG-2569-000123',
  status: 'issued',
  createdAt: new Date('2026-11-26T07:05:00Z'),
  updatedAt: new Date('2026-11-26T07:05:00Z'),
  items: [
    {
      position: 0,
      documentType: 'thai_id_card',
      nameTh: 'บัตรประจำตัวประชาชน',
      nameEn: 'Thai national ID card',
      number: 'xxxxx0121',
      issuer: null,
    },
  ],
  held: [],
  issued: true,
  lostFrom: new Date('2026-11-25T02:00:00Z'),
  lostTo: null,
  placeText: '<b>ตลาด</b>',
  ...over,
})
const links = { pdfUrl: 'https://example.test/record.pdf', trackUrl: 'https://liff.line.me/x/my-reports/1' }

describe('receipt and "my reports" cards', () => {
  it('the receipt: number, BE date and time, items, status; PDF only when issued', () => {
    const issued = JSON.stringify(receiptMessage(view(), 'th', links))
    expect(issued).toContain('RYG-2569-000123')
    expect(issued).toContain('26 พ.ย. 2569 14:05 น.')
    expect(issued).toContain('บัตรประจำตัวประชาชน xxxxx0121')
    expect(issued).toContain('ออกบันทึกแล้ว')
    expect(issued).toContain('ดาวน์โหลดบันทึก (PDF)')
    const held = view({
      status: 'visit_station',
      issued: false,
      held: [
        {
          ...view().items[0],
          policy: 'visit_station',
          reasonTh: 'ต้องมาที่สถานี',
          reasonEn: 'Come in',
        } as ReportView['held'][number],
      ],
    })
    const visit = JSON.stringify(receiptMessage(held, 'en', links))
    expect(visit).not.toContain('record.pdf')
    expect(visit).toContain('Come in')
    expect(visit).toContain('Track status')
    expect(issued).not.toContain('<b>') // citizen text (the place) never goes in a card
  })

  it('altText ≤ 400, button labels ≤ 40; the carousel has at most 10 bubbles, newest first', () => {
    const receipt = receiptMessage(view(), 'th', links) as { altText: string }
    expect(receipt.altText.length).toBeLessThanOrEqual(400)
    for (const m of JSON.stringify(receipt).matchAll(/"label":"([^"]*)"/g)) {
      expect(m[1]?.length ?? 0).toBeLessThanOrEqual(40)
    }
    const many = Array.from({ length: 12 }, (_, i) =>
      view({ referenceNumber: `RYG-2569-${String(12 - i).padStart(6, '0')}` }),
    )
    const carousel = myReportsMessage(many, 'th', () => links) as { contents: { contents: unknown[] }; altText: string }
    expect(carousel.contents.contents).toHaveLength(10)
    expect(JSON.stringify(carousel.contents.contents[0])).toContain('RYG-2569-000012')
    expect(JSON.stringify(carousel).length).toBeLessThan(50_000)
  })
})

describe('text catalogues of the service (chat and LIFF)', () => {
  const catalogues = { chat: lostDocTexts, form: formTexts, reports: reportsTexts }
  const vars = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort()
  for (const [name, cat] of Object.entries(catalogues)) {
    it(`${name}: the same keys and placeholders in Thai and English; English has no Thai`, () => {
      const th = cat.th as Record<string, string>
      const en = cat.en as Record<string, string>
      expect(Object.keys(en).sort()).toEqual(Object.keys(th).sort())
      for (const key of Object.keys(th)) {
        expect(th[key]?.trim(), key).not.toBe('')
        expect(vars(en[key] ?? ''), key).toEqual(vars(th[key] ?? ''))
        expect(en[key], key).not.toMatch(/[\u0E00-\u0E7F]/)
      }
    })
  }
})
