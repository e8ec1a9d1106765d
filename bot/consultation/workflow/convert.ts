import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { caseEvents, consultations, stations } from '../../../db/schema/index.js'
import { sendToCitizen } from '../../cases/citizen-outbox.js'
import { openCase } from '../../cases/open-case.js'
import { type ActingOfficer, byOfficer } from '../../officers/audit-port.js'
import { type CloseDeps, closeWith } from './close.js'
import { NoCitizenError } from './errors.js'
import { citizenOf, lockOpenConsultation } from './load.js'
import { tw } from './texts.js'

/** What a consultation can become: the citizen's matter turned out to be a lost document, or an emergency. */
export const CONVERSION_KINDS = ['lost_document', 'sos'] as const
export type ConversionKind = (typeof CONVERSION_KINDS)[number]

const KIND_TH: Record<ConversionKind, string> = { lost_document: 'แจ้งเอกสารหาย', sos: 'เหตุฉุกเฉิน SOS' }

/** The admin LIFF ID: the new case's alert card to the station's group opens it there. */
export type ConvertDeps = CloseDeps & { adminLiffId: string }

/**
 * Turns an open consultation into a new case of another kind for the same citizen, in one transaction: the new case
 * (its own number and first status, filed like any other: alert card to the station's group, live inbox), the
 * consultation closed by the officer with `converted_to_case_id` (no rating asked: the matter goes on), a link entry
 * on both timelines, and the citizen told what happens next. The thread stays on the consultation; the new case's
 * 'created' entry points back to it (`data.fromCaseId`).
 */
export async function convertConsultation(
  tx: Tx,
  deps: ConvertDeps,
  who: ActingOfficer,
  input: { caseId: string; kind: ConversionKind; now: Date },
): Promise<{ caseId: string; referenceNumber: string; outboundIds: string[] }> {
  const { kind, now } = input
  const { case: from } = await lockOpenConsultation(tx, input.caseId, who.stationId)
  const citizen = await citizenOf(tx, from)
  if (!citizen) {
    throw new NoCitizenError()
  }
  const [station] = await tx.select().from(stations).where(eq(stations.id, from.stationId)).limit(1)
  if (!station) {
    throw new Error(`station ${from.stationId} not found`)
  }
  const sos = kind === 'sos'
  const origin = { source: 'consultation', fromCaseId: from.id, fromReference: from.referenceNumber }
  const { case: created, outboundIds: alertIds } = await openCase(tx, {
    station,
    adminLiffId: deps.adminLiffId,
    kind,
    citizenId: citizen.id,
    priority: sos ? 'urgent' : 'normal',
    // Officers' lists read Thai; no personal data in a summary.
    summary: `${KIND_TH[kind]} (จากการปรึกษา ${from.referenceNumber})`,
    // An SOS is about now: the station's own SOS time, pinned in the inbox until someone takes it.
    ...(sos ? { dueAt: new Date(now.getTime() + station.sosDueMinutes * 60_000) } : {}),
    ...(sos ? { contact: { name: citizen.displayName } } : {}),
    data: origin,
    now,
  })

  const link = { caseId: created.id, referenceNumber: created.referenceNumber, kind }
  await closeWith(
    tx,
    deps,
    { caseId: from.id, by: 'officer', officer: who, now },
    { askRating: false, audited: false, data: { convertedTo: link } },
  )
  await tx
    .update(consultations)
    .set({ convertedToCaseId: created.id, updatedAt: now })
    .where(eq(consultations.caseId, from.id))
  await tx.insert(caseEvents).values([
    {
      caseId: from.id,
      type: 'note',
      actorType: 'officer',
      officerId: who.officerId,
      internal: true,
      body: `เปลี่ยนเป็นเรื่อง${KIND_TH[kind]} เลขที่ ${created.referenceNumber}`,
      data: { link: { relation: 'converted_to', ...link } },
      createdAt: now,
    },
    {
      caseId: created.id,
      type: 'note',
      actorType: 'officer',
      officerId: who.officerId,
      internal: true,
      body: `เปิดจากการปรึกษาเลขที่ ${from.referenceNumber} (ข้อความที่คุยกันอยู่ในเรื่องเดิม)`,
      data: {
        ...origin,
        link: {
          relation: 'converted_from',
          caseId: from.id,
          referenceNumber: from.referenceNumber,
          kind: 'consultation',
        },
      },
      createdAt: now,
    },
  ])
  const [k] = await tx
    .select({ language: consultations.language })
    .from(consultations)
    .where(eq(consultations.caseId, from.id))
  const told = await sendToCitizen(
    tx,
    citizen,
    [
      {
        type: 'text',
        text: tw(k?.language ?? citizen.language, `converted.${kind}`, {
          ref: created.referenceNumber,
          from: from.referenceNumber,
        }),
      },
    ],
    { stationId: from.stationId, purpose: 'consultation-convert', now },
  )
  await deps.audit.record(
    tx,
    byOfficer(who, 'consultation.convert', from.id, {
      kind,
      toCaseId: created.id,
      toReference: created.referenceNumber,
      notified: told.via !== 'skipped',
    }),
  )
  return {
    caseId: created.id,
    referenceNumber: created.referenceNumber,
    outboundIds: [...alertIds, ...told.outboundIds],
  }
}
