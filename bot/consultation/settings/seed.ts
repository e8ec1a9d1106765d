import { notExists, sql } from 'drizzle-orm'
import type { Db } from '../../../db/client.js'
import { consultationAnswers, consultationTopicSettings, stationHolidays, stations } from '../../../db/schema/index.js'
import {
  CONSULTATION_TOPICS,
  DEFAULT_FIRST_RESPONSE_MINUTES,
  DEFAULT_NEXT_RESPONSE_MINUTES,
} from '../../contracts/consultations.js'
import { SEED_ANSWERS } from './seed-answers.js'
import { THAI_PUBLIC_HOLIDAYS } from './seed-holidays.js'

/**
 * Gives every station that has never had consultation settings its starting point: one setting per topic (active,
 * the contract's order, the default SLA), the Thai public holidays of 2569–2570 and a few common answers per topic.
 * Runs at each start (web and worker) and is a no-op once a station has topic settings: the topic rows are the
 * marker (the API upserts them and never deletes one), so an admin who deletes a seeded holiday or answer never sees
 * it come back. Two processes starting together: the second one's insert waits on the first's rows and skips.
 */
export async function seedConsultationDefaults(db: Db): Promise<{ seeded: string[] }> {
  const fresh = await db
    .select({ id: stations.id, code: stations.code })
    .from(stations)
    .where(
      notExists(
        db
          .select({ one: sql`1` })
          .from(consultationTopicSettings)
          .where(sql`${consultationTopicSettings.stationId} = ${stations.id}`),
      ),
    )
  const seeded: string[] = []
  for (const station of fresh) {
    const done = await db.transaction(async (tx) => {
      const topics = await tx
        .insert(consultationTopicSettings)
        .values(
          CONSULTATION_TOPICS.map((topic, position) => ({
            stationId: station.id,
            topic,
            active: true,
            position,
            firstResponseMinutes: DEFAULT_FIRST_RESPONSE_MINUTES,
            nextResponseMinutes: DEFAULT_NEXT_RESPONSE_MINUTES,
          })),
        )
        .onConflictDoNothing()
        .returning({ topic: consultationTopicSettings.topic })
      if (topics.length < CONSULTATION_TOPICS.length) {
        return false // another process seeded it meanwhile (or began to: its rows win)
      }
      await tx
        .insert(stationHolidays)
        .values(THAI_PUBLIC_HOLIDAYS.map((h) => ({ stationId: station.id, ...h })))
        .onConflictDoNothing()
      await tx
        .insert(consultationAnswers)
        .values(
          CONSULTATION_TOPICS.flatMap((topic) =>
            SEED_ANSWERS[topic].map((a, position) => ({ stationId: station.id, topic, position, ...a })),
          ),
        )
      return true
    })
    if (done) {
      seeded.push(station.code)
    }
  }
  return { seeded }
}
