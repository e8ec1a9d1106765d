import { randomUUID } from 'node:crypto'
import type { FlowState } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { type Collected, FLOW, FLOW_TTL_MS, type Step } from './kit.js'

/**
 * The chat flow's state as stored in conversation_states.data. What the citizen typed (name, ID number, phone,
 * address) is one encrypted blob: conversation state sits in the database for up to a day like any other data.
 */
type Stored = {
  /** The report's idempotency key: the same flow can never file two reports. */
  key: string
  /** When the citizen last answered (ISO): after a long pause we ask whether to continue. */
  lastAt: string
  /** The step to go back to from the "continue?" question. */
  resumeStep?: Step
  /** Changing one answer from the summary: back to the summary once that answer is given. */
  editing?: boolean
  /** Turns in a row the current step got no usable answer: the third one sets the report aside, asked no more. */
  misses?: number
  enc: string
}

export type Flow = {
  step: Step
  key: string
  lastAt: Date
  resumeStep?: Step
  editing?: boolean
  misses?: number
  data: Collected
}

export function emptyCollected(): Collected {
  return { address: {}, items: [] }
}

export function newFlow(step: Step, now: Date, data: Collected = emptyCollected()): Flow {
  return { step, key: `chat:${randomUUID()}`, lastAt: now, data }
}

export function readFlow(state: FlowState | null, cipher: PiiCipher): Flow | undefined {
  if (state?.flow !== FLOW) {
    return undefined
  }
  const s = state.data as Partial<Stored>
  try {
    const data = JSON.parse(cipher.decrypt(s.enc ?? '')) as Collected
    return {
      step: state.step as Step,
      key: s.key ?? `chat:${randomUUID()}`,
      lastAt: new Date(s.lastAt ?? 0),
      ...(s.resumeStep ? { resumeStep: s.resumeStep } : {}),
      ...(s.editing ? { editing: true } : {}),
      ...(s.misses ? { misses: s.misses } : {}),
      data: { ...emptyCollected(), ...data },
    }
  } catch {
    // Unreadable (key rotated): start over rather than fail every turn.
    return undefined
  }
}

export function writeFlow(flow: Flow, cipher: PiiCipher, now: Date): FlowState {
  const stored: Stored = {
    key: flow.key,
    lastAt: now.toISOString(),
    ...(flow.resumeStep ? { resumeStep: flow.resumeStep } : {}),
    ...(flow.editing ? { editing: true } : {}),
    ...(flow.misses ? { misses: flow.misses } : {}),
    enc: cipher.encrypt(JSON.stringify(flow.data)),
  }
  return { flow: FLOW, step: flow.step, data: stored, expiresAt: new Date(now.getTime() + FLOW_TTL_MS) }
}
