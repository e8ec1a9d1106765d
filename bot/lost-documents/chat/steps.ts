import { understandingOf } from '../../conversation/input.js'
import { RESUME_ACTION } from '../../conversation/set-aside.js'
import type { FeatureContext, Turn, TurnResult, UserInput } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { answer } from './answers.js'
import { choiceOf, EDIT_GROUPS, type EditGroup } from './choices.js'
import { nextStep, startEdit } from './edit.js'
import { type Flow, newFlow, writeFlow } from './flow-state.js'
import { ACTION, type Button, hint, type StepContext, T } from './kit.js'
import { ask } from './questions.js'
import { pausedQuestion } from './review-questions.js'
import { type ChatSubmitDeps, submitFromChat } from './submit-turn.js'

/** One turn of the chat flow: what it answers with needs the turn, the engine's context and the step context. */
export type Reply = { turn: Turn; ctx: FeatureContext; sctx: StepContext; deps: ChatSubmitDeps & { cipher: PiiCipher } }

/** Asks the flow's current step (after `before`, e.g. what was wrong) and stores the flow. */
export function go(r: Reply, flow: Flow, before: LineMessage[] = []): TurnResult {
  const messages = [...before, ...ask(flow.step, r.sctx, flow.data)]
  return { state: writeFlow(flow, r.deps.cipher, r.turn.now), messages }
}

/** A new report: "use my details from last time?" when there was one, else the name. */
export function start(r: Reply): TurnResult {
  return go(r, newFlow(r.sctx.previous ? 'reuse' : 'name', r.turn.now))
}

/** The flow back at the step it was set aside at ("continue where you left off"). */
export function resumed(flow: Flow): Flow {
  const step = flow.step === 'resume' ? (flow.resumeStep ?? 'name') : flow.step
  return { ...flow, step, resumeStep: undefined, misses: 0 }
}

type Reading = TurnResult | { problem: string } | undefined

/** The input as the answer to the flow's step: the next question, what is wrong with it, or not an answer. */
async function read(r: Reply, flow: Flow, choice: Button | undefined): Promise<Reading> {
  const { turn, sctx, ctx, deps } = r
  const { lang } = turn
  switch (flow.step) {
    case 'reuse': {
      const p = sctx.previous
      if (choice?.x !== 'reuse') {
        return undefined
      }
      if (choice.v !== '1' || !p) {
        return go(r, { ...flow, step: 'name', misses: 0 })
      }
      const { declarantName, idType, dateOfBirth, phone } = p
      const data = {
        ...flow.data,
        declarantName,
        idType,
        useLastId: true,
        dateOfBirth,
        phone,
        address: { ...p.address },
      }
      return go(r, { ...flow, step: 'itemType', data, misses: 0 })
    }
    case 'consent':
      if (choice?.x !== 'consent') {
        return undefined
      }
      return choice.v === '1'
        ? go(r, { ...flow, step: 'declaration', data: { ...flow.data, consent: true }, misses: 0 })
        : {
            state: null,
            messages: [{ type: 'text', text: T(lang, 'consent.declined'), quickReply: ctx.mainMenu(lang) }],
          }
    case 'declaration':
      if (choice?.x === 'declare') {
        return submitFromChat(turn, ctx, sctx, flow, deps)
      }
      return choice?.x === 'edit' ? go(r, { ...flow, step: 'edit', misses: 0 }) : undefined
    case 'edit': {
      if (choice?.x !== 'edit' || !choice.v) {
        return undefined
      }
      const group = EDIT_GROUPS.find((g) => g === choice.v) as EditGroup | undefined
      return go(r, group ? startEdit(flow, group) : { ...flow, step: 'declaration', editing: false, misses: 0 })
    }
  }
  const outcome = answer(flow.step, turn.input, sctx, flow.data, choice)
  if (!outcome || 'problem' in outcome) {
    return outcome
  }
  const { step, editing } = nextStep(flow, outcome.next)
  const echo: LineMessage[] = outcome.echo ? [{ type: 'text', text: outcome.echo }] : []
  return go(r, { ...flow, step, editing, data: outcome.data, misses: 0 }, echo)
}

/** Services that answer from inside a flow: another service's button, or a clear request to one ("ข้อมูลสถานี"). */
function forOthers(input: UserInput): boolean {
  if (input.kind === 'postback') {
    return input.action !== ACTION && input.action !== RESUME_ACTION
  }
  const m = understandingOf(input)?.intent
  const others = [
    'station',
    'my_data',
    'consultation',
    'house_watch',
    'home',
    'stop_announcements',
    'start_announcements',
  ]
  return m !== undefined && m.strength !== 'mention' && others.includes(m.id)
}

/**
 * Not an answer (a sticker, a photo, a stray tap) or a wrong one: say what the step takes and ask once more, with
 * the step's own options. The second time in a row the question is not asked again: the report is set aside.
 */
function miss(r: Reply, flow: Flow, problem: string | undefined): TurnResult {
  const note: LineMessage = { type: 'text', text: problem ?? hint(r.turn.lang, flow.step) }
  const misses = (flow.misses ?? 0) + 1
  if (misses < 2) {
    return go(r, { ...flow, misses }, [note])
  }
  const paused: Flow = { ...flow, step: 'resume', resumeStep: flow.step, misses: 0 }
  return { state: writeFlow(paused, r.deps.cipher, r.turn.now), messages: [note, pausedQuestion(r.sctx)] }
}

/** The answer to the current step, or undefined to leave the input to the other services. */
export async function step(r: Reply, flow: Flow): Promise<TurnResult | undefined> {
  const { input } = r.turn
  const choice = choiceOf(flow.step, input, r.sctx)
  if (flow.step === 'resume') {
    if (choice?.x === 'restart') {
      return start(r)
    }
    if (choice?.x === 'resume') {
      return go(r, resumed(flow))
    }
    // The answer to the question set aside, typed instead of "continue" (a request of its own is not an answer).
    const u = understandingOf(input)
    if (!u || (u.intent && u.intent.strength !== 'mention')) {
      return undefined
    }
    const back = resumed(flow)
    const reading = await read(r, back, choiceOf(back.step, input, r.sctx))
    return reading && 'messages' in reading ? reading : undefined
  }
  const reading = await read(r, flow, choice)
  if (reading && 'messages' in reading) {
    return reading
  }
  if (!reading && forOthers(input)) {
    return undefined
  }
  return miss(r, flow, reading?.problem)
}
