import { eq, inArray } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.js'
import { doNotContact } from '../../db/schema/index.js'
import type { CitizensService } from '../citizens/citizens.service.js'
import { PRIVACY_ANSWER_PURPOSE } from './line-traces.js'
import type { PiiCipher } from './pii-cipher.js'

/** Hash purpose of LINE user IDs: its own space, apart from ID numbers and phones. */
const PURPOSE = 'line_user_id'

/**
 * "Do not contact" after an erasure (PDPA s.33): the LINE user ID is kept only as a keyed hash, and the outbox
 * pushes nothing to it (jobs/deliver-outbound.job.ts asks `blocked`). A reply to a message they send still goes:
 * they started that contact. When they come back of their own accord (they follow the OA again, or write to it or
 * open the LIFF app, which creates a new citizen), the entry is lifted: they are a new citizen who wants answers.
 */
export function createDoNotContact({ db, cipher }: { db: Db; cipher: Pick<PiiCipher, 'keyedHash'> }) {
  const hash = (lineUserId: string) => cipher.keyedHash(PURPOSE, lineUserId)

  async function add(tx: Tx, lineUserId: string, dataRequestId: string) {
    await tx
      .insert(doNotContact)
      .values({ lineUserHash: hash(lineUserId), dataRequestId })
      .onConflictDoNothing()
  }

  async function lift(tx: Tx, lineUserId: string) {
    await tx.delete(doNotContact).where(eq(doNotContact.lineUserHash, hash(lineUserId)))
  }

  /** Which of these recipients must not be pushed to, for a message of this purpose (the request's answer goes). */
  async function blocked(recipients: readonly string[], purpose: string): Promise<Set<string>> {
    if (recipients.length === 0 || purpose === PRIVACY_ANSWER_PURPOSE) {
      return new Set()
    }
    const byHash = new Map(recipients.map((r) => [hash(r), r]))
    const rows = await db
      .select({ h: doNotContact.lineUserHash })
      .from(doNotContact)
      .where(inArray(doNotContact.lineUserHash, [...byHash.keys()]))
    return new Set(rows.flatMap((r) => byHash.get(r.h) ?? []))
  }

  return { hash, add, lift, blocked }
}
export type DoNotContact = ReturnType<typeof createDoNotContact>

/**
 * The citizens service, lifting "do not contact" when the person comes back: a follow, or a first contact that
 * creates their citizen row again (the erased one is a tombstone without their LINE user ID). An existing citizen
 * costs nothing more than before (one lookup).
 */
export function liftDoNotContactOnReturn(citizens: CitizensService, dnc: Pick<DoNotContact, 'lift'>): CitizensService {
  return {
    ...citizens,
    async ensure(tx, lineUserId, init) {
      const existing = await citizens.find(tx, lineUserId)
      if (existing) {
        return existing
      }
      await dnc.lift(tx, lineUserId)
      return citizens.ensure(tx, lineUserId, init)
    },
    async recordFollow(tx, lineUserId, profile) {
      await dnc.lift(tx, lineUserId)
      return citizens.recordFollow(tx, lineUserId, profile)
    },
  }
}
