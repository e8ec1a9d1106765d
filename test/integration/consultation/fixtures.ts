import { eq } from 'drizzle-orm'
import type { ConsultationTopic } from '../../../bot/contracts/consultations.js'
import { type Case, type Consultation, cases, consultations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { fileCase } from '../cases/fixtures.js'

export { type Api, apiAs, befriend, station } from '../cases/fixtures.js'

/**
 * A consultation as the citizen's chat would open it (case of kind 'consultation', status 'waiting', RYG-CON-…,
 * its consultations row), written directly so the officers' side can be tested on its own. Shared by the
 * consultation tests (A, B, C may reuse it).
 */
export async function openTestConsultation(
  s: Stack,
  input: {
    citizenId: string
    topic?: ConsultationTopic
    summary?: string
    now?: Date
    dueAt?: Date | null
    language?: 'th' | 'en'
  },
  set: Partial<typeof consultations.$inferInsert> = {},
): Promise<{ case: Case; consultation: Consultation }> {
  const now = input.now ?? new Date()
  const c = await fileCase(
    s,
    { kind: 'consultation', citizenId: input.citizenId, summary: input.summary ?? 'ปรึกษาข้อกฎหมาย', now },
    input.dueAt === undefined ? {} : { dueAt: input.dueAt },
  )
  const [co] = await s.db.db
    .insert(consultations)
    .values({
      caseId: c.id,
      topic: input.topic ?? 'scam',
      language: input.language ?? 'th',
      openedVia: 'chat',
      lastCitizenMessageAt: now,
      createdAt: now,
      ...set,
    })
    .returning()
  if (!co) {
    throw new Error('consultation insert returned no row')
  }
  const [fresh] = await s.db.db.select().from(cases).where(eq(cases.id, c.id))
  return { case: fresh ?? c, consultation: co }
}
