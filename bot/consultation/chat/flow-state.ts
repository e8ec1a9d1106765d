import type { ConsultationTopic } from '../../contracts/consultations.js'
import type { FlowState } from '../../conversation/types.js'
import { COMMENT_TTL_MS, FLOW, FLOW_TTL_MS, type Step } from './kit.js'
import { isTopic } from './topics.js'

/**
 * A consultation being started, as stored in conversation_states.data: the topic, how it was started, the common
 * answers' outcome row, after a rating the case the comment is for and, when the start's own sentence told the
 * question, that question encrypted (personal data is never stored in clear here).
 */
export type Flow = {
  step: Step
  topic?: ConsultationTopic
  via: 'chat' | 'richmenu'
  /** The consultation_answer_outcomes row of the common answers shown (its outcome is decided by the next tap). */
  outcomeId?: number
  /** Taps and texts in a row that were no answer to the step: the third ends the start. */
  misses?: number
  caseId?: string
  /** The question told in the start's sentence (sentence.ts), encrypted: the consultation opens with it. */
  questionEnc?: string
  /** Another service's flow this start interrupted (bot/conversation/set-aside.ts): given back when it ends. */
  setAside?: unknown
}

export function readFlow(state: FlowState | null): Flow | undefined {
  if (state?.flow !== FLOW) {
    return undefined
  }
  const d = state.data as Partial<Record<keyof Flow, unknown>>
  return {
    step: state.step as Step,
    via: d.via === 'richmenu' ? 'richmenu' : 'chat',
    ...(typeof d.topic === 'string' && isTopic(d.topic) ? { topic: d.topic } : {}),
    ...(typeof d.outcomeId === 'number' ? { outcomeId: d.outcomeId } : {}),
    ...(typeof d.misses === 'number' ? { misses: d.misses } : {}),
    ...(typeof d.caseId === 'string' ? { caseId: d.caseId } : {}),
    ...(typeof d.questionEnc === 'string' ? { questionEnc: d.questionEnc } : {}),
    ...(d.setAside ? { setAside: d.setAside } : {}),
  }
}

export function writeFlow(flow: Flow, now: Date): FlowState {
  const { step, ...data } = flow
  const ttl = step === 'comment' ? COMMENT_TTL_MS : FLOW_TTL_MS
  // A flow set aside lives as long as it would have: this start must not shorten it.
  const keptUntil = Date.parse((flow.setAside as { expiresAt?: string } | undefined)?.expiresAt ?? '') || 0
  return { flow: FLOW, step, data, expiresAt: new Date(Math.max(now.getTime() + ttl, keptUntil)) }
}
