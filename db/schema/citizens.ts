import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { createdAt, id, updatedAt } from './columns.js'
import { stations } from './stations.js'

export const LANGUAGES = ['th', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** A LINE user who talks to the OA. Identity is the LINE user ID (per provider). */
export const citizens = pgTable(
  'citizens',
  {
    id: id(),
    lineUserId: text('line_user_id').notNull().unique(),
    stationId: uuid('station_id').references(() => stations.id),
    displayName: text('display_name'),
    language: text('language', { enum: LANGUAGES }).notNull().default('th'),
    /** 'following' after a follow (or any message), 'blocked' after an unfollow. */
    followState: text('follow_state', { enum: ['following', 'blocked'] })
      .notNull()
      .default('following'),
    followedAt: timestamp('followed_at', { withTimezone: true }),
    unfollowedAt: timestamp('unfollowed_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index('citizens_station_follow_idx').on(t.stationId, t.followState)],
)
export type Citizen = typeof citizens.$inferSelect
