import { eq, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Citizen, citizens, type Language } from '../../db/schema/index.js'

/** Citizens are created on first contact (follow or message) and keep their language and follow state. */
export function createCitizensService() {
  async function find(tx: Tx, lineUserId: string): Promise<Citizen | undefined> {
    const [row] = await tx.select().from(citizens).where(eq(citizens.lineUserId, lineUserId)).limit(1)
    return row
  }

  async function ensure(tx: Tx, lineUserId: string, init: { displayName?: string; language?: Language } = {}) {
    const existing = await find(tx, lineUserId)
    if (existing) {
      return existing
    }
    const [row] = await tx
      .insert(citizens)
      .values({ lineUserId, displayName: init.displayName, language: init.language ?? 'th', followedAt: new Date() })
      .onConflictDoNothing({ target: citizens.lineUserId })
      .returning()
    return row ?? (await find(tx, lineUserId)) ?? unreachable()
  }

  async function recordFollow(tx: Tx, lineUserId: string, profile: { displayName?: string; language?: Language }) {
    const now = new Date()
    const [row] = await tx
      .insert(citizens)
      .values({
        lineUserId,
        displayName: profile.displayName,
        language: profile.language ?? 'th',
        followedAt: now,
        menuVersion: 1,
      })
      .onConflictDoUpdate({
        target: citizens.lineUserId,
        // A returning friend keeps the language they chose; the profile only seeds it the first time. Their menu
        // link is renewed either way (LINE drops per-user links when a user blocks the OA).
        set: {
          followState: 'following',
          followedAt: now,
          displayName: profile.displayName,
          menuVersion: sql`${citizens.menuVersion} + 1`,
        },
      })
      .returning()
    return row ?? unreachable()
  }

  async function recordUnfollow(tx: Tx, lineUserId: string) {
    await tx
      .update(citizens)
      .set({ followState: 'blocked', unfollowedAt: new Date() })
      .where(eq(citizens.lineUserId, lineUserId))
  }

  /** Stores the language and asks for the menu of that language (a new menu version). */
  async function setLanguage(tx: Tx, lineUserId: string, language: Language): Promise<Citizen | undefined> {
    const [row] = await tx
      .update(citizens)
      .set({ language, menuVersion: sql`${citizens.menuVersion} + 1` })
      .where(eq(citizens.lineUserId, lineUserId))
      .returning()
    return row
  }

  return { find, ensure, recordFollow, recordUnfollow, setLanguage }
}
export type CitizensService = ReturnType<typeof createCitizensService>

function unreachable(): never {
  throw new Error('upsert returned no row')
}
