import { interruptionOf } from '../../conversation/input.js'
import { setAsideFlow } from '../../conversation/set-aside.js'
import type { Feature, FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import { type Language, t } from '../../i18n/index.js'
import { awaitingInfoCase } from './awaiting-info.feature.js'
import { choiceOf } from './choices.js'
import { stepContext } from './context.js'
import { commandOf, introMessage } from './entry.js'
import { type Flow, readFlow } from './flow-state.js'
import { buttonOf, FLOW, FREE_TEXT, pb, qrPostback, RESUME_AFTER_MS, type Step, T } from './kit.js'
import { myReports } from './my-reports.js'
import { go, type Reply, resumed, start, step } from './steps.js'
import type { ChatSubmitDeps } from './submit-turn.js'

export type LostDocumentFeatureDeps = ChatSubmitDeps

/**
 * Lost-document reports in the chat: the entry (menu, rich menu, typed words), the intro with the two ways (LIFF
 * form or chat), the step-by-step questions (steps.ts), cancel at any step, "continue where you left off?" within
 * 24 h (also after an emergency set the report aside), the summary with edit, the submission, and "my reports".
 */
export function createLostDocumentFeature({ cipher, submit, pdfUrl }: LostDocumentFeatureDeps): Feature {
  const deps: LostDocumentFeatureDeps = { cipher, submit, pdfUrl }

  function end(lang: Language, ctx: FeatureContext, text: string): TurnResult {
    return { state: null, messages: [{ type: 'text', text, quickReply: ctx.mainMenu(lang) }] }
  }

  async function reply(turn: Turn, ctx: FeatureContext): Promise<Reply> {
    return { turn, ctx, sctx: await stepContext(turn, cipher), deps }
  }

  /** A report in progress when the citizen asks for a new one: continue or start again (asked again: continue). */
  async function reopen(turn: Turn, ctx: FeatureContext, open: Flow): Promise<TurnResult> {
    const r = await reply(turn, ctx)
    return go(r, open.step === 'resume' ? resumed(open) : { ...open, step: 'resume', resumeStep: open.step, misses: 0 })
  }

  return {
    id: FLOW,
    menu: (lang) => [
      qrPostback(t(lang, 'menu.lostDocument'), pb(''), t(lang, 'menu.lostDocument')),
      qrPostback(t(lang, 'menu.myReports'), pb('mine'), t(lang, 'menu.myReports')),
    ],
    awaitsText: (state) => state.flow === FLOW && FREE_TEXT.has(state.step as Step),
    async handle(turn, ctx) {
      const { input, lang, now } = turn
      const flow = readFlow(turn.state, cipher)
      // A report an emergency interrupted (bot/conversation/set-aside.ts): kept, taken back on request.
      const kept = flow ? undefined : readFlow(setAsideFlow(turn.state, now), cipher)
      const cancel = commandOf(input) === 'cancel'
      if (flow && flow.step !== 'resume' && input.kind !== 'postback' && !cancel) {
        if (now.getTime() - flow.lastAt.getTime() > RESUME_AFTER_MS) {
          return reopen(turn, ctx, flow) // back after a long pause: "continue where you left off?"
        }
      }
      if (flow && input.kind === 'text' && FREE_TEXT.has(flow.step)) {
        // The text is the answer ("I lost my wallet on the bus" is the story); only "cancel" stops it here.
        return interruptionOf(input) === 'cancel'
          ? end(lang, ctx, T(lang, 'cancelled'))
          : step(await reply(turn, ctx), flow)
      }
      const r = flow || kept ? await reply(turn, ctx) : undefined
      if (flow && r && input.kind === 'text' && choiceOf(flow.step, input, r.sctx)) {
        return step(r, flow) // a typed option of this step ("ไม่มีแล้ว" is "no more documents", not "cancel")
      }
      switch (commandOf(input)) {
        case 'mine':
          return { messages: await myReports(turn, ctx, pdfUrl) }
        case 'cancel':
          return flow || kept || buttonOf(input) ? end(lang, ctx, T(lang, 'cancelled')) : undefined
        case 'start':
        case 'chat': {
          const open = flow ?? kept
          if (open) {
            return reopen(turn, ctx, open)
          }
          if (buttonOf(input)?.x === 'chat') {
            return start(await reply(turn, ctx))
          }
          return { messages: [introMessage(lang, ctx.links, ctx.mainMenu(lang))] }
        }
        case 'offer':
          // A lost card told in a sentence: offered, not started; while an officer waits for more information,
          // it is that information (awaiting-info.feature.ts).
          if (!flow && !kept) {
            return (await awaitingInfoCase(turn.tx, turn.citizen.id))
              ? undefined
              : { messages: [{ type: 'text', text: T(lang, 'offer.prompt'), quickReply: ctx.mainMenu(lang) }] }
          }
          break
        case 'resume': {
          // Takes back a report set aside (by an emergency, or paused); inside an active one it is no answer.
          const open = kept ?? (flow?.step === 'resume' ? flow : undefined)
          if (open && r) {
            return go(r, resumed(open))
          }
          break
        }
      }
      if (!flow || !r) {
        // A button of an expired flow: start again rather than say nothing.
        return buttonOf(input) ? { messages: [introMessage(lang, ctx.links, ctx.mainMenu(lang))] } : undefined
      }
      return step(r, flow)
    },
  }
}
