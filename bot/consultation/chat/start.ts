import { isMediaMessage } from '../../cases/case-media.js'
import type { ConsultationTopic } from '../../contracts/consultations.js'
import { setAside } from '../../conversation/set-aside.js'
import type { FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { type OpenConsultation, openThreadOf, type QuestionMessage } from '../open-consultation.js'
import { tc } from '../texts/index.js'
import { answersCarousel, commonAnswers, linkOutcome, recordShown } from './common-answers.js'
import { type Flow, writeFlow } from './flow-state.js'
import { cancelItem, endItem, FLOW, pb, qrPostback, say } from './kit.js'
import { receiptText } from './receipt.js'
import { activeTopics, topicLabel, topicName } from './topics.js'

/** A chat already in a consultation: it goes on there (one open consultation at a time; "end" first for a new one). */
export async function alreadyOpen(turn: Turn, ctx: FeatureContext): Promise<TurnResult | undefined> {
  const thread = await openThreadOf(turn.tx, turn.citizen.id, turn.now)
  if (!thread || thread.closed) {
    return undefined
  }
  const { lang } = turn
  const text = tc(lang, 'thread.open', { ref: thread.case.referenceNumber })
  return { state: null, messages: [say(text, [endItem(lang, thread.case.id), ...ctx.mainMenu(lang).items])] }
}

/**
 * The start: what the service is, and the station's topics as quick replies. `questionEnc` is a question the start's
 * own sentence told (sentence.ts), kept encrypted until the consultation opens with it.
 */
export async function start(
  turn: Turn,
  ctx: FeatureContext,
  via: Flow['via'],
  questionEnc?: string,
): Promise<TurnResult> {
  const open = await alreadyOpen(turn, ctx)
  if (open) {
    return open
  }
  const { lang, now } = turn
  // A report in progress (another service's flow) is kept aside, and given back when this start ends.
  const other = turn.state && turn.state.flow !== FLOW ? turn.state : null
  return {
    messages: [say(tc(lang, questionEnc ? 'intro.kept' : 'intro.body'), await topicItems(turn))],
    state: setAside(writeFlow({ step: 'topic', via, ...(questionEnc ? { questionEnc } : {}) }, now), other),
  }
}

/** The start on a topic the citizen already named: its common answers, or the question (kept if they told it). */
export async function startOn(
  turn: Turn,
  ctx: FeatureContext,
  deps: Opening,
  topic: ConsultationTopic,
  questionEnc?: string,
): Promise<TurnResult> {
  const flow: Flow = { step: 'topic', via: 'chat', ...(questionEnc ? { questionEnc } : {}) }
  return (await alreadyOpen(turn, ctx)) ?? chooseTopic(turn, ctx, deps, flow, topic)
}

export async function topicItems(turn: Turn) {
  const { lang } = turn
  const topics = await activeTopics(turn.tx, turn.station.id)
  return [
    ...topics.map((t) => qrPostback(topicLabel(lang, t), pb('topic', { v: t }), topicName(lang, t))),
    cancelItem(lang),
  ]
}

/** What opening a consultation from the chat needs: the opener, and the cipher of a question kept in the flow. */
export type Opening = { open: OpenConsultation; cipher: Pick<PiiCipher, 'encrypt' | 'decrypt'> }

/**
 * A topic chosen: its common answers first when the station keeps some (shown, counted, then "this answered it" or
 * "still need an officer"), else straight on to the question (or, told already, the consultation opened with it).
 */
export async function chooseTopic(
  turn: Turn,
  ctx: FeatureContext,
  deps: Opening,
  flow: Flow,
  topic: ConsultationTopic,
): Promise<TurnResult> {
  const { tx, lang, now, station } = turn
  const answers = await commonAnswers(tx, station.id, topic)
  if (answers.length === 0) {
    const next: Flow = { ...flow, step: 'question', topic, misses: 0 }
    return flow.questionEnc ? openWith(turn, ctx, deps, next, {}) : askQuestion(turn, next)
  }
  const outcomeId = await recordShown(tx, { stationId: station.id, topic, answers, now })
  const intro = tc(lang, 'answers.intro', { topic: topicName(lang, topic) })
  return {
    messages: [
      say(intro),
      answersCarousel(lang, intro, answers),
      say(tc(lang, 'answers.prompt'), [
        qrPostback(tc(lang, 'answers.sufficed'), pb('ok')),
        qrPostback(tc(lang, 'answers.more'), pb('more'), tc(lang, 'answers.moreFull')),
        cancelItem(lang),
      ]),
    ],
    state: writeFlow({ ...flow, step: 'answers', topic, outcomeId, misses: 0 }, now),
  }
}

export function askQuestion(turn: Turn, flow: Flow): TurnResult {
  const { lang, now } = turn
  const topic = flow.topic ?? 'other'
  return {
    messages: [say(tc(lang, 'ask.question', { topic: topicName(lang, topic) }), [cancelItem(lang)])],
    state: writeFlow({ ...flow, step: 'question', topic }, now),
  }
}

/** "Still need an officer": the question told in the start's sentence goes to the officer, else it is asked for. */
export function onToOfficer(
  turn: Turn,
  ctx: FeatureContext,
  deps: Opening,
  flow: Flow,
): Promise<TurnResult> | TurnResult {
  const next: Flow = { ...flow, step: 'question' }
  return flow.questionEnc ? openWith(turn, ctx, deps, next, {}) : askQuestion(turn, next)
}

/**
 * The question arrived (a text, or a photo or file): the consultation is opened and the citizen gets the number,
 * when to expect an answer, and the disclaimer. Stickers and locations are no question: asked again.
 */
export async function receiveQuestion(turn: Turn, ctx: FeatureContext, deps: Opening, flow: Flow): Promise<TurnResult> {
  const { lang, input } = turn
  const message = turn.event.message as { id?: string; type?: string; fileName?: string } | undefined
  const text = input.kind === 'text' ? input.text.trim() : undefined
  const media = isMediaMessage(message?.type) && message?.id ? message : undefined
  if (!text && !media) {
    return { messages: [say(tc(lang, 'ask.typeText'), [cancelItem(lang)])] }
  }
  return openWith(turn, ctx, deps, flow, {
    ...(text ? { text } : {}),
    ...(media?.id && media.type
      ? { lineMessage: { id: media.id, type: media.type, ...(media.fileName ? { fileName: media.fileName } : {}) } }
      : {}),
  })
}

/**
 * Opens the consultation with the question: the one told in the start's sentence first (decrypted from the flow),
 * then what this message adds. The receipt quotes the question, so the citizen sees it was kept.
 */
async function openWith(
  turn: Turn,
  ctx: FeatureContext,
  { open, cipher }: Opening,
  flow: Flow,
  added: { text?: string; lineMessage?: QuestionMessage },
): Promise<TurnResult> {
  const { tx, lang, now, citizen, station } = turn
  const already = await alreadyOpen(turn, ctx)
  if (already) {
    return already // opened meanwhile (the LIFF page, another device): never two at once
  }
  const told = flow.questionEnc ? cipher.decrypt(flow.questionEnc) : undefined
  const text = [told, added.text].filter(Boolean).join('\n\n')
  const opened = await open(tx, {
    station,
    citizen,
    topic: flow.topic ?? 'other',
    via: flow.via,
    now,
    question: { ...(text ? { text } : {}), ...(added.lineMessage ? { lineMessage: added.lineMessage } : {}) },
  })
  if (flow.outcomeId !== undefined) {
    await linkOutcome(tx, flow.outcomeId, opened.case.id)
  }
  const receipt = receiptText(lang, {
    ref: opened.case.referenceNumber,
    topic: opened.consultation.topic,
    now,
    expectedBy: opened.expectedBy,
    outOfHours: opened.outOfHours,
    opensAt: opened.opensAt,
    ...(text ? { question: text } : {}),
  })
  return { state: null, messages: [say(receipt, [endItem(lang, opened.case.id), ...ctx.mainMenu(lang).items])] }
}
