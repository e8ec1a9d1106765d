import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Case, type CaseKind, caseEvents, citizens } from '../../db/schema/index.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import type { CaseLink, CaseSection } from './views.js'

/**
 * A source of personal data an officer may reveal on a case, e.g. the citizen's name (here) or, from the
 * lost-document feature, the national ID it stores encrypted. Providers are asked in order; the first that knows
 * the field answers. Values leave only through the audited reveal route, never in a list or a log.
 */
export type PiiProvider = {
  /** Kinds it applies to; all kinds when omitted. */
  kinds?: readonly CaseKind[]
  /** The fields this provider can reveal for this case (shown as "revealable" in the case detail). */
  fields(tx: Tx, c: Case): Promise<string[]>
  /** The plain value, or null when this case has no such value. */
  reveal(tx: Tx, c: Case, field: string): Promise<string | null>
  /**
   * What the kind knows about the case, as the officers' case page shows it (every field the citizen gave): personal
   * values masked, each with the `field` that reveals it here.
   */
  sections?(tx: Tx, c: Case): Promise<CaseSection[]>
  /** Links of the case (e.g. the issued record's PDF), relative to the server. */
  links?(tx: Tx, c: Case): Promise<CaseLink[]>
}

/** The citizen's LINE display name (the phone is not kept on the citizen; kind-specific providers add theirs). */
export const citizenPiiProvider: PiiProvider = {
  async fields(tx, c) {
    const name = await citizenName(tx, c)
    return name ? ['displayName'] : []
  },
  async reveal(tx, c, field) {
    return field === 'displayName' ? citizenName(tx, c) : null
  },
}

async function citizenName(tx: Tx, c: Case): Promise<string | null> {
  if (!c.citizenId) {
    return null
  }
  const [row] = await tx
    .select({ displayName: citizens.displayName })
    .from(citizens)
    .where(eq(citizens.id, c.citizenId))
    .limit(1)
  return row?.displayName ?? null
}

/**
 * A timeline entry's text the citizen typed and a flow knows is personal (an answer to "ask for more information"):
 * stored encrypted, shown masked (`{ masked: true, field: 'event_<id>' }`), revealed through the audited route.
 */
export function personalBody(cipher: Pick<PiiCipher, 'encrypt'>, text: string | null) {
  return text === null ? { body: null, bodyEnc: null } : { body: null, bodyEnc: cipher.encrypt(text) }
}

/**
 * Reveals an encrypted timeline entry of the case (`event_<id>`). Not listed in `fields`: the timeline itself says
 * which entries are masked and names their field.
 */
export function caseEventPiiProvider(cipher: Pick<PiiCipher, 'decrypt'>): PiiProvider {
  return {
    async fields() {
      return []
    },
    async reveal(tx, c, field) {
      const id = /^event_(\d{1,15})$/.exec(field)?.[1]
      if (!id) {
        return null
      }
      const [row] = await tx
        .select({ bodyEnc: caseEvents.bodyEnc })
        .from(caseEvents)
        .where(and(eq(caseEvents.id, Number(id)), eq(caseEvents.caseId, c.id)))
        .limit(1)
      return row?.bodyEnc ? cipher.decrypt(row.bodyEnc) : null
    },
  }
}

export function createPiiRegistry(providers: readonly PiiProvider[] = [citizenPiiProvider]) {
  const list = [...providers]
  const applies = (p: PiiProvider, c: Case) => !p.kinds || p.kinds.includes(c.kind)
  return {
    /** Adds a kind-specific provider (the lost-document feature registers its encrypted fields here). */
    register(provider: PiiProvider) {
      list.push(provider)
    },
    async fields(tx: Tx, c: Case): Promise<string[]> {
      const out = new Set<string>()
      for (const p of list.filter((p) => applies(p, c))) {
        for (const f of await p.fields(tx, c)) {
          out.add(f)
        }
      }
      return [...out]
    },
    async reveal(tx: Tx, c: Case, field: string): Promise<string | null> {
      for (const p of list.filter((p) => applies(p, c))) {
        const value = await p.reveal(tx, c, field)
        if (value !== null) {
          return value
        }
      }
      return null
    },
    async sections(tx: Tx, c: Case): Promise<CaseSection[]> {
      const out: CaseSection[] = []
      for (const p of list.filter((p) => applies(p, c))) {
        out.push(...((await p.sections?.(tx, c)) ?? []))
      }
      return out
    },
    async links(tx: Tx, c: Case): Promise<CaseLink[]> {
      const out: CaseLink[] = []
      for (const p of list.filter((p) => applies(p, c))) {
        out.push(...((await p.links?.(tx, c)) ?? []))
      }
      return out
    },
  }
}
export type PiiRegistry = ReturnType<typeof createPiiRegistry>
