import { sql } from 'drizzle-orm'
import { index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core'
import { LANGUAGES, type Language } from '../../bot/contracts/citizens.js'
import { createdAt, id, updatedAt } from './columns.js'
import { stations } from './stations.js'

/** The languages the OA speaks (bot/contracts/citizens.ts, shared with the LIFF apps). */
export { LANGUAGES, type Language }

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
    /**
     * Bumped whenever the citizen's rich menu must change (a follow, a language change): the link job's ID is
     * derived from it, and the sweeper re-enqueues citizens whose linked version lags behind.
     */
    menuVersion: integer('menu_version').notNull().default(0),
    menuLinkedVersion: integer('menu_linked_version').notNull().default(0),
    /** Set when the citizen said "ไม่รับข่าวสาร" (or turned announcements off in settings); cleared by "รับข่าวสาร". */
    announcementsOptedOutAt: timestamp('announcements_opted_out_at', { withTimezone: true }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('citizens_station_follow_idx').on(t.stationId, t.followState),
    index('citizens_menu_pending_idx').on(t.updatedAt).where(sql`${t.menuVersion} > ${t.menuLinkedVersion}`),
  ],
)
export type Citizen = typeof citizens.$inferSelect
