import { pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt } from './columns.js'
import { stations } from './stations.js'

/** LINE groups the bot is in. An admin binds one to the station: new and urgent cases are posted there. */
export const lineGroups = pgTable('line_groups', {
  groupId: text('group_id').primaryKey(),
  name: text('name'),
  joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
  leftAt: timestamp('left_at', { withTimezone: true }),
  /** Set when an admin binds the group to their station. */
  stationId: uuid('station_id').references(() => stations.id),
  createdAt: createdAt(),
})
