import { asc, eq, inArray } from 'drizzle-orm'
import { cases, houseWatches, officers, patrolPoints, patrolVisits } from '../../../db/schema/index.js'
import { type ThaiAddress, VISIT_RESULT_LABELS, type VisitResult } from '../../contracts/house-watch.js'
import { formatAddress } from '../../contracts/lost-documents/address-format.js'
import { biDateTime, biDay, iso, text } from '../../privacy/export-values.js'
import type { ExportBlock, ExportSection } from '../../privacy/parts.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'

type VisitExport = { at: string; officer: string; result: VisitResult; note: string | null; photo: string | null }
type WatchExport = {
  referenceNumber: string
  status: string
  startsOn: string
  endsOn: string
  endedAt: string | null
  endReason: string | null
  ownerName: string | null
  phone: string | null
  address: ThaiAddress | null
  location: { lat: number; lng: number } | null
  emergencyName: string | null
  emergencyPhone: string | null
  notes: string | null
  notify: string
  visits: VisitExport[]
}

/**
 * The citizen's house watches (issue #13): what they enrolled (phones decrypted: it is theirs), the period and how
 * it ended, and every patrol visit at the house with the officer, result, note and photo (base64 in the JSON file).
 */
export function houseWatchesExport(cipher: Pick<PiiCipher, 'decrypt' | 'decryptBytes'>): ExportSection<WatchExport[]> {
  const plain = (enc: string | null) => (enc ? cipher.decrypt(enc) : null)
  return {
    name: 'house_watches',
    title: { th: 'การฝากบ้านกับตำรวจ', en: 'Your house watches' },
    async collect(tx, citizen) {
      const rows = await tx
        .select({ c: cases, w: houseWatches })
        .from(houseWatches)
        .innerJoin(cases, eq(cases.id, houseWatches.caseId))
        .where(eq(cases.citizenId, citizen.id))
        .orderBy(asc(cases.createdAt))
      const ids = rows.map((r) => r.c.id)
      const visits = ids.length
        ? await tx
            .select({
              v: patrolVisits,
              caseId: patrolPoints.caseId,
              fullName: officers.fullName,
              name: officers.displayName,
            })
            .from(patrolVisits)
            .innerJoin(patrolPoints, eq(patrolPoints.id, patrolVisits.pointId))
            .innerJoin(officers, eq(officers.id, patrolVisits.officerId))
            .where(inArray(patrolPoints.caseId, ids))
            .orderBy(asc(patrolVisits.scannedAt))
        : []
      return rows.map(({ c, w }) => ({
        referenceNumber: c.referenceNumber,
        status: c.status,
        startsOn: w.startsOn,
        endsOn: w.endsOn,
        endedAt: iso(w.endedAt),
        endReason: w.endReason,
        ownerName: w.ownerName,
        phone: plain(w.phoneEnc),
        address: w.address,
        location: w.latitude !== null && w.longitude !== null ? { lat: w.latitude, lng: w.longitude } : null,
        emergencyName: w.emergencyName,
        emergencyPhone: plain(w.emergencyPhoneEnc),
        notes: w.notes,
        notify: w.notify,
        visits: visits
          .filter((v) => v.caseId === c.id)
          .map(({ v, fullName, name }) => ({
            at: v.scannedAt.toISOString(),
            officer: fullName ?? name,
            result: v.result,
            note: v.note,
            photo: v.photoBytesEnc ? cipher.decryptBytes(v.photoBytesEnc).toString('base64') : null,
          })),
      }))
    },
    blocks(data) {
      return data.map(
        (w): ExportBlock => ({
          title: { th: `ฝากบ้าน ${w.referenceNumber}`, en: `House watch ${w.referenceNumber}` },
          rows: [
            { label: { th: 'ตั้งแต่', en: 'From' }, value: biDay(w.startsOn) },
            { label: { th: 'ถึง', en: 'Until' }, value: biDay(w.endsOn) },
            { label: { th: 'สิ้นสุดเมื่อ', en: 'Ended' }, value: biDateTime(w.endedAt ? new Date(w.endedAt) : null) },
            { label: { th: 'ชื่อเจ้าของบ้าน', en: 'Owner' }, value: text(w.ownerName) },
            { label: { th: 'โทร', en: 'Phone' }, value: text(w.phone) },
            { label: { th: 'ที่อยู่', en: 'Address' }, value: w.address ? formatAddress('th', w.address) : '—' },
            {
              label: { th: 'ตำแหน่งบนแผนที่', en: 'Map pin' },
              value: w.location ? `${w.location.lat.toFixed(6)}, ${w.location.lng.toFixed(6)}` : '—',
            },
            { label: { th: 'ผู้ติดต่อฉุกเฉิน', en: 'Emergency contact' }, value: text(w.emergencyName) },
            { label: { th: 'โทรผู้ติดต่อฉุกเฉิน', en: 'Emergency phone' }, value: text(w.emergencyPhone) },
            { label: { th: 'หมายเหตุ', en: 'Notes' }, value: text(w.notes) },
          ],
          blocks: w.visits.length
            ? [
                {
                  title: { th: 'การตรวจของสายตรวจ', en: 'Patrol visits' },
                  rows: w.visits.map((v) => {
                    const when = biDateTime(new Date(v.at))
                    const label = typeof when === 'string' ? { th: when, en: when } : when
                    const photo = v.photo ? { th: ' (มีรูปถ่าย)', en: ' (photo)' } : { th: '', en: '' }
                    return {
                      label,
                      value: {
                        th: `${v.officer}: ${VISIT_RESULT_LABELS[v.result].th}${v.note ? ` – ${v.note}` : ''}${photo.th}`,
                        en: `${v.officer}: ${VISIT_RESULT_LABELS[v.result].en}${v.note ? ` – ${v.note}` : ''}${photo.en}`,
                      },
                    }
                  }),
                },
              ]
            : [],
        }),
      )
    },
  }
}
