import { and, desc, eq, gt, isNull, ne, or, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import {
  type Case,
  type Citizen,
  type Consultation,
  caseEvents,
  cases,
  consultations,
  type Station,
} from '../../db/schema/index.js'
import { notifyCaseChange } from '../cases/case-feed.js'
import { fetchContentAfterCommit, isMediaMessage } from '../cases/case-media.js'
import { createCase } from '../cases/cases.service.js'
import { personalBody } from '../cases/pii.js'
import {
  CONSULTATION_REOPEN_DAYS,
  CONSULTATION_TOPIC_LABELS,
  type ConsultationChannel,
  type ConsultationTopic,
} from '../contracts/consultations.js'
import type { PiiCipher } from '../privacy/pii-cipher.js'
import { topicSla } from './chat/topics.js'
import { addOfficeMinutes, isOpen, loadCalendar, nextOpening } from './office-hours.js'
import { reopenConsultation } from './workflow/reopen.js'

/** The LINE message that carried the question, when it is a photo or a file (its content is fetched once stored). */
export type QuestionMessage = { id: string; type: string; fileName?: string }

export type OpenConsultationInput = {
  station: Pick<Station, 'id' | 'code'>
  citizen: Pick<Citizen, 'id' | 'language'>
  topic: ConsultationTopic
  via: ConsultationChannel
  now: Date
  question?: { text?: string; lineMessage?: QuestionMessage }
}

export type OpenedConsultation = {
  case: Case
  consultation: Consultation
  /** The first answer is due then (office minutes of the topic's SLA); null when the office never opens. */
  expectedBy: Date | null
  /** Asked while the office is closed: `opensAt` says when it opens. */
  outOfHours: boolean
  opensAt: Date | null
}

/**
 * Opens a consultation in the caller's transaction: the case (kind consultation, status 'waiting', RYG-CON-2569-…,
 * due at the topic's first-response SLA counted in office minutes), its consultations row, the question as the
 * thread's first `message_in` (the text encrypted: the thread is personal data; a photo or file fetched once this
 * commits) and the officers' live inbox told. No alert to the station's group: a missed SLA escalates (workflow).
 */
export function createConsultationOpener({ cipher }: { cipher: Pick<PiiCipher, 'encrypt'> }) {
  return async function openConsultation(tx: Tx, input: OpenConsultationInput): Promise<OpenedConsultation> {
    const { station, citizen, topic, via, now, question } = input
    const cal = await loadCalendar(tx, station.id)
    const sla = await topicSla(tx, station.id, topic)
    const expectedBy = addOfficeMinutes(cal, now, sla.first)
    const created = await createCase(tx, {
      station,
      kind: 'consultation',
      citizenId: citizen.id,
      // A line for lists that names no one: the topic only (the question itself is personal).
      summary: CONSULTATION_TOPIC_LABELS[topic].th,
      dueAt: expectedBy ?? undefined,
      data: { topic, via },
      now,
    })
    const asked = Boolean(question?.text || question?.lineMessage)
    const [consultation] = await tx
      .insert(consultations)
      .values({
        caseId: created.id,
        topic,
        language: citizen.language,
        openedVia: via,
        lastCitizenMessageAt: asked ? now : null,
        createdAt: now,
      })
      .returning()
    if (!consultation) {
      throw new Error('consultation insert returned no row')
    }
    if (question && asked) {
      await firstMessage(tx, cipher, created.id, question, now)
    }
    await notifyCaseChange(tx, created, 'created')
    const outOfHours = !isOpen(cal, now)
    return { case: created, consultation, expectedBy, outOfHours, opensAt: outOfHours ? nextOpening(cal, now) : null }
  }
}
export type OpenConsultation = ReturnType<typeof createConsultationOpener>

async function firstMessage(
  tx: Tx,
  cipher: Pick<PiiCipher, 'encrypt'>,
  caseId: string,
  question: NonNullable<OpenConsultationInput['question']>,
  now: Date,
) {
  const m = question.lineMessage
  const media = Boolean(m && isMediaMessage(m.type))
  const [entry] = await tx
    .insert(caseEvents)
    .values({
      caseId,
      type: 'message_in',
      actorType: 'citizen',
      ...personalBody(cipher, question.text ?? null),
      data: {
        messageType: m?.type ?? 'text',
        ...(m ? { lineMessageId: m.id } : {}),
        ...(media ? { content: 'pending', ...(m?.fileName ? { fileName: m.fileName } : {}) } : {}),
      },
      createdAt: now,
    })
    .returning({ id: caseEvents.id })
  if (media && entry && m) {
    fetchContentAfterCommit(tx, entry.id, m.id)
  }
}

export type Thread = { case: Case; consultation: Consultation; closed: boolean }

/**
 * The citizen's consultation their next message belongs to: the open one, else one closed less than
 * CONSULTATION_REOPEN_DAYS ago (that message re-opens it). Converted consultations live on in their new case, and
 * purged ones are gone: neither takes messages.
 */
export async function openThreadOf(tx: Tx, citizenId: string, now: Date): Promise<Thread | undefined> {
  const since = new Date(now.getTime() - CONSULTATION_REOPEN_DAYS * 24 * 60 * 60 * 1000)
  const [row] = await tx
    .select({ c: cases, k: consultations })
    .from(cases)
    .innerJoin(consultations, eq(consultations.caseId, cases.id))
    .where(
      and(
        eq(cases.citizenId, citizenId),
        eq(cases.kind, 'consultation'),
        isNull(cases.personalDataPurgedAt),
        isNull(consultations.convertedToCaseId),
        or(ne(cases.status, 'closed'), gt(consultations.closedAt, since)),
      ),
    )
    .orderBy(sql`(${cases.status} = 'closed')`, desc(cases.updatedAt))
    .limit(1)
  return row ? { case: row.c, consultation: row.k, closed: row.c.status === 'closed' } : undefined
}

/**
 * The citizen wrote within the re-open window after a close: the same consultation goes back to the officers' queue
 * through the workflow ('waiting', reopen_count + 1). Its answer is due at the topic's SLA from now: the
 * first-response SLA when no officer had answered yet (the old due time has passed), else the next-response one.
 */
export async function reopenByCitizen(tx: Tx, thread: Thread, now: Date): Promise<Thread> {
  const { case: reopened, consultation: k } = await reopenConsultation(tx, {
    caseId: thread.case.id,
    by: 'citizen',
    now,
  })
  const cal = await loadCalendar(tx, reopened.stationId)
  const sla = await topicSla(tx, reopened.stationId, k.topic)
  const answered = reopened.firstResponseAt !== null
  const due = addOfficeMinutes(cal, now, answered ? sla.next : sla.first)
  if (answered) {
    const [kept] = await tx
      .update(consultations)
      .set({ nextResponseDueAt: due })
      .where(eq(consultations.caseId, reopened.id))
      .returning()
    return { case: reopened, consultation: kept ?? k, closed: false }
  }
  const [c] = await tx.update(cases).set({ dueAt: due }).where(eq(cases.id, reopened.id)).returning()
  return { case: c ?? reopened, consultation: k, closed: false }
}
