import { eq } from 'drizzle-orm'
import { notifyCaseChange } from '../../../bot/cases/case-feed.js'
import { createCase } from '../../../bot/cases/cases.service.js'
import type { ConsultationTopic } from '../../../bot/contracts/consultations.js'
import { type Case, type Consultation, cases, consultations, stations } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { station } from '../cases/fixtures.js'

/**
 * A consultation as the citizen's chat opens it (case of kind consultation in 'waiting' + its consultations row), written
 * directly: the workflow's tests do not depend on the chat. `set` / `detail` then adjust fields a test needs.
 */
export async function insertConsultation(
  s: Stack,
  input: {
    citizenId?: string | null
    topic?: ConsultationTopic
    language?: 'th' | 'en'
    dueAt?: Date
    now?: Date
    stationCode?: string
  } = {},
  set: Partial<typeof cases.$inferInsert> = {},
  detail: Partial<typeof consultations.$inferInsert> = {},
): Promise<{ case: Case; consultation: Consultation }> {
  const st = await station(s, input.stationCode)
  const now = input.now ?? new Date()
  const topic = input.topic ?? 'scam'
  return s.db.db.transaction(async (tx) => {
    let c = await createCase(tx, {
      station: st,
      kind: 'consultation',
      citizenId: input.citizenId ?? null,
      summary: topic,
      dueAt: input.dueAt,
      data: { topic },
      now,
    })
    if (Object.keys(set).length > 0) {
      const [updated] = await tx.update(cases).set(set).where(eq(cases.id, c.id)).returning()
      c = updated ?? c
    }
    const [k] = await tx
      .insert(consultations)
      .values({
        caseId: c.id,
        topic,
        language: input.language ?? 'th',
        openedVia: 'chat',
        lastCitizenMessageAt: now,
        createdAt: now,
        ...detail,
      })
      .returning()
    if (!k) {
      throw new Error('consultation insert returned no row')
    }
    await notifyCaseChange(tx, c, 'created')
    return { case: c, consultation: k }
  })
}

/** Binds a LINE group (the bot in it) to the station: where alerts and escalations go. */
export async function bindStationGroup(s: Stack, code = 'RYG') {
  const member = s.emulator.createUser({ displayName: 'ร.ต.อ. เวร', language: 'th' })
  const group = s.emulator.createGroup({ groupName: `ศูนย์วิทยุ ${code}`, memberIds: [member.userId] })
  await s.emulator.joinGroup(group.groupId)
  await s.db.db.update(stations).set({ lineGroupId: group.groupId }).where(eq(stations.code, code))
  return group.groupId
}

export async function consultationRow(s: Stack, caseId: string) {
  const [k] = await s.db.db.select().from(consultations).where(eq(consultations.caseId, caseId))
  return k
}

export async function caseRow(s: Stack, caseId: string) {
  const [c] = await s.db.db.select().from(cases).where(eq(cases.id, caseId))
  return c
}
