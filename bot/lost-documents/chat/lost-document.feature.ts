import type { Feature, FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import { type Language, t } from '../../i18n/index.js'
import type { LineMessage } from '../../line/line-client.js'
import { answer } from './answers.js'
import { awaitingInfoCase } from './awaiting-info.feature.js'
import { stepContext } from './context.js'
import { introMessage, startIntent, wantsCancel, wantsMine } from './entry.js'
import { type Flow, newFlow, readFlow, writeFlow } from './flow-state.js'
import { ACTION, buttonOf, FLOW, pb, qrPostback, RESUME_AFTER_MS, type StepContext, T } from './kit.js'
import { myReports } from './my-reports.js'
import { ask } from './questions.js'
import { type ChatSubmitDeps, submitFromChat } from './submit-turn.js'

export type LostDocumentFeatureDeps = ChatSubmitDeps

/**
 * Lost-document reports in the chat: the entry (menu, rich menu, typed words), the intro with the two ways (LIFF
 * form or chat), the step-by-step questions, cancel at any step, "continue where you left off?" within 24 h, the
 * submission with its receipt, and "my reports".
 */
export function createLostDocumentFeature({ cipher, submit, pdfUrl }: LostDocumentFeatureDeps): Feature {
  function go(turn: Turn, sctx: StepContext, flow: Flow, echo?: string): TurnResult {
    const messages: LineMessage[] = [
      ...(echo ? [{ type: 'text' as const, text: echo }] : []),
      ...ask(flow.step, sctx, flow.data),
    ]
    return { state: writeFlow(flow, cipher, turn.now), messages }
  }

  function end(lang: Language, ctx: FeatureContext, text: string): TurnResult {
    return { state: null, messages: [{ type: 'text', text, quickReply: ctx.mainMenu(lang) }] }
  }

  async function start(turn: Turn): Promise<TurnResult> {
    const sctx = await stepContext(turn, cipher)
    return go(turn, sctx, newFlow(sctx.previous ? 'reuse' : 'name', turn.now))
  }

  /** The answer to the current step, or the step's own buttons (reuse, consent, declaration, resume). */
  async function step(turn: Turn, ctx: FeatureContext, flow: Flow): Promise<TurnResult | undefined> {
    const sctx = await stepContext(turn, cipher)
    const b = buttonOf(turn.input)
    const { lang } = turn
    if (flow.step === 'resume') {
      if (b?.x === 'restart') {
        return start(turn)
      }
      return b?.x === 'resume'
        ? go(turn, sctx, { ...flow, step: flow.resumeStep ?? 'name', resumeStep: undefined })
        : undefined
    }
    if (flow.step === 'reuse' && b?.x === 'reuse') {
      const p = sctx.previous
      if (b.v !== '1' || !p) {
        return go(turn, sctx, { ...flow, step: 'name' })
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
      return go(turn, sctx, { ...flow, step: 'itemType', data })
    }
    if (flow.step === 'consent' && b?.x === 'consent') {
      return b.v === '1'
        ? go(turn, sctx, { ...flow, step: 'declaration', data: { ...flow.data, consent: true } })
        : end(lang, ctx, T(lang, 'consent.declined'))
    }
    if (flow.step === 'declaration' && b?.x === 'declare') {
      return submitFromChat(turn, ctx, sctx, flow, { cipher, submit, pdfUrl })
    }
    const outcome = answer(flow.step, turn.input, sctx, flow.data)
    if (outcome === undefined) {
      if (turn.input.kind === 'postback' && turn.input.action !== ACTION) {
        return undefined // another service's button (menu, station...): theirs to answer
      }
      const hint: LineMessage = { type: 'text', text: T(lang, 'answer.useButtons') }
      return { ...go(turn, sctx, flow), messages: [hint, ...ask(flow.step, sctx, flow.data)] }
    }
    if ('problem' in outcome) {
      return {
        ...go(turn, sctx, flow),
        messages: [{ type: 'text', text: outcome.problem }, ...ask(flow.step, sctx, flow.data)],
      }
    }
    return go(turn, sctx, { ...flow, step: outcome.next, data: outcome.data }, outcome.echo)
  }

  return {
    id: FLOW,
    menu: (lang) => [
      qrPostback(t(lang, 'menu.lostDocument'), pb(''), t(lang, 'menu.lostDocument')),
      qrPostback(t(lang, 'menu.myReports'), pb('mine'), t(lang, 'menu.myReports')),
    ],
    async handle(turn, ctx) {
      const { input, lang } = turn
      const flow = readFlow(turn.state, cipher)
      if (wantsMine(input)) {
        return { messages: await myReports(turn, ctx, pdfUrl) }
      }
      if (wantsCancel(input) && (flow || buttonOf(input))) {
        return end(lang, ctx, T(lang, 'cancelled'))
      }
      const intent = startIntent(input)
      // While an officer waits for more information, a sentence about a lost card is that information.
      if (intent === 'phrase' && !flow && (await awaitingInfoCase(turn.tx, turn.citizen.id))) {
        return undefined
      }
      if (intent || buttonOf(input)?.x === 'chat') {
        if (flow && flow.step !== 'resume') {
          const sctx = await stepContext(turn, cipher)
          return go(turn, sctx, { ...flow, step: 'resume', resumeStep: flow.step })
        }
        if (intent) {
          return { messages: [introMessage(lang, ctx.links, ctx.mainMenu(lang))] }
        }
        return flow ? undefined : start(turn)
      }
      if (!flow) {
        // A button of an expired flow: start again rather than say nothing.
        return buttonOf(input) ? { messages: [introMessage(lang, ctx.links, ctx.mainMenu(lang))] } : undefined
      }
      const away = turn.now.getTime() - flow.lastAt.getTime() > RESUME_AFTER_MS
      if (away && flow.step !== 'resume' && input.kind !== 'postback') {
        const sctx = await stepContext(turn, cipher)
        return go(turn, sctx, { ...flow, step: 'resume', resumeStep: flow.step })
      }
      return step(turn, ctx, flow)
    },
  }
}
