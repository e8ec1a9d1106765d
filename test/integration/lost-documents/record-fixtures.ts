import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { createCase } from '../../../bot/cases/cases.service.js'
import { createPiiCipher } from '../../../bot/privacy/pii-cipher.js'
import type { Db } from '../../../db/client.js'
import { citizens, lostDocumentItems, lostDocumentReports, stations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'

/** A valid Thai ID (checksum ok) that must never appear on a record, a verify page or a log. */
export const FULL_ID = '1234567890121'
export const DOC_NUMBER = '123-4-56789-0'
export const DECLARANT = 'นางสาวทดสอบ ใจดีมาก'
export const STREET = 'ซอยลับเฉพาะ 7'

/** An emulated LINE user who has added the OA (LINE delivers pushes only to friends). */
export function lineFriend(s: Stack, displayName: string, language: 'th' | 'en' = 'th') {
  const user = s.emulator.createUser({ displayName, language })
  const stored = s.emulator.state.users.get(user.userId)
  if (stored) {
    stored.friendship = 'friend'
  }
  return user
}

/**
 * A submitted lost-document report, written the way the citizen side stores it (numbers encrypted with the
 * deployment's PII key, last digits kept), in one transaction: citizen, case (real RYG number), report, items.
 */
export async function insertReport(
  s: Stack,
  opts: { lineUserId: string; language?: 'th' | 'en'; stationCode?: string; withoutCitizen?: boolean },
) {
  const db: Db = s.db.db
  const cipher = createPiiCipher(s.deps.config.piiEncryptionKey)
  const now = new Date()
  return db.transaction(async (tx) => {
    const [station] = await tx
      .select()
      .from(stations)
      .where(eq(stations.code, opts.stationCode ?? 'RYG'))
      .limit(1)
    if (!station) {
      throw new Error('station not seeded')
    }
    const [citizen] = await tx
      .insert(citizens)
      .values({
        lineUserId: opts.lineUserId,
        displayName: 'Test',
        language: opts.language ?? 'th',
        stationId: station.id,
      })
      .onConflictDoUpdate({ target: citizens.lineUserId, set: { language: opts.language ?? 'th' } })
      .returning()
    if (!citizen) {
      throw new Error('citizen insert returned no row')
    }
    const c = await createCase(tx, {
      station,
      kind: 'lost_document',
      citizenId: opts.withoutCitizen ? null : citizen.id,
      summary: 'บัตรประจำตัวประชาชน, สมุดบัญชีเงินฝาก',
      now,
    })
    await tx.insert(lostDocumentReports).values({
      caseId: c.id,
      citizenId: citizen.id,
      idempotencyKey: randomUUID(),
      channel: 'liff',
      declarantName: DECLARANT,
      idType: 'thai_id',
      idNumberEnc: cipher.encrypt(FULL_ID),
      idNumberHash: cipher.keyedHash('id_number', FULL_ID),
      idNumberLast: FULL_ID.slice(-4),
      dateOfBirth: '1990-01-05',
      phoneEnc: cipher.encrypt('0812345678'),
      phoneHash: cipher.keyedHash('phone', '0812345678'),
      phoneLast: '5678',
      address: { houseNo: '12/3', soi: STREET, subdistrict: 'ท่าประดู่', district: 'เมืองระยอง', province: 'ระยอง' },
      lostFrom: new Date(now.getTime() - 86_400_000),
      placeText: 'ตลาดเทศบาลนครระยอง',
      circumstances: 'ลืมกระเป๋าสตางค์ไว้ที่ร้านค้า',
      declaredAt: now,
      consentVersion: 'test-1',
    })
    await tx.insert(lostDocumentItems).values([
      {
        caseId: c.id,
        position: 1,
        documentType: 'thai_id_card',
        numberLast: FULL_ID.slice(-4),
        numberEnc: cipher.encrypt(FULL_ID),
      },
      {
        caseId: c.id,
        position: 2,
        documentType: 'bank_book',
        numberEnc: cipher.encrypt(DOC_NUMBER),
        numberLast: '7890',
        issuer: 'ธนาคารออมสิน',
      },
    ])
    return { caseId: c.id, referenceNumber: c.referenceNumber, stationId: station.id, citizenId: citizen.id }
  })
}

/** The URI of a button in the last flex card sent to a user (the record card's download / verify buttons). */
export function buttonUris(message: unknown): string[] {
  const json = JSON.stringify(message)
  return [...json.matchAll(/"uri":"([^"]+)"/g)].map((m) => m[1] ?? '')
}
