import { beforeAll, describe, expect, it } from 'vitest'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { validDraft } from '../../unit/lost-documents/fixtures.js'
import { lostDocumentStack } from './api-stack.js'

/** Officers find a report by the declarant's ID or a document number, typed as printed or without separators. */
describe('inbox search by ID and document numbers', () => {
  const s = lostDocumentStack()
  let duty: TestOfficer
  let caseId = ''
  const draft = validDraft()
  beforeAll(async () => {
    duty = await signInOfficer(s.db.db, { role: 'duty_officer' })
    const user = s.emulator.createUser({ displayName: 'ค้นหา ด้วยเลข', language: 'th' })
    const res = await s.call('/api/liff/lost-documents', {
      method: 'POST',
      token: s.emulator.issueIdToken(user.userId),
      body: draft,
    })
    expect(res.status, res.text).toBe(201)
    caseId = res.json().report.id
  })

  const search = async (q: string) => {
    const res = await s.app.inject({
      method: 'GET',
      url: `/api/admin/cases?q=${encodeURIComponent(q)}`,
      headers: duty.headers,
    })
    expect(res.statusCode, res.body).toBe(200)
    return (res.json().items as { id: string }[]).map((i) => i.id)
  }

  it('finds it by the national ID with or without dashes and spaces', async () => {
    const id = String(draft.idNumber).replace(/\D/g, '')
    const dashed = `${id[0]}-${id.slice(1, 5)}-${id.slice(5, 10)}-${id.slice(10, 12)}-${id[12]}`
    expect(await search(id)).toContain(caseId)
    expect(await search(dashed)).toContain(caseId)
    expect(await search(dashed.replaceAll('-', ' '))).toContain(caseId)
  })

  it('finds it by a lost document’s number', async () => {
    const withNumber = draft.items.find((i) => i.number)
    expect(withNumber, 'the fixture has an item with a number').toBeDefined()
    expect(await search(String(withNumber?.number))).toContain(caseId)
  })

  it('does not find it by a different number', async () => {
    expect(await search('1111111111119')).not.toContain(caseId)
  })
})
