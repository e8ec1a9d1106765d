import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../../db/client.js'
import {
  type Case,
  type Consultation,
  caseEvents,
  cases,
  consultations,
  consultationTopicSettings,
} from '../../../db/schema/index.js'
import { notifyCaseChange } from '../../cases/case-feed.js'
import { fetchContentAfterCommit, isMediaMessage } from '../../cases/case-media.js'
import { personalBody } from '../../cases/pii.js'
import { canMove, isResolved } from '../../cases/statuses.js'
import { DEFAULT_NEXT_RESPONSE_MINUTES } from '../../contracts/consultations.js'
import type { UserInput } from '../../conversation/types.js'
import type { LineEvent } from '../../line/events.schema.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { addOfficeMinutes, loadCalendar } from '../office-hours.js'

export type ThreadDeps = { cipher: Pick<PiiCipher, 'encrypt'> }

export type CitizenMessageInput = {
  case: Case
  consultation: Consultation
  /** The LINE event that carried the message (its message ID lets media be fetched once stored). */
  event: LineEvent
  input: UserInput
  now: Date
}

export type CitizenMessageResult = {
  eventId: number
  /** An image, video, audio or file: its content is fetched from LINE once the transaction commits. */
  media: boolean
  /** When the next officer's answer is due (null while the first answer is still awaited: that is cases.due_at). */
  nextResponseDueAt: Date | null
}

type LineMessageFields = {
  id?: string
  type?: string
  fileName?: string
  packageId?: string
  stickerId?: string
}

/** The text kept on the timeline: what they typed, or where they are (a location is as personal as a text). */
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

/** The SLA of a further answer, in office minutes (the station's setting for the topic, else the default). */
async function nextResponseMinutes(tx: Tx, stationId: string, topic: Consultation['topic']): Promise<number> {
  const [row] = await tx
    .select({ minutes: consultationTopicSettings.nextResponseMinutes })
    .from(consultationTopicSettings)
    .where(and(eq(consultationTopicSettings.stationId, stationId), eq(consultationTopicSettings.topic, topic)))
    .limit(1)
  return row?.minutes ?? DEFAULT_NEXT_RESPONSE_MINUTES
}

/**
 * Whether this message starts a new wait for an officer: an officer has answered since the citizen last wrote.
 * While the citizen writes several messages in a row the first one's due time stands (the SLA is not pushed back
 * by every message), and before the first answer the due time is the case's own (cases.due_at).
 */
function startsNewWait(co: Pick<Consultation, 'lastOfficerMessageAt' | 'lastCitizenMessageAt'>): boolean {
  if (!co.lastOfficerMessageAt) {
    return false
  }
  return !co.lastCitizenMessageAt || co.lastOfficerMessageAt >= co.lastCitizenMessageAt
}

/**
 * A citizen's message joins their open consultation's thread as `message_in`: the text encrypted (the thread is
 * personal data), media fetched from LINE and kept once this commits (LINE deletes content after a while), the
 * consultation's last message time and the next answer's due time set, an answered consultation back to
 * 'in_progress', and the officers' inbox told. A's chat calls it in the turn's transaction while a thread is open.
 */
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
        ...(message?.type === 'sticker' ? { packageId: message.packageId, stickerId: message.stickerId } : {}),
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

  let nextResponseDueAt = co.nextResponseDueAt
  if (startsNewWait(co)) {
    const cal = await loadCalendar(tx, c.stationId)
    const minutes = await nextResponseMinutes(tx, c.stationId, co.topic)
    nextResponseDueAt = addOfficeMinutes(cal, now, minutes) ?? new Date(now.getTime() + minutes * 60_000)
  }
  await tx
    .update(consultations)
    .set({ lastCitizenMessageAt: now, nextResponseDueAt, updatedAt: now })
    .where(eq(consultations.caseId, c.id))

  // An answered consultation (or one waiting for the citizen's information) is the officers' turn again.
  const reopen = (c.status === 'answered' || c.status === 'awaiting_info') && canMove(c.kind, c.status, 'in_progress')
  if (reopen) {
    await tx.insert(caseEvents).values({
      caseId: c.id,
      type: 'status',
      actorType: 'citizen',
      fromStatus: c.status,
      toStatus: 'in_progress',
      createdAt: now,
    })
  }
  const [updated] = await tx
    .update(cases)
    .set({
      updatedAt: now,
      ...(reopen ? { status: 'in_progress', resolvedAt: isResolved(c.kind, 'in_progress') ? c.resolvedAt : null } : {}),
    })
    .where(eq(cases.id, c.id))
    .returning()
  await notifyCaseChange(tx, updated ?? c, 'updated')
  return { eventId: entry.id, media, nextResponseDueAt }
}
