import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { statusesOf } from '../../../bot/cases/statuses.js'
import { createStatusMessage, createTemplates } from '../../../bot/templates/templates.service.js'
import { CASE_KINDS, stations } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { client, signedInOfficer } from './auth.helpers.js'

let stack: Stack
let call: ReturnType<typeof client>
let admin: Awaited<ReturnType<typeof signedInOfficer>>

beforeAll(async () => {
  stack = await startStack({ worker: false })
  call = client(stack)
  admin = await signedInOfficer(stack, 'admin')
})
afterAll(async () => {
  await stack?.close()
})

const key = { kind: 'lost_document', status: 'issued', language: 'th' } as const

describe('templates', () => {
  it('lists every kind × status × language, defaults first', async () => {
    const res = await call('/api/admin/templates', { session: admin.session })
    expect(res.status, res.text).toBe(200)
    const items = res.json().items as { kind: string; status: string; language: string; isDefault: boolean }[]
    const expected = CASE_KINDS.reduce((n, k) => n + statusesOf(k).length * 2, 0)
    expect(items).toHaveLength(expected)
    expect(items.every((i) => i.isDefault)).toBe(true)
    const sos = await call('/api/admin/templates?kind=sos', { session: admin.session })
    expect(sos.json().items.every((i: { kind: string }) => i.kind === 'sos')).toBe(true)
  })

  it('preview renders the text in force, or a draft, with sample values', async () => {
    const res = await call('/api/admin/templates/preview', { method: 'POST', session: admin.session, body: key })
    expect(res.status, res.text).toBe(200)
    const text: string = res.json().text
    expect(text).toContain('RYG-2569-000123')
    expect(text).toContain('ตัวอย่างข้อความจากเจ้าหน้าที่')
    expect(text).toMatch(/\d{4} \d{2}:\d{2} น\./) // Bangkok time, Thai style
    expect(text).not.toMatch(/\{\w+\}/)

    const draft = await call('/api/admin/templates/preview', {
      method: 'POST',
      session: admin.session,
      body: { kind: 'sos', status: 'dispatched', language: 'en', body: '{station}: {status} ({reference})\n{message}' },
    })
    expect(draft.json().text).toBe(
      'Rayong City Police Station: Patrol dispatched (RYG-2569-000123)\nA sample message from the officer.',
    )
  })

  it('saving overrides the default for the station (audited); null goes back to the default', async () => {
    const body = 'เรื่อง {reference} ออกบันทึกแล้วเมื่อ {date}\n{message}'
    const saved = await call('/api/admin/templates', { method: 'PUT', session: admin.session, body: { ...key, body } })
    expect(saved.status, saved.text).toBe(200)
    expect(saved.json().template).toEqual({ ...key, body, isDefault: false })
    const list = await call('/api/admin/templates?kind=lost_document', { session: admin.session })
    expect(list.json().items).toContainEqual({ ...key, body, isDefault: false })

    // What the cases side sends to a citizen uses the station's text.
    const [station] = await stack.db.db.select().from(stations)
    const statusMessage = createStatusMessage(createTemplates())
    const text = await stack.db.db.transaction((tx) =>
      statusMessage(
        { ...key, reference: 'RYG-2569-000777', station: station ?? { id: '', nameTh: '', nameEn: '' } },
        tx,
      ),
    )
    expect(text).toMatch(/^เรื่อง RYG-2569-000777 ออกบันทึกแล้วเมื่อ .+ น\.$/) // no message: its line is gone

    const audit = await call('/api/admin/audit?action=template.*', { session: admin.session })
    expect(audit.json().items[0]).toMatchObject({ action: 'template.update', entityId: 'lost_document/issued/th' })

    const reset = await call('/api/admin/templates', {
      method: 'PUT',
      session: admin.session,
      body: { ...key, body: null },
    })
    expect(reset.json().template.isDefault).toBe(true)
  })

  it('refuses unknown placeholders, a status the kind does not have, an empty text', async () => {
    const unknown = await call('/api/admin/templates', {
      method: 'PUT',
      session: admin.session,
      body: { ...key, body: 'เรียน {name} เรื่อง {reference}' },
    })
    expect(unknown.status).toBe(400)
    expect(unknown.json().error.details).toEqual({ unknown: ['name'] })
    const status = await call('/api/admin/templates', {
      method: 'PUT',
      session: admin.session,
      body: { kind: 'sos', status: 'issued', language: 'th', body: 'x' },
    })
    expect(status.status).toBe(400)
    const preview = await call('/api/admin/templates/preview', {
      method: 'POST',
      session: admin.session,
      body: { kind: 'sos', status: 'issued', language: 'th' },
    })
    expect(preview.status).toBe(400)
    const empty = await call('/api/admin/templates', {
      method: 'PUT',
      session: admin.session,
      body: { ...key, body: '  ' },
    })
    expect(empty.status).toBe(400)
    expect(empty.json().error.code).toBe('validation_failed')
  })
})
