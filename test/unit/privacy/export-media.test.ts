import { expect, it } from 'vitest'
import { casesExport } from '../../../bot/cases/export.js'

// Issue #8, point 5 (verification on `npm start`): in "my data", a photo sent while the case awaited information was
// a history line with a time and nothing else ("ข้อความจากท่าน 3 ธ.ค. 2569 14:28 น."). It says what it was.
it('a photo the citizen sent reads as a photo in the history of the data export', () => {
  const section = casesExport({ decrypt: (s: string) => s, decryptBytes: (s: string) => Buffer.from(s) })
  const [block] = section.blocks([
    {
      referenceNumber: 'RYG-2569-000001',
      kind: 'lost_document',
      status: 'awaiting_info',
      createdAt: '2026-12-03T07:25:00.000Z',
      resolvedAt: null,
      summary: 'บัตรประจำตัวประชาชน',
      location: null,
      history: [
        { type: 'message_in', status: null, body: null, media: 'image', at: '2026-12-03T07:28:00.000Z' },
        { type: 'message_in', status: null, body: 'ส่งรูปแล้วนะคะ', media: null, at: '2026-12-03T07:28:30.000Z' },
      ],
      files: [],
    },
  ])
  const rows = block?.blocks?.[0]?.rows ?? []
  const values = rows.map((r) => r.value as { th: string; en: string })
  expect(values[0]?.th).toMatch(/: รูปภาพที่ท่านส่ง$/)
  expect(values[0]?.en).toMatch(/: A photo you sent$/)
  expect(values[1]?.th).toMatch(/: ส่งรูปแล้วนะคะ$/)
})
