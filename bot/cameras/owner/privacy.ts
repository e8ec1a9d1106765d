import { asc, eq } from 'drizzle-orm'
import { cameras } from '../../../db/schema/index.js'
import type { CAMERA_STATUSES } from '../../contracts/cameras.js'
import { biDateTime, iso, text } from '../../privacy/export-values.js'
import type { ExportSection, PersonalDataPart, Removed } from '../../privacy/parts.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'

type CameraExport = {
  code: string
  name: string
  location: { lat: number; lng: number }
  directionDeg: number | null
  fieldOfViewDeg: number | null
  covers: string | null
  retentionDays: number | null
  contactPreference: string | null
  phone: string | null
  status: string
  verification: string
  consentVersion: string | null
  consentedAt: string | null
  registeredAt: string
}

const STATUS_WORDS: Record<(typeof CAMERA_STATUSES)[number], { th: string; en: string }> = {
  active: { th: 'ใช้งาน', en: 'Working' },
  offline: { th: 'ขัดข้อง', en: 'Offline' },
  removed: { th: 'ถอดออกแล้ว', en: 'Removed' },
}

/** The citizen's registered cameras (issue #15): everything they gave, their phone decrypted (it is theirs). */
export function camerasExport(cipher: Pick<PiiCipher, 'decrypt'>): ExportSection<CameraExport[]> {
  return {
    name: 'cameras',
    title: { th: 'กล้องวงจรปิดที่ลงทะเบียนไว้', en: 'Your registered cameras' },
    async collect(tx, citizen) {
      const rows = await tx
        .select()
        .from(cameras)
        .where(eq(cameras.citizenId, citizen.id))
        .orderBy(asc(cameras.createdAt))
      return rows.map((c) => ({
        code: c.code,
        name: c.name,
        location: { lat: c.latitude, lng: c.longitude },
        directionDeg: c.directionDeg,
        fieldOfViewDeg: c.fieldOfViewDeg,
        covers: c.covers,
        retentionDays: c.retentionDays,
        contactPreference: c.contactPreference,
        phone: c.contactPhoneEnc ? cipher.decrypt(c.contactPhoneEnc) : null,
        status: c.status,
        verification: c.verification,
        consentVersion: c.consentVersion,
        consentedAt: iso(c.consentedAt),
        registeredAt: c.createdAt.toISOString(),
      }))
    },
    blocks(data) {
      return data.map((c) => ({
        title: { th: `กล้อง ${c.name} (${c.code})`, en: `Camera ${c.name} (${c.code})` },
        rows: [
          {
            label: { th: 'ตำแหน่ง', en: 'Position' },
            value: `${c.location.lat.toFixed(6)}, ${c.location.lng.toFixed(6)}`,
          },
          { label: { th: 'ทิศทาง (องศา)', en: 'Direction (degrees)' }, value: text(c.directionDeg?.toString()) },
          { label: { th: 'พื้นที่ที่มองเห็น', en: 'What it covers' }, value: text(c.covers) },
          { label: { th: 'เก็บภาพ (วัน)', en: 'Keeps footage (days)' }, value: text(c.retentionDays?.toString()) },
          { label: { th: 'เบอร์โทร', en: 'Phone' }, value: text(c.phone) },
          {
            label: { th: 'สถานะ', en: 'Status' },
            value: STATUS_WORDS[c.status as keyof typeof STATUS_WORDS] ?? c.status,
          },
          { label: { th: 'ลงทะเบียนเมื่อ', en: 'Registered' }, value: biDateTime(new Date(c.registeredAt)) },
        ],
      }))
    },
  }
}

/**
 * A citizen's erasure (PDPA s.33): their cameras leave the registry as theirs: the LINE link, phone, name and
 * words are removed and the camera is marked removed; the code and position stay for footage requests already made
 * (they reference the camera), with nothing that leads back to the person.
 */
export const camerasPersonalData: PersonalDataPart = {
  name: 'cameras',
  async eraseCitizen(tx, citizen, now): Promise<Removed> {
    const rows = await tx
      .update(cameras)
      .set({
        citizenId: null,
        contactPhoneEnc: null,
        contactPreference: null,
        ownerName: null,
        covers: null,
        note: null,
        name: 'กล้องเอกชน (ข้อมูลถูกลบตามคำขอ)',
        status: 'removed',
        updatedAt: now,
      })
      .where(eq(cameras.citizenId, citizen.id))
      .returning({ id: cameras.id })
    return rows.length > 0 ? { cameras: rows.length } : {}
  },
}
