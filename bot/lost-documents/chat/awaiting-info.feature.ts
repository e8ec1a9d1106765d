import { and, desc, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, caseEvents, cases } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { fetchContentAfterCommit, isMediaMessage } from '../../cases/case-media.js'
import { personalBody } from '../../cases/pii.js'
import type { Feature, UserInput } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { T } from './kit.js'

/** The citizen's lost-document case an officer has asked more information for (the latest one, if several). */
export async function awaitingInfoCase(tx: Tx, citizenId: string): Promise<Case | undefined> {
  const [row] = await tx
    .select()
    .from(cases)
    .where(and(eq(cases.citizenId, citizenId), eq(cases.kind, 'lost_document'), eq(cases.status, 'awaiting_info')))
    .orderBy(desc(cases.updatedAt))
    .limit(1)
  return row
}

function bodyOf(input: UserInput, lang: 'th' | 'en'): string | null {
  if (input.kind === 'text') {
    return input.text
  }
  if (input.kind === 'location') {
    const at = T(lang, 'info.location', { lat: input.latitude.toFixed(5), lng: input.longitude.toFixed(5) })
    return [input.title, input.address, at].filter(Boolean).join('\n')
  }
  return null
}

/**
 * "Ask for more information": while an officer waits for it (case status 'awaiting_info'), what the citizen writes
 * joins that case as `message_in` and the bot says so. It runs after every other feature (the last in the list) and
 * never inside a flow, so commands, menus and a report in progress keep working; the case status alone decides.
 * What they write is personal (they answer questions about their ID, their documents, where they live): it is stored
 * encrypted and officers see it masked until they reveal it (audited).
 */
export function createAwaitingInfoFeature({ cipher }: { cipher: Pick<PiiCipher, 'encrypt'> }): Feature {
  return {
    id: 'lost_document_info',
    async handle(turn, ctx) {
      const { tx, input, citizen, now, lang } = turn
      if (turn.state || input.kind === 'postback') {
        return undefined
      }
      const c = await awaitingInfoCase(tx, citizen.id)
      if (!c) {
        return undefined
      }
      const message = turn.event.message as { id?: string; type?: string; fileName?: string } | undefined
      // An image, video, audio or file: its content is fetched from LINE and kept once this commits (fetch-content).
      const media = isMediaMessage(message?.type) && message?.id
      const [entry] = await tx
        .insert(caseEvents)
        .values({
          caseId: c.id,
          type: 'message_in',
          actorType: 'citizen',
          ...personalBody(cipher, bodyOf(input, lang)),
          // Where they were stays inside the encrypted text; the LINE message ID lets media be fetched once stored.
          data: {
            messageType: message?.type ?? input.kind,
            ...(message?.id ? { lineMessageId: message.id } : {}),
            ...(media ? { content: 'pending', ...(message?.fileName ? { fileName: message.fileName } : {}) } : {}),
          },
          createdAt: now,
        })
        .returning({ id: caseEvents.id })
      if (media && entry && message?.id) {
        fetchContentAfterCommit(tx, entry.id, message.id)
      }
      const [updated] = await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, c.id)).returning()
      await notifyCaseChange(tx, updated ?? c, 'updated')
      // A photo (video, voice message, file) is acknowledged as what it is, not as a "message".
      const ack = isMediaMessage(message?.type)
        ? T(lang, 'info.ackMedia', { what: T(lang, `info.media.${message.type}`), ref: c.referenceNumber })
        : T(lang, 'info.ack', { ref: c.referenceNumber })
      return { messages: [{ type: 'text', text: ack, quickReply: ctx.mainMenu(lang) }] }
    },
  }
}
