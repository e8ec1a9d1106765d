import distance from '@turf/distance'
import { point } from '@turf/helpers'
import { and, eq, inArray, isNull } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, caseEvents, cases, type HouseWatch, houseWatches } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { formatDay } from '../../contracts/dates.js'
import type { ThaiAddress } from '../../contracts/house-watch.js'
import type { ValidEnrolment } from '../../contracts/house-watch-enrol.js'

/** The case's one line in the inbox: the tambon and the period in the Buddhist Era ("ท่าประดู่ 4 ธ.ค. 2569 – 8 ธ.ค. 2569"). */
export function watchSummary(subdistrict: string, startsOn: string, endsOn: string): string {
  return `${subdistrict} ${formatDay('th', startsOn)} – ${formatDay('th', endsOn)}`.slice(0, 200)
}

/** Two pins this close are one house (a phone's GPS indoors wanders by tens of metres). */
const SAME_HOUSE_METERS = 60

const key = (a: ThaiAddress | null) =>
  a
    ? [a.houseNo, a.moo, a.subdistrict, a.district].map((p) => (p ?? '').toLowerCase().replace(/\s+/g, '')).join('|')
    : ''

/**
 * The citizen's open watch of the same house (same house number, หมู่, ตำบล and อำเภอ, or a pin within
 * SAME_HOUSE_METERS), if any: a second request for it extends it rather than filing another.
 */
export async function sameHouseWatch(
  tx: Tx,
  citizenId: string,
  e: ValidEnrolment,
  openStatuses: string[],
): Promise<{ c: Case; w: HouseWatch } | undefined> {
  const rows = await tx
    .select({ c: cases, w: houseWatches })
    .from(houseWatches)
    .innerJoin(cases, eq(cases.id, houseWatches.caseId))
    .where(
      and(
        eq(cases.citizenId, citizenId),
        eq(cases.kind, 'house_watch'),
        inArray(cases.status, openStatuses),
        isNull(houseWatches.endedAt),
      ),
    )
  const here = point([e.location.lng, e.location.lat])
  return rows.find(({ w }) => {
    const near =
      w.latitude !== null &&
      w.longitude !== null &&
      distance(here, point([w.longitude, w.latitude]), { units: 'meters' }) <= SAME_HOUSE_METERS
    return near || key(w.address) === key(e.address)
  })
}

/**
 * Widens the open watch to cover the new request's dates (the earlier start, the later end), takes the owner's
 * latest contact details, notes and notify choice, counts the extension and puts it on the timeline.
 */
export async function extendWatch(
  tx: Tx,
  open: { c: Case; w: HouseWatch },
  input: {
    enrolment: ValidEnrolment
    personal: Partial<typeof houseWatches.$inferInsert>
    idempotencyKey: string
    now: Date
  },
): Promise<{ startsOn: string; endsOn: string }> {
  const { w, c } = open
  const { enrolment, now } = input
  // ISO dates sort as text: the earlier start and the later end of the two periods.
  const [startsOn = w.startsOn] = [enrolment.startsOn, w.startsOn].sort()
  const [, endsOn = w.endsOn] = [enrolment.endsOn, w.endsOn].sort()
  await tx
    .update(houseWatches)
    .set({
      ...input.personal,
      startsOn,
      endsOn,
      extendedCount: w.extendedCount + 1,
      // A new end date asks "are you home?" again on that day.
      ...(endsOn !== w.endsOn ? { endQuestionSentAt: null } : {}),
      updatedAt: now,
    })
    .where(eq(houseWatches.caseId, c.id))
  await tx.insert(caseEvents).values({
    caseId: c.id,
    type: 'note',
    actorType: 'citizen',
    body: null,
    data: {
      houseWatch: 'extended',
      from: { startsOn: w.startsOn, endsOn: w.endsOn },
      to: { startsOn, endsOn },
      idempotencyKey: input.idempotencyKey,
    },
    createdAt: now,
  })
  const summary = watchSummary(w.address?.subdistrict ?? enrolment.address.subdistrict, startsOn, endsOn)
  const [updated] = await tx.update(cases).set({ summary, updatedAt: now }).where(eq(cases.id, c.id)).returning()
  await notifyCaseChange(tx, updated ?? c, 'updated')
  return { startsOn, endsOn }
}
