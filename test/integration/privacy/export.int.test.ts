import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { type Stack, startStack } from '../../helpers/stack.js'
import { THAI_ID } from '../../unit/lost-documents/fixtures.js'
import { reportInChat, untilQuiet } from './scan.js'

// Issue #8: the export is a readable page and a JSON file with real UTF-8 Thai, with every kind of case.
const NAME = 'นางสาวส่งออก ข้อมูล'
const PHONE = '0834567890'
const STORY = 'ลืมกระเป๋า <b>บนรถ</b> & ร้านค้า'

let s: Stack
let userId = ''
const get = (format: string) =>
  s.app.inject({
    method: 'GET',
    url: `/api/liff/me/export?format=${format}`,
    headers: { authorization: `Bearer ${s.emulator.issueIdToken(userId)}` },
  })

beforeAll(async () => {
  s = await startStack()
  userId = s.emulator.createUser({ displayName: NAME, language: 'th' }).userId
  const { chat } = await reportInChat(s, userId, { name: NAME, id: THAI_ID, phone: PHONE, story: STORY })
  await chat.text('ฉุกเฉิน')
  await chat.location({ latitude: 12.6736, longitude: 101.2795, title: 'สวนศรีเมือง' })
  await untilQuiet(s)
}, 120_000)
afterAll(async () => {
  await s?.close()
})

describe("the citizen's data export", () => {
  it('JSON: a UTF-8 file with Thai as characters (no \\u escapes), every case incl. SOS, numbers in full', async () => {
    const res = await get('json')
    expect(res.statusCode, res.body).toBe(200)
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8')
    expect(res.headers['content-disposition']).toContain('my-data.json')
    expect(res.headers['cache-control']).toBe('no-store')
    const raw = res.rawPayload.toString('utf8')
    expect(raw).toContain(NAME)
    expect(raw).not.toMatch(/\\u0e[0-9a-f]{2}/i)
    const data = JSON.parse(raw)
    expect(data.citizen.lineUserId).toBe(userId)
    expect(data.cases.map((c: { kind: string }) => c.kind).sort()).toEqual(['lost_document', 'sos'])
    const sos = data.cases.find((c: { kind: string }) => c.kind === 'sos')
    expect(sos.location).toEqual({ latitude: 12.6736, longitude: 101.2795 })
    const [report] = data.lostDocumentReports
    expect(report).toMatchObject({ idNumber: THAI_ID, phone: PHONE, circumstances: STORY, declarantName: NAME })
  })

  it('HTML: a readable page, Thai then English, Buddhist Era dates, every kind of case, text escaped', async () => {
    const res = await get('html')
    expect(res.statusCode).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.headers['content-disposition']).toContain('my-data.html')
    expect(res.headers['content-security-policy']).toContain("default-src 'none'")
    const html = res.body
    expect(html).toContain('แจ้งเหตุฉุกเฉิน')
    expect(html).toContain('Emergency (SOS)')
    expect(html).toContain('แจ้งเอกสารหาย')
    expect(html).toContain(THAI_ID)
    const beYear = new Date().getFullYear() + 543
    expect(html).toContain(String(beYear))
    expect(html).toContain('มาตรา 30')
    expect(html).toContain('มาตรา 33')
    expect(html).toContain('ลืมกระเป๋า &lt;b&gt;บนรถ&lt;/b&gt; &amp; ร้านค้า')
    expect(html).not.toContain('<b>บนรถ')
    expect(html).not.toMatch(/<script/i)
  })

  it('view: the same page as blocks for the LIFF app, and each export is recorded as a done request', async () => {
    const res = await get('view')
    expect(res.statusCode).toBe(200)
    const { page } = res.json()
    expect(page.sections.map((x: { title: { en: string } }) => x.title.en)).toEqual([
      'Account and consents',
      'All your cases',
      'Lost-document reports in detail',
      'Your consultations',
      'Your house watches',
      'Your household and announcements',
      'Your registered cameras',
    ])
    const again = await get('json')
    const requests = JSON.parse(again.rawPayload.toString('utf8')).citizen.dataRequests
    expect(
      requests.filter((r: { kind: string; status: string }) => r.kind === 'export' && r.status === 'done').length,
    ).toBe(3)
  })

  it("another citizen's export holds nothing of this one", async () => {
    const other = s.emulator.createUser({ displayName: 'คนอื่น', language: 'th' })
    const res = await s.app.inject({
      method: 'GET',
      url: '/api/liff/me/export?format=json',
      headers: { authorization: `Bearer ${s.emulator.issueIdToken(other.userId)}` },
    })
    expect(res.body).not.toContain(THAI_ID)
    expect(JSON.parse(res.body).cases).toEqual([])
  })
})
