import { integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core'
import { DEFAULT_OFFICE_HOURS, type OfficeHours } from '../../bot/contracts/consultations.js'
import { createdAt, id, updatedAt } from './columns.js'

/** A police station. Every row that belongs to a station carries its station, so one deployment serves many. */
export const stations = pgTable('stations', {
  id: id(),
  /** Short code used in reference numbers, e.g. RYG in RYG-2569-000123. */
  code: text('code').notNull().unique(),
  nameTh: text('name_th').notNull(),
  nameEn: text('name_en').notNull(),
  addressTh: text('address_th').notNull(),
  addressEn: text('address_en').notNull(),
  phone: text('phone').notNull(),
  /** Other numbers to show, e.g. [{labelTh, labelEn, number}] (duty desk, investigation, traffic). */
  phones: jsonb('phones').$type<{ labelTh: string; labelEn: string; number: string }[]>().notNull().default([]),
  hoursTh: text('hours_th').notNull().default('เปิดให้บริการตลอด 24 ชั่วโมง'),
  hoursEn: text('hours_en').notNull().default('Open 24 hours'),
  /** Services offered at the counter, one per line. */
  servicesTh: text('services_th').notNull().default(''),
  servicesEn: text('services_en').notNull().default(''),
  /** Landmarks of the zone [{nameTh, nameEn, latitude, longitude}]. */
  landmarks: jsonb('landmarks')
    .$type<{ nameTh: string; nameEn: string; latitude: number; longitude: number }[]>()
    .notNull()
    .default([]),
  latitude: text('latitude'),
  longitude: text('longitude'),
  /** GeoJSON polygon of the jurisdiction (Smart Safety Zone), when known. */
  jurisdiction: jsonb('jurisdiction'),
  /** LINE group the station's officers read alerts in (bound by an admin). */
  lineGroupId: text('line_group_id'),
  /**
   * How long an ended case keeps its personal data (days after resolution); then the retention job removes it and
   * keeps the counts and the record's public verification. Set by the station (PDPA s.37(3)); default one year.
   */
  personalDataRetentionDays: integer('personal_data_retention_days').notNull().default(365),
  /**
   * Minutes officers have to take an SOS case (its due time); an unclaimed SOS stays pinned at the top of the inbox
   * and is overdue after this. Set by the station; default 10 minutes.
   */
  sosDueMinutes: integer('sos_due_minutes').notNull().default(10),
  /**
   * When the station's office answers consultations: periods per Bangkok weekday (bot/contracts/consultations.ts);
   * holidays are in station_holidays. Set by the admin; default Monday–Friday 08:30–16:30.
   */
  officeHours: jsonb('office_hours').$type<OfficeHours>().notNull().default(DEFAULT_OFFICE_HOURS),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
})
export type Station = typeof stations.$inferSelect
