import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type HouseWatch, houseWatches } from '../../../db/schema/index.js'
import { maskName } from '../../cases/mask.js'
import type { PiiProvider } from '../../cases/pii.js'
import type { Bilingual, CaseFact, CaseSection } from '../../cases/views.js'
import { formatAddress } from '../../contracts/lost-documents/address-format.js'
import { formatDateTime } from '../../i18n/index.js'
import { maskMobile } from '../../privacy/mask.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { periodText } from './messages.js'

const same = (v: string): Bilingual => ({ th: v, en: v })
const HIDDEN = same('••••••')
const NOTIFY: Record<string, Bilingual> = {
  daily_digest: { th: 'สรุปวันละครั้ง', en: 'A daily summary' },
  each_visit: { th: 'ทุกครั้งที่ตรวจ', en: 'At each visit' },
}

async function watchOf(tx: Tx, caseId: string): Promise<HouseWatch | undefined> {
  const [row] = await tx.select().from(houseWatches).where(eq(houseWatches.caseId, caseId)).limit(1)
  return row
}

/** The personal fields still held (purged watches keep none). */
function heldFields(w: HouseWatch): string[] {
  return [
    ...(w.ownerName ? ['ownerName'] : []),
    ...(w.phoneEnc ? ['phone'] : []),
    ...(w.address ? ['address'] : []),
    ...(w.emergencyPhoneEnc ? ['emergencyContact'] : []),
    ...(w.notes ? ['notes'] : []),
  ]
}

function watchFacts(w: HouseWatch): CaseFact[] {
  return [
    {
      label: { th: 'ช่วงที่ไม่อยู่บ้าน', en: 'Away' },
      value: { th: periodText('th', w.startsOn, w.endsOn), en: periodText('en', w.startsOn, w.endsOn) },
    },
    { label: { th: 'การแจ้งผลการตรวจ', en: 'Owner hears' }, value: NOTIFY[w.notify] ?? same(w.notify) },
    {
      label: { th: 'ช่องทาง', en: 'Channel' },
      value: w.channel === 'liff' ? { th: 'แบบฟอร์ม LIFF', en: 'LIFF form' } : { th: 'แชต', en: 'Chat' },
    },
    ...(w.extendedCount > 0 ? [{ label: { th: 'ขยายเวลา', en: 'Extended' }, value: same(`${w.extendedCount}×`) }] : []),
    ...(w.approvedAt
      ? [
          {
            label: { th: 'อนุมัติเมื่อ', en: 'Approved' },
            value: { th: formatDateTime('th', w.approvedAt), en: formatDateTime('en', w.approvedAt) },
          },
        ]
      : []),
  ]
}

function ownerFacts(w: HouseWatch): CaseFact[] {
  if (!w.ownerName && !w.phoneEnc) {
    return [
      {
        label: { th: 'ข้อมูลเจ้าของบ้าน', en: 'Owner' },
        value: { th: 'ลบแล้ว (ครบระยะเวลาเก็บ)', en: 'Removed (retention period over)' },
      },
    ]
  }
  const area = w.address ? [w.address.subdistrict, w.address.district].filter(Boolean).join(' ') : ''
  return [
    { label: { th: 'ชื่อ-นามสกุล', en: 'Name' }, value: same(maskName(w.ownerName) ?? '—'), field: 'ownerName' },
    { label: { th: 'โทรศัพท์', en: 'Phone' }, value: same(maskMobile(w.phoneLast ?? '')), field: 'phone' },
    { label: { th: 'ที่อยู่บ้าน', en: 'House address' }, value: same(`•••••• ${area}`.trim()), field: 'address' },
    ...(w.latitude !== null && w.longitude !== null
      ? [
          {
            label: { th: 'ตำแหน่งบ้าน', en: 'Pin' },
            value: same(
              `${w.latitude.toFixed(5)}, ${w.longitude.toFixed(5)} (${w.locationSource === 'gps' ? 'GPS' : 'pin'})`,
            ),
          },
        ]
      : []),
    { label: { th: 'ผู้ติดต่อกรณีฉุกเฉิน', en: 'Emergency contact' }, value: HIDDEN, field: 'emergencyContact' },
    ...(w.notes ? [{ label: { th: 'หมายเหตุ', en: 'Notes' }, value: HIDDEN, field: 'notes' }] : []),
  ]
}

/**
 * The officers' case page for a house watch: the period, how the owner hears, the channel, and the owner's details
 * masked (name, phone, address, emergency contact, notes: who holds a key is as sensitive as the phone), each
 * revealed through the audited reveal route. The pin shows in full: it is the case's location on the page anyway.
 */
export function createHouseWatchPiiProvider({ cipher }: { cipher: Pick<PiiCipher, 'decrypt'> }): PiiProvider {
  return {
    kinds: ['house_watch'],
    async fields(tx, c) {
      const w = await watchOf(tx, c.id)
      return w ? heldFields(w) : []
    },
    async reveal(tx: Tx, c: Case, field: string) {
      const w = await watchOf(tx, c.id)
      if (!w) {
        return null
      }
      switch (field) {
        case 'ownerName':
          return w.ownerName
        case 'phone':
          return w.phoneEnc ? cipher.decrypt(w.phoneEnc) : null
        case 'address':
          return w.address ? formatAddress('th', w.address) : null
        case 'emergencyContact':
          return w.emergencyPhoneEnc ? `${w.emergencyName ?? ''} ${cipher.decrypt(w.emergencyPhoneEnc)}`.trim() : null
        case 'notes':
          return w.notes
        default:
          return null
      }
    },
    async sections(tx, c) {
      const w = await watchOf(tx, c.id)
      if (!w) {
        return []
      }
      const out: CaseSection[] = [
        { id: 'house_watch', title: { th: 'การฝากบ้าน', en: 'House watch' }, facts: watchFacts(w) },
        { id: 'owner', title: { th: 'เจ้าของบ้าน', en: 'Owner and house' }, facts: ownerFacts(w) },
      ]
      return out
    },
  }
}
