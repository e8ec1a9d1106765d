import { seedConsultationDefaults } from '../consultation/settings/seed.js'
import type { Infra } from './infra.js'

/**
 * Consultations' settings (issue #12): a station's office hours, holidays, topics' SLA and common answers. The
 * routes need only the database and the audit log (bot/app.ts registers them); here, at start, every station that
 * never had settings gets its starting point (bot/consultation/settings/seed.ts: once, never over an admin's edits).
 */
export async function composeConsultationSettings({ db, logger }: Infra) {
  const { seeded } = await seedConsultationDefaults(db)
  if (seeded.length > 0) {
    logger.info({ stations: seeded }, 'consultation settings seeded (topics, holidays 2569–2570, common answers)')
  }
  return { seeded }
}
export type ConsultationSettingsDomain = Awaited<ReturnType<typeof composeConsultationSettings>>
