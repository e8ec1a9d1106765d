import { eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import { type Case, type Consultation, caseEvents, cases, consultations } from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { fetchContentAfterCommit, isMediaMessage } from '../../cases/case-media.js'
import { personalBody } from '../../cases/pii.js'
import type { UserInput } from '../../conversation/types.js'
import type { LineEvent } from '../../line/events.schema.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'

// A THIN VERSION written by the citizen chat (helper A) with the agreed signature, so the chat can be built and
// tested before the officers' side lands: B's file replaces this one (next-response SLA, status moves).

export type ThreadDeps = { cipher: Pick<PiiCipher, 'encrypt'> }

export type CitizenMessageInput = {
  case: Case
  consultation: Consultation
  /** The LINE event that carried the message (its message ID lets media be fetched once stored). */
  event: LineEvent
  input: UserInput
  now: Date
}

export type CitizenMessageResult = { eventId: number; media: boolean; nextResponseDueAt: Date | null }

type LineMessageFields = { id?: string; type?: string; fileName?: string; packageId?: string; stickerId?: string }

function bodyOf(input: UserInput): string | null {
  if (input.kind === 'text') {
    return input.text
  }
  if (input.kind === 'location') {
    const at = `${input.latitude.toFixed(5)}, ${input.longitude.toFixed(5)}`
    return [input.title, input.address, at].filter(Boolean).join('\n')
  }
  return null
}

/** A citizen's message joins their consultation's thread as `message_in` (text encrypted, media fetched later). */
export async function addCitizenMessage(
  tx: Tx,
  deps: ThreadDeps,
  { case: c, consultation: co, event, input, now }: CitizenMessageInput,
): Promise<CitizenMessageResult> {
  const message = (event as { message?: LineMessageFields }).message
  const media = Boolean(isMediaMessage(message?.type) && message?.id)
  const [entry] = await tx
    .insert(caseEvents)
    .values({
      caseId: c.id,
      type: 'message_in',
      actorType: 'citizen',
      ...personalBody(deps.cipher, bodyOf(input)),
      data: {
        messageType: message?.type ?? input.kind,
        ...(message?.id ? { lineMessageId: message.id } : {}),
        ...(media ? { content: 'pending', ...(message?.fileName ? { fileName: message.fileName } : {}) } : {}),
      },
      createdAt: now,
    })
    .returning({ id: caseEvents.id })
  if (!entry) {
    throw new Error('case event insert returned no row')
  }
  if (media && message?.id) {
    fetchContentAfterCommit(tx, entry.id, message.id)
  }
  await tx
    .update(consultations)
    .set({ lastCitizenMessageAt: now, updatedAt: now })
    .where(eq(consultations.caseId, c.id))
  const [updated] = await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, c.id)).returning()
  await notifyCaseChange(tx, updated ?? c, 'updated')
  return { eventId: entry.id, media, nextResponseDueAt: co.nextResponseDueAt }
}
