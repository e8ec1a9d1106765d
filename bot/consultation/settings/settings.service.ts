import { and, asc, eq, sql } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { consultationTopicSettings, stationHolidays, stations } from '../../../db/schema/index.js'
import {
  CONSULTATION_TOPICS,
  type ConsultationSettings,
  DEFAULT_FIRST_RESPONSE_MINUTES,
  DEFAULT_NEXT_RESPONSE_MINUTES,
  type OfficeHours,
  type TopicSetting,
} from '../../contracts/consultations.js'
import { NotFoundError } from '../../errors.js'
import type { SettingsPut } from './settings.schema.js'

/**
 * Every topic with its setting: a topic the station never set shows the defaults (active, in the contract's order,
 * the default SLA), so the officers' form and the chat always see all topics.
 */
export async function topicSettings(tx: Tx, stationId: string): Promise<TopicSetting[]> {
  const rows = await tx
    .select()
    .from(consultationTopicSettings)
    .where(eq(consultationTopicSettings.stationId, stationId))
  const byTopic = new Map(rows.map((r) => [r.topic, r]))
  return CONSULTATION_TOPICS.map((topic, i) => {
    const r = byTopic.get(topic)
    return {
      topic,
      active: r?.active ?? true,
      position: r?.position ?? i,
      firstResponseMinutes: r?.firstResponseMinutes ?? DEFAULT_FIRST_RESPONSE_MINUTES,
      nextResponseMinutes: r?.nextResponseMinutes ?? DEFAULT_NEXT_RESPONSE_MINUTES,
    }
  }).sort(
    (a, b) => a.position - b.position || CONSULTATION_TOPICS.indexOf(a.topic) - CONSULTATION_TOPICS.indexOf(b.topic),
  )
}

export async function readSettings(tx: Tx, stationId: string): Promise<ConsultationSettings> {
  const [station] = await tx
    .select({ officeHours: stations.officeHours })
    .from(stations)
    .where(eq(stations.id, stationId))
    .limit(1)
  if (!station) {
    throw new NotFoundError('no such station', 'ไม่พบสถานี')
  }
  const holidays = await tx
    .select({ date: stationHolidays.date, nameTh: stationHolidays.nameTh, nameEn: stationHolidays.nameEn })
    .from(stationHolidays)
    .where(eq(stationHolidays.stationId, stationId))
    .orderBy(asc(stationHolidays.date))
  return { officeHours: station.officeHours, holidays, topics: await topicSettings(tx, stationId) }
}

/** Compares office hours by value: jsonb gives the keys back in its own order ("to" before "from"). */
function hoursKey(hours: OfficeHours): string {
  return (['0', '1', '2', '3', '4', '5', '6'] as const)
    .map((d) => `${d}:${(hours[d] ?? []).map((p) => `${p.from}-${p.to}`).join(',')}`)
    .join(' ')
}

/** What changed, for the audit line: counts and names, never a whole list. */
export type SettingsChange = {
  officeHours?: { from: unknown; to: unknown }
  holidays?: { from: number; to: number; added: string[]; removed: string[] }
  topics?: Record<string, { from: Partial<TopicSetting>; to: Partial<TopicSetting> }>
}

/** Applies the parts that were sent, in the caller's transaction; returns the settings after and what changed. */
export async function updateSettings(tx: Tx, stationId: string, put: SettingsPut) {
  const before = await readSettings(tx, stationId)
  const change: SettingsChange = {}
  if (put.officeHours && hoursKey(put.officeHours) !== hoursKey(before.officeHours)) {
    await tx.update(stations).set({ officeHours: put.officeHours }).where(eq(stations.id, stationId))
    change.officeHours = { from: before.officeHours, to: put.officeHours }
  }
  if (put.holidays) {
    const was = new Map(before.holidays.map((h) => [h.date, h]))
    const now = new Map(put.holidays.map((h) => [h.date, h]))
    const edited = put.holidays.some((h) => {
      const old = was.get(h.date)
      return !old || old.nameTh !== h.nameTh || old.nameEn !== h.nameEn
    })
    if (edited || was.size !== now.size) {
      await tx.delete(stationHolidays).where(eq(stationHolidays.stationId, stationId))
      if (put.holidays.length > 0) {
        await tx.insert(stationHolidays).values(put.holidays.map((h) => ({ stationId, ...h })))
      }
      change.holidays = {
        from: was.size,
        to: now.size,
        added: [...now.keys()].filter((d) => !was.has(d)).sort(),
        removed: [...was.keys()].filter((d) => !now.has(d)).sort(),
      }
    }
  }
  for (const t of put.topics ?? []) {
    const old = before.topics.find((b) => b.topic === t.topic)
    const keys = (['active', 'position', 'firstResponseMinutes', 'nextResponseMinutes'] as const).filter(
      (k) => old?.[k] !== t[k],
    )
    if (keys.length === 0) {
      continue
    }
    const { topic, ...values } = t
    await tx
      .insert(consultationTopicSettings)
      .values({ stationId, ...t })
      .onConflictDoUpdate({
        target: [consultationTopicSettings.stationId, consultationTopicSettings.topic],
        set: { ...values, updatedAt: sql`now()` },
      })
    change.topics ??= {}
    change.topics[topic] = {
      from: Object.fromEntries(keys.map((k) => [k, old?.[k]])),
      to: Object.fromEntries(keys.map((k) => [k, t[k]])),
    }
  }
  return { after: await readSettings(tx, stationId), change }
}

/** For the chat and the SLA (A, C2): one topic's setting, the defaults when the station never set it. */
export async function topicSetting(tx: Tx, stationId: string, topic: TopicSetting['topic']): Promise<TopicSetting> {
  const [row] = await tx
    .select()
    .from(consultationTopicSettings)
    .where(and(eq(consultationTopicSettings.stationId, stationId), eq(consultationTopicSettings.topic, topic)))
    .limit(1)
  return {
    topic,
    active: row?.active ?? true,
    position: row?.position ?? CONSULTATION_TOPICS.indexOf(topic),
    firstResponseMinutes: row?.firstResponseMinutes ?? DEFAULT_FIRST_RESPONSE_MINUTES,
    nextResponseMinutes: row?.nextResponseMinutes ?? DEFAULT_NEXT_RESPONSE_MINUTES,
  }
}
