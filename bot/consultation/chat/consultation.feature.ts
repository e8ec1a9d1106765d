import { isMediaMessage } from '../../cases/case-media.js'
import { interruptionOf, matchOption, understandingOf } from '../../conversation/input.js'
import { setAsideFlow } from '../../conversation/set-aside.js'
import type { Feature, FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { type OpenConsultation, openThreadOf } from '../open-consultation.js'
import { tc } from '../texts/index.js'
import type { CloseDeps } from '../workflow/close.js'
import { decideOutcome } from './common-answers.js'
import { endByCitizen } from './end.js'
import { type Flow, readFlow, writeFlow } from './flow-state.js'
import { type Button, buttonOf, cancelItem, endItem, FLOW, pb, qrPostback, say, textOf } from './kit.js'
import { comment, rate, ratingTap } from './rating.js'
import { isQuestion } from './sentence.js'
import { chooseTopic, type Opening, onToOfficer, receiveQuestion, start, startOn, topicItems } from './start.js'
import { activeTopics, isTopic, typedTopic } from './topics.js'
import { forOthers, VERDICT } from './typed.js'

export type ConsultationFeatureDeps = {
  open: OpenConsultation
  /** The citizen's "end" closes through the workflow (its deps: the audit port and the cipher). */
  close: CloseDeps
  /** Encrypts the rating's comment; a question told in the start's sentence is kept encrypted in the flow. */
  cipher: Pick<PiiCipher, 'encrypt' | 'decrypt'>
}

/**
 * Legal consultation, the citizen's start (issue #12): the entry (rich-menu tile, main menu, "ปรึกษากฎหมาย",
 * "อยากปรึกษาเรื่องกฎหมายครับ", "legal advice"), the topic, the station's common answers first, the question (text,
 * photo or file), then the number, when to expect an answer and the disclaimer. Also the citizen's "end" and the
 * 1–5 rating with its optional comment. What they write afterwards joins the thread (thread.feature.ts).
 */
export function createConsultationFeature({ open, close, cipher }: ConsultationFeatureDeps): Feature {
  const deps: Opening = { open, cipher }
  function cancelled(turn: Turn, ctx: FeatureContext): TurnResult {
    return { state: null, messages: [say(tc(turn.lang, 'cancelled'), ctx.mainMenu(turn.lang).items)] }
  }

  async function tapped(turn: Turn, ctx: FeatureContext, b: Button, flow: Flow | undefined) {
    switch (b.x) {
      case '':
        return start(turn, ctx, b.v === 'rm' ? 'richmenu' : 'chat')
      case 'cancel':
        return cancelled(turn, ctx)
      case 'end':
        return endByCitizen(turn, ctx, close, b.c)
      case 'back': {
        const thread = await openThreadOf(turn.tx, turn.citizen.id, turn.now)
        const { lang } = turn
        if (!thread || thread.closed) {
          return { state: null, messages: [say(tc(lang, 'thread.notOpen'), ctx.mainMenu(lang).items)] }
        }
        const text = tc(lang, 'thread.backPrompt', { ref: thread.case.referenceNumber })
        return { state: null, messages: [say(text, [endItem(lang, thread.case.id), ...ctx.mainMenu(lang).items])] }
      }
      case 'nocomment':
        return { state: null, messages: [say(tc(turn.lang, 'rating.thanks'), ctx.mainMenu(turn.lang).items)] }
      case 'topic': {
        // A topic button of an expired start still starts (rather than saying nothing).
        const offered = await activeTopics(turn.tx, turn.station.id)
        const topic = isTopic(b.v) && offered.includes(b.v) ? b.v : undefined
        if (!topic) {
          return start(turn, ctx, flow?.via ?? 'chat')
        }
        return chooseTopic(turn, ctx, deps, flow ?? { step: 'topic', via: 'chat' }, topic)
      }
      case 'ok':
      case 'more':
        if (flow?.step !== 'answers') {
          return start(turn, ctx, flow?.via ?? 'chat')
        }
        return verdict(turn, ctx, flow, b.x === 'ok')
      default:
        return undefined
    }
  }

  async function verdict(turn: Turn, ctx: FeatureContext, flow: Flow, sufficed: boolean): Promise<TurnResult> {
    if (flow.outcomeId !== undefined) {
      await decideOutcome(turn.tx, flow.outcomeId, sufficed, turn.now)
    }
    if (sufficed) {
      return { state: null, messages: [say(tc(turn.lang, 'answers.thanks'), ctx.mainMenu(turn.lang).items)] }
    }
    return onToOfficer(turn, ctx, deps, flow)
  }

  /** A step's answer that is none: the question again (with its buttons); the third miss in a row ends the start. */
  async function miss(turn: Turn, ctx: FeatureContext, flow: Flow): Promise<TurnResult> {
    const misses = (flow.misses ?? 0) + 1
    if (misses >= 3) {
      return cancelled(turn, ctx)
    }
    const { lang, now } = turn
    const items =
      flow.step === 'topic'
        ? await topicItems(turn)
        : [
            qrPostback(tc(lang, 'answers.sufficed'), pb('ok')),
            qrPostback(tc(lang, 'answers.more'), pb('more'), tc(lang, 'answers.moreFull')),
            cancelItem(lang),
          ]
    const text = flow.step === 'topic' ? tc(lang, 'intro.again') : tc(lang, 'answers.prompt')
    return { messages: [say(text, items)], state: writeFlow({ ...flow, misses }, now) }
  }

  /** Inside the start: the topic, the verdict on the common answers, the question, the rating's comment. */
  async function step(turn: Turn, ctx: FeatureContext, flow: Flow): Promise<TurnResult | undefined> {
    const { input } = turn
    if (input.kind === 'postback') {
      return undefined // another service's button (this service's own were read before)
    }
    const text = textOf(input)
    if (flow.step === 'comment') {
      return text && flow.caseId ? comment(turn, ctx, cipher, flow.caseId, text) : undefined
    }
    if (flow.step === 'question') {
      return receiveQuestion(turn, ctx, deps, flow)
    }
    if (text && forOthers(input)) {
      return undefined // "แจ้งเอกสารหาย", "ข้อมูลสถานี": that service answers, this start waits (or expires)
    }
    if (flow.step === 'topic') {
      const topic = text ? typedTopic(text, await activeTopics(turn.tx, turn.station.id)) : undefined
      return topic ? chooseTopic(turn, ctx, deps, flow, topic) : miss(turn, ctx, flow)
    }
    // The common answers were shown: a verdict typed, thanks ("this answered it"), or the question itself.
    const typed = text ? matchOption(text, VERDICT) : undefined
    if (typed && typed.how !== 'typo') {
      return verdict(turn, ctx, flow, typed.option.id === 'ok')
    }
    if (text && understandingOf(input)?.intent?.id === 'thanks') {
      return verdict(turn, ctx, flow, true)
    }
    const message = turn.event.message as { type?: string } | undefined
    if (!text && !isMediaMessage(message?.type)) {
      return miss(turn, ctx, flow)
    }
    if (flow.outcomeId !== undefined) {
      await decideOutcome(turn.tx, flow.outcomeId, false, turn.now)
    }
    return receiveQuestion(turn, ctx, deps, { ...flow, step: 'question' })
  }

  async function answer(turn: Turn, ctx: FeatureContext): Promise<TurnResult | undefined> {
    const { input } = turn
    const flow = readFlow(turn.state)
    const tap = ratingTap(turn)
    if (tap) {
      return rate(turn, ctx, tap)
    }
    const b = buttonOf(input)
    if (b) {
      return tapped(turn, ctx, b, flow)
    }
    if (flow && interruptionOf(input) === 'cancel') {
      return cancelled(turn, ctx)
    }
    if (flow) {
      const answered = await step(turn, ctx, flow)
      if (answered) {
        return answered
      }
    }
    const m = understandingOf(input)?.intent
    if (m?.id !== 'consultation' || (m.strength === 'mention' && flow)) {
      return undefined
    }
    // Asked in a sentence ("ขอปรึกษาเรื่องหนี้นอกระบบหน่อยค่ะ"): the consultation starts, on the topic it names if
    // any; a sentence that also tells the case is the question itself, never asked for again (sentence.ts).
    const text = textOf(input)
    const topic = text ? typedTopic(text, await activeTopics(turn.tx, turn.station.id)) : undefined
    const questionEnc = text && isQuestion(text) ? cipher.encrypt(text) : undefined
    return topic ? startOn(turn, ctx, deps, topic, questionEnc) : start(turn, ctx, 'chat', questionEnc)
  }

  return {
    id: FLOW,
    menu: (lang) => [qrPostback(tc(lang, 'menu.label'), pb(''), tc(lang, 'menu.label'))],
    awaitsText: (state) => state.flow === FLOW && (state.step === 'question' || state.step === 'comment'),
    async handle(turn, ctx) {
      const result = await answer(turn, ctx)
      // The start over: a flow it set aside (a lost-document report in progress) is the chat's flow again.
      const kept = result?.state === null ? setAsideFlow(turn.state, turn.now) : null
      return kept && result ? { ...result, state: kept } : result
    },
  }
}
