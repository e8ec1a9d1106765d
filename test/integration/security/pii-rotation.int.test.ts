import { randomBytes } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createSearchHasher } from '../../../bot/cases/search-hash.js'
import { encryptedTables } from '../../../bot/compose/encrypted-columns.js'
import { HASH } from '../../../bot/lost-documents/report-write.js'
import { countPending, rotatePii } from '../../../bot/privacy/key-rotation.js'
import { createPiiCipher } from '../../../bot/privacy/pii-cipher.js'
import {
  attachments,
  cases,
  conversationStates,
  lostDocumentItems,
  lostDocumentReports,
} from '../../../db/schema/index.js'
import { legacyV1Ciphertext } from '../../helpers/legacy-pii.js'
import { signInOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { apiClient } from '../../unit/lost-documents/api-client.js'
import { validDraft } from '../../unit/lost-documents/fixtures.js'

const K1 = randomBytes(32)
const K2 = randomBytes(32)
const b64 = (k: Buffer) => k.toString('base64')
const FLOW_ANSWERS = JSON.stringify({ idNumber: '1234567890121', address: {}, items: [] })
/** A photo a citizen sent (a photographed passport, say): any bytes, not valid UTF-8. */
const PHOTO = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0xff, 0xfe, 0x00]), randomBytes(2048)])

/** Two citizens, told apart by ID, phone and a lost document's number. */
const PEOPLE = [
  { id: '1-2345-67890-12-1', phone: '081-234-5678', doc: '61000123' },
  { id: '3-1001-00123-45-1', phone: '089-876-5432', doc: '61000987' },
]

/**
 * `npm run pii:rotate`: from key K1 to K2 on a database with reports (one of them holding a v1 value from before key
 * IDs), interrupted after one batch and resumed, then run again (nothing to do); search works throughout.
 */
describe('PII key rotation', () => {
  let before: Stack // the app on K1
  let during: Stack // restarted on K2, with K1 as the previous key
  let after: Stack // K1 gone
  const caseIds: string[] = []
  const rotating = createPiiCipher(K2, [K1])
  const tables = encryptedTables({ hasher: createSearchHasher(K2, [K1]) })

  beforeAll(async () => {
    before = await startStack({ env: { PII_ENCRYPTION_KEY: b64(K1) }, worker: false })
    for (const person of PEOPLE) {
      const user = before.emulator.createUser({ displayName: 'หมุนกุญแจ', language: 'th' })
      const draft = validDraft({
        idNumber: person.id,
        phone: person.phone,
        items: [{ documentType: 'driving_licence', number: person.doc, issuer: null }],
      })
      const res = await apiClient(before.baseUrl)('/api/liff/lost-documents', {
        method: 'POST',
        token: before.emulator.issueIdToken(user.userId),
        body: draft,
      })
      expect(res.status, res.text).toBe(201)
      caseIds.push(res.json().report.id)
    }
    // The second report's phone as a database from before key IDs holds it.
    await before.db.db
      .update(lostDocumentReports)
      .set({ phoneEnc: legacyV1Ciphertext(K1, '0898765432') })
      .where(eq(lostDocumentReports.caseId, caseIds[1] ?? ''))
    // A citizen half-way through the chat flow: their answers so far, encrypted in the flow state.
    await before.db.db.insert(conversationStates).values({
      chatKey: 'U-mid-flow',
      flow: 'lost_document',
      step: 'phone',
      data: { key: 'chat:1', lastAt: new Date().toISOString(), enc: createPiiCipher(K1).encrypt(FLOW_ANSWERS) },
    })
    // Two photos on the first case, as the fetch-content job keeps them (encrypted under K1).
    for (const n of [1, 2]) {
      await before.db.db.insert(attachments).values({
        caseId: caseIds[0] ?? '',
        contentType: 'image/png',
        fileName: `photo-${n}.png`,
        size: PHOTO.length,
        bytesEnc: createPiiCipher(K1).encryptBytes(PHOTO),
      })
    }
    during = await startStack({
      db: before.db,
      worker: false,
      env: { PII_ENCRYPTION_KEY: b64(K2), PII_ENCRYPTION_KEY_PREVIOUS: b64(K1) },
    })
  })
  afterAll(async () => {
    await after?.close({ keepDb: true })
    await during?.close({ keepDb: true })
    await before?.close()
  })

  async function found(s: Stack, q: string): Promise<string[]> {
    const officer = await signInOfficer(s.db.db, { role: 'duty_officer' })
    const res = await s.app.inject({ url: `/api/admin/cases?q=${encodeURIComponent(q)}`, headers: officer.headers })
    expect(res.statusCode, res.body).toBe(200)
    return (res.json().items as { id: string }[]).map((i) => i.id)
  }

  it('finds the cases by ID, phone and document number on the restarted app, before any row is rotated', async () => {
    expect(await countPending(during.db.db, tables, rotating)).toEqual([
      { table: 'lost_document_reports', pending: 2 },
      { table: 'conversation_states', pending: 1 },
      { table: 'lost_document_items', pending: 2 },
      { table: 'case_events', pending: 0 },
      { table: 'consultations', pending: 0 },
      { table: 'house_watches', pending: 0 },
      { table: 'patrol_visits', pending: 0 },
      { table: 'cameras', pending: 0 },
      { table: 'attachments', pending: 2 },
    ])
    for (const [i, person] of PEOPLE.entries()) {
      for (const q of [person.id, person.phone, person.doc]) {
        expect(await found(during, q), q).toEqual([caseIds[i]])
      }
    }
  })

  it('stops after a batch and resumes; a third run has nothing to do', async () => {
    const first = await rotatePii({ db: during.db.db, cipher: rotating, tables, batchSize: 1, maxBatches: 1 })
    expect(first.map((r) => r.rotated)).toEqual([1])
    expect((await countPending(during.db.db, tables, rotating))[0]?.pending).toBe(1)
    // Half-way: one case re-hashed under K2, the other still under K1; the app finds both.
    for (const [i, person] of PEOPLE.entries()) {
      expect(await found(during, person.phone)).toEqual([caseIds[i]])
    }
    // Attachments go a few rows per batch whatever the run's batch size (rows of up to 10 MB): here, 1.
    const files = tables.filter((t) => t.name === 'attachments').map((t) => ({ ...t, maxBatchSize: 1 }))
    const oneFile = await rotatePii({
      db: during.db.db,
      cipher: rotating,
      tables: files,
      batchSize: 200,
      maxBatches: 1,
    })
    expect(oneFile.map((r) => [r.table, r.rotated])).toEqual([['attachments', 1]])
    const rest = await rotatePii({ db: during.db.db, cipher: rotating, tables, batchSize: 1 })
    expect(rest.map((r) => [r.table, r.rotated, r.failed.length])).toEqual([
      ['lost_document_reports', 1, 0],
      ['conversation_states', 1, 0],
      ['lost_document_items', 2, 0],
      ['case_events', 0, 0],
      ['consultations', 0, 0],
      ['house_watches', 0, 0],
      ['patrol_visits', 0, 0],
      ['cameras', 0, 0],
      ['attachments', 1, 0],
    ])
    const again = await rotatePii({ db: during.db.db, cipher: rotating, tables })
    expect(again.map((r) => r.rotated)).toEqual(tables.map(() => 0))
    expect((await countPending(during.db.db, tables, rotating)).map((t) => t.pending)).toEqual(tables.map(() => 0))
  })

  it('leaves every value and hash under K2 only: readable and searchable without K1', async () => {
    const k2 = createPiiCipher(K2)
    const reports = await during.db.db.select().from(lostDocumentReports)
    const items = await during.db.db.select().from(lostDocumentItems)
    for (const [i, person] of PEOPLE.entries()) {
      const report = reports.find((r) => r.caseId === caseIds[i])
      expect(report?.idNumberEnc?.startsWith(k2.currentPrefix)).toBe(true)
      expect(k2.decrypt(report?.idNumberEnc ?? '')).toBe(person.id.replaceAll('-', ''))
      expect(k2.decrypt(report?.phoneEnc ?? '')).toBe(person.phone.replaceAll('-', ''))
      expect(report?.phoneHash).toBe(k2.keyedHash(HASH.phone, person.phone.replaceAll('-', '')))
      const item = items.find((it) => it.caseId === caseIds[i])
      expect(k2.decrypt(item?.numberEnc ?? '')).toBe(person.doc)
      expect(item?.numberHash).toBe(k2.keyedHash(HASH.document, person.doc))
      const [c] = await during.db.db
        .select()
        .from(cases)
        .where(eq(cases.id, caseIds[i] ?? ''))
      const k1Phone = createSearchHasher(K1).hash(person.phone, 'phone')
      expect(c?.searchHashes).toContain(createSearchHasher(K2).hash(person.phone, 'phone'))
      expect(c?.searchHashes).not.toContain(k1Phone)
    }
    const [flow] = await during.db.db
      .select()
      .from(conversationStates)
      .where(eq(conversationStates.chatKey, 'U-mid-flow'))
    const stored = flow?.data as { key: string; enc: string }
    expect(stored.key).toBe('chat:1') // the rest of the state is kept
    expect(stored.enc.startsWith(k2.currentPrefix)).toBe(true)
    expect(k2.decrypt(stored.enc)).toBe(FLOW_ANSWERS)
    const files = await during.db.db.select().from(attachments)
    expect(files).toHaveLength(2)
    for (const file of files) {
      expect(file.bytesEnc?.startsWith(k2.currentPrefix)).toBe(true)
      expect(k2.decryptBytes(file.bytesEnc ?? '').equals(PHOTO)).toBe(true)
    }
    after = await startStack({ db: before.db, worker: false, env: { PII_ENCRYPTION_KEY: b64(K2) } })
    for (const [i, person] of PEOPLE.entries()) {
      for (const q of [person.id, person.phone, person.doc, 'สมชาย ใจดี']) {
        expect(await found(after, q), q).toContain(caseIds[i])
      }
    }
    // An officer opens a photo on the app that knows K2 only: the original bytes.
    const officer = await signInOfficer(after.db.db, { role: 'duty_officer' })
    const served = await after.app.inject({ url: `/api/admin/attachments/${files[0]?.id}`, headers: officer.headers })
    expect(served.statusCode, served.body).toBe(200)
    expect(served.rawPayload.equals(PHOTO)).toBe(true)
  })
})
