import { eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import {
  cases,
  citizens,
  houseWatches,
  officers,
  patrolPoints,
  patrolVisits,
  stations,
} from '../../../db/schema/index.js'
import type { Processor } from '../../../jobs/queues.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import { isFinding } from '../../contracts/house-watch.js'
import type { LineMessage } from '../../line/line-client.js'
import { writeOutbox } from '../../line/outbox.js'
import type { VisitPhotoLinks } from './photo-links.js'
import { groupText, ownerText, type VisitFacts } from './visit-notice.texts.js'

const GPS_TH = { near: 'อยู่ที่จุด', far: 'ห่างจากจุดเกินระยะที่กำหนด', unknown: 'ไม่ทราบตำแหน่ง' } as const

/**
 * The house-watch-visit job: a visit's own notice, once. A finding goes to the owner (a house) and to the station's
 * LINE group; an owner who chose each visit hears of every visit. The photo goes as an image message from a signed
 * expiring link (LINE fetches it over HTTPS; on a local http run it goes as a link). `owner_notified_at` marks the
 * notice written, in the same transaction as its outbox rows, so a retry (a worker dying between commit and
 * acknowledgement) sends nothing twice: the owner told, or the group alerted for a red box or an ended watch (no
 * owner's digest is then due, so the digest leaving the visit out changes nothing).
 */
export function createVisitNotice({
  db,
  photoLinks,
  adminLiffId,
  now = () => new Date(),
}: {
  db: Db
  photoLinks: VisitPhotoLinks
  adminLiffId: string
  now?: () => Date
}): Processor<'house-watch-visit'> {
  return async ({ visitId }) =>
    db.transaction(async (tx) => {
      const [row] = await tx
        .select({ visit: patrolVisits, point: patrolPoints, station: stations, officer: officers })
        .from(patrolVisits)
        .innerJoin(patrolPoints, eq(patrolPoints.id, patrolVisits.pointId))
        .innerJoin(stations, eq(stations.id, patrolVisits.stationId))
        .innerJoin(officers, eq(officers.id, patrolVisits.officerId))
        .where(eq(patrolVisits.id, visitId))
        .for('update', { of: patrolVisits })
      // Told after the visit's latest scan: this notice went out already (a retry, or a rescan that changed nothing
      // worth telling). Told before it: the rescan turned the visit into a finding, which goes out now.
      const told = row?.visit.ownerNotifiedAt
      if (!row || (told && told >= row.visit.lastScanAt)) {
        return 'done'
      }
      const { visit, point, station, officer } = row
      const at = now()
      const url = visit.photoBytesEnc ? photoLinks.url(visit.id, at) : null
      const asImage = url?.startsWith('https://') ?? false
      const facts: VisitFacts = {
        at: visit.lastScanAt,
        officer: officer.fullName ?? officer.displayName,
        result: visit.result,
        note: visit.note,
        photoLink: url && !asImage ? url : null,
        stationPhone: station.phone,
      }
      const image: LineMessage[] =
        url && asImage ? [{ type: 'image', originalContentUrl: url, previewImageUrl: url }] : []
      const finding = isFinding(visit.result)

      const [house] = point.caseId
        ? await tx
            .select({ watch: houseWatches, c: cases, citizen: citizens })
            .from(houseWatches)
            .innerJoin(cases, eq(cases.id, houseWatches.caseId))
            .innerJoin(citizens, eq(citizens.id, cases.citizenId))
            .where(eq(houseWatches.caseId, point.caseId))
        : []
      let ownerTold = false
      if (house && !house.watch.endedAt && (finding || house.watch.notify === 'each_visit')) {
        const text = ownerText(house.watch.language, facts).slice(0, 5000)
        const sent = await sendToCitizen(tx, house.citizen, [{ type: 'text', text }, ...image], {
          stationId: station.id,
          purpose: finding ? 'house-watch-finding' : 'house-watch-visit',
          now: at,
        })
        ownerTold = sent.via === 'reply_or_push'
      }
      let groupAlerted = false
      if (finding && station.lineGroupId) {
        const label = point.nameTh ?? (house ? `ฝากบ้าน ${house.c.referenceNumber}` : '')
        const gps = `${GPS_TH[visit.gpsCheck]}${visit.distanceMeters != null ? ` (${Math.round(visit.distanceMeters)} ม.)` : ''}`
        const caseLink = point.caseId ? `https://liff.line.me/${adminLiffId}/cases/${point.caseId}` : null
        const text = groupText(facts, { code: point.code, label, gps }, caseLink).slice(0, 5000)
        await writeOutbox(tx, {
          to: station.lineGroupId,
          stationId: station.id,
          messages: [{ type: 'text', text }, ...image],
          purpose: 'patrol-finding',
        })
        groupAlerted = true
      }
      if (ownerTold || groupAlerted) {
        await tx.update(patrolVisits).set({ ownerNotifiedAt: at }).where(eq(patrolVisits.id, visit.id))
      }
      return ownerTold ? 'owner_told' : 'group_only'
    })
}
