import { eq } from 'drizzle-orm'
import type { ConsultationCloser, ConsultationTopic } from '../../../bot/contracts/consultations.js'
import { type Citizen, caseEvents, cases, citizens, consultations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { fileCase, station } from '../cases/fixtures.js'

/**
 * Consultations written straight to the database for the settings, dashboard and privacy tests (C1), the way the
 * chat and the workflow store them: a case of kind consultation, its consultation row, the thread as message_in /
 * message_out events with encrypted texts, the closing summary and rating comment encrypted. Until helper B's
 * fixtures.ts lands on main; then these may call it instead.
 */
export async function citizenOf(s: Stack, displayName: string): Promise<{ citizen: Citizen; userId: string }> {
  const user = s.emulator.createUser({ displayName, language: 'th' })
  const st = await station(s)
  const [citizen] = await s.db.db
    .insert(citizens)
    .values({ lineUserId: user.userId, stationId: st.id, displayName, followedAt: new Date() })
    .returning()
  if (!citizen) {
    throw new Error('citizen insert returned no row')
  }
  return { citizen, userId: user.userId }
}

export type ThreadMessage = { from: 'citizen' | 'officer'; text: string; at: Date; officerId?: string }

export async function insertConsultation(
  s: Stack,
  input: {
    citizenId: string | null
    topic?: ConsultationTopic
    openedAt: Date
    thread?: ThreadMessage[]
    /** The first officer answer's time (cases.first_response_at). */
    firstResponseAt?: Date
    assigneeId?: string
    closed?: { at: Date; by: ConsultationCloser; summary?: string }
    rating?: { value: number; comment?: string; at: Date }
  },
) {
  const { cipher } = s.deps
  const c = await fileCase(
    s,
    { kind: 'consultation', citizenId: input.citizenId, now: input.openedAt },
    {
      firstResponseAt: input.firstResponseAt ?? null,
      assigneeId: input.assigneeId ?? null,
      ...(input.closed ? { status: 'closed', resolvedAt: input.closed.at } : {}),
    },
  )
  await s.db.db.insert(consultations).values({
    caseId: c.id,
    topic: input.topic ?? 'scam',
    openedVia: 'chat',
    closedBy: input.closed?.by ?? null,
    closedAt: input.closed?.at ?? null,
    closingSummaryEnc: input.closed?.summary ? cipher.encrypt(input.closed.summary) : null,
    rating: input.rating?.value ?? null,
    ratingCommentEnc: input.rating?.comment ? cipher.encrypt(input.rating.comment) : null,
    ratedAt: input.rating?.at ?? null,
    createdAt: input.openedAt,
  })
  for (const m of input.thread ?? []) {
    await s.db.db.insert(caseEvents).values({
      caseId: c.id,
      type: m.from === 'citizen' ? 'message_in' : 'message_out',
      actorType: m.from,
      officerId: m.officerId ?? null,
      bodyEnc: cipher.encrypt(m.text),
      internal: false,
      createdAt: m.at,
    })
  }
  const [row] = await s.db.db.select().from(cases).where(eq(cases.id, c.id))
  return row ?? c
}
