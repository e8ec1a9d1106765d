import { and, eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { auditLog, documentTypes } from '../../../db/schema/index.js'
import { validDraft } from '../../unit/lost-documents/fixtures.js'
import { client, signedInOfficer } from '../admin/auth.helpers.js'
import { lostDocumentStack } from './api-stack.js'

// The document types' policy is the station's to change: GET/PUT /api/admin/document-types, and the effect on reports.
const s = lostDocumentStack({ worker: false })

describe('officers: document types and their policy', () => {
  it('any officer lists them in order; an admin or supervisor changes one (audited); others may not', async () => {
    const call = client(s)
    const viewer = await signedInOfficer(s, 'viewer')
    const list = await call('/api/admin/document-types', { session: viewer.session })
    expect(list.status, list.text).toBe(200)
    expect(
      list
        .json()
        .items.map((t: { code: string }) => t.code)
        .slice(0, 3),
    ).toEqual(['thai_id_card', 'driving_licence', 'thai_passport'])
    const denied = await call('/api/admin/document-types/driving_licence', {
      method: 'PUT',
      session: viewer.session,
      body: { policy: 'review' },
    })
    expect(denied.status).toBe(403)
    expect((await call('/api/admin/document-types')).status).toBe(401)

    const supervisor = await signedInOfficer(s, 'supervisor')
    const res = await call('/api/admin/document-types/driving_licence', {
      method: 'PUT',
      session: supervisor.session,
      body: {
        policy: 'visit_station',
        reasonTh: 'ต้องตรวจใบขับขี่ตัวจริง',
        reasonEn: 'The original licence must be checked',
      },
    })
    expect(res.status, res.text).toBe(200)
    expect(res.json().item).toMatchObject({ code: 'driving_licence', policy: 'visit_station' })
    const [audit] = await s.db.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, 'document_type.update'), eq(auditLog.entityId, 'driving_licence')))
    expect(audit?.details).toMatchObject({ policy: { from: 'issue_now', to: 'visit_station' } })

    // The next citizen's report follows the new policy, with the station's reason.
    const token = s.emulator.issueIdToken(s.emulator.createUser({ displayName: 'คนขับ', language: 'th' }).userId)
    const report = await s.call('/api/liff/lost-documents', {
      method: 'POST',
      token,
      body: validDraft({ items: [{ documentType: 'driving_licence' }] }),
    })
    expect(report.json().report).toMatchObject({ status: 'visit_station', held: [{ reasonTh: 'ต้องตรวจใบขับขี่ตัวจริง' }] })
  })

  it('switching a type off removes it from the form; an unknown code is a 404; a bad body a 400', async () => {
    const call = client(s)
    const admin = await signedInOfficer(s, 'admin')
    expect(
      (
        await call('/api/admin/document-types/cheque_book', {
          method: 'PUT',
          session: admin.session,
          body: { active: false },
        })
      ).status,
    ).toBe(200)
    const form = await s.call('/api/liff/lost-documents/form', {
      token: s.emulator.issueIdToken(s.emulator.createUser({ displayName: 'x', language: 'th' }).userId),
    })
    expect(form.json().documentTypes.map((t: { code: string }) => t.code)).not.toContain('cheque_book')
    expect(
      (await call('/api/admin/document-types/nope', { method: 'PUT', session: admin.session, body: { active: false } }))
        .status,
    ).toBe(404)
    expect(
      (
        await call('/api/admin/document-types/other', {
          method: 'PUT',
          session: admin.session,
          body: { policy: 'maybe' },
        })
      ).status,
    ).toBe(400)
    expect(
      (await call('/api/admin/document-types/other', { method: 'PUT', session: admin.session, body: {} })).status,
    ).toBe(400)
    const [row] = await s.db.db.select().from(documentTypes).where(eq(documentTypes.code, 'cheque_book'))
    expect(row?.active).toBe(false)
  })
})
