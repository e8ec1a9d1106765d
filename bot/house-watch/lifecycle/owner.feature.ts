import { and, eq, inArray, isNotNull, isNull } from 'drizzle-orm'
import { cases, houseWatches } from '../../../db/schema/index.js'
import { matchOption, type Option } from '../../conversation/input.js'
import type { Feature, FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import { idOf as caseIdOf } from '../../line/quick-reply.js'
import { readHouseWatchSettings } from '../settings/read.js'
import { EXTEND_CHOICES, OWNER_ACTION, say } from './chat-kit.js'
import { ExtendLimitError, endWatch, extendWatch, RUNNING_STATUSES, WatchNotRunningError } from './end.js'
import { day, hwt } from './texts.js'

/** "I'm home", typed at any time: ends the owner's running watches. */
const HOME: readonly Option<'home'>[] = [
  {
    id: 'home',
    labels: [hwt('th', 'home'), hwt('en', 'home')],
    synonyms: [
      'ถึงบ้านแล้ว',
      'กลับถึงบ้านแล้ว',
      'มาถึงบ้านแล้ว',
      'กลับมาบ้านแล้ว',
      'กลับมาถึงบ้านแล้ว',
      'i am home',
      'back home',
      'i am back home',
      'home now',
    ],
  },
]
/** "Not yet home", "ยังไม่กลับบ้าน": a mention of home that is not the answer. */
const NOT_YET = /ยังไม่|ไม่ได้|ยังไม่ได้|ไม่ใช่|\bnot\b|\bnot yet\b|n't|\?|ไหม|มั้ย|หรือยัง/i

/** Whether a typed text says the owner is home. */
export function saysHome(text: string): boolean {
  const t = text.normalize('NFC').trim()
  if (!t || t.length > 60 || NOT_YET.test(t)) {
    return false
  }
  const m = matchOption(t, HOME)
  // "contained" also matches a word of a label ("บ้าน"): only a text longer than a word ("กลับบ้าน" alone may be a plan) counts.
  return Boolean(m && (m.how !== 'contained' || t.replace(/\s+/g, '').length >= 10))
}

async function runningWatchesOf(turn: Turn, caseId?: string) {
  const rows = await turn.tx
    .select({ caseId: cases.id, ref: cases.referenceNumber, endsOn: houseWatches.endsOn })
    .from(houseWatches)
    .innerJoin(cases, eq(cases.id, houseWatches.caseId))
    .where(
      and(
        eq(cases.citizenId, turn.citizen.id),
        inArray(cases.status, [...RUNNING_STATUSES]),
        isNull(houseWatches.endedAt),
        isNotNull(houseWatches.approvedAt),
        ...(caseId ? [eq(cases.id, caseId)] : []),
      ),
    )
  return rows
}

async function home(turn: Turn, ctx: FeatureContext, caseId?: string): Promise<TurnResult | undefined> {
  const { lang } = turn
  const running = await runningWatchesOf(turn, caseId)
  if (running.length === 0) {
    // A typed "I'm home" without a watch is someone else's to answer (small talk); a tapped one gets an answer.
    return caseId ? { messages: [say(hwt(lang, 'notRunning'), ctx.mainMenu(lang).items)] } : undefined
  }
  for (const w of running) {
    await endWatch(turn.tx, { caseId: w.caseId, reason: 'returned', now: turn.now, actorType: 'citizen' })
  }
  const refs = running.map((w) => w.ref).join(', ')
  return { messages: [say(hwt(lang, 'ended', { ref: refs }), ctx.mainMenu(lang).items)] }
}

async function extend(turn: Turn, ctx: FeatureContext, caseId: string, days: number): Promise<TurnResult> {
  const { lang, tx, now } = turn
  const menu = ctx.mainMenu(lang).items
  const [w] = await runningWatchesOf(turn, caseId)
  if (!w) {
    return { messages: [say(hwt(lang, 'notRunning'), menu)] }
  }
  const { maxDays } = await readHouseWatchSettings(tx, turn.station.id)
  try {
    const done = await extendWatch(tx, { caseId, days, maxDays, now, actorType: 'citizen' })
    const vars = { ref: w.ref, end: day(lang, done.endsOn), max: maxDays }
    return { messages: [say(hwt(lang, done.capped ? 'extendedCapped' : 'extended', vars), menu)] }
  } catch (err) {
    if (err instanceof ExtendLimitError) {
      return { messages: [say(hwt(lang, 'extendLimit', { ref: w.ref, end: day(lang, w.endsOn), max: maxDays }), menu)] }
    }
    if (err instanceof WatchNotRunningError) {
      return { messages: [say(hwt(lang, 'notRunning'), menu)] }
    }
    throw err
  }
}

/**
 * The owner's answers in the chat (issue #13, point 7): the end-date question's quick replies (home, extend by 3 or
 * 7 days) and "กลับบ้านแล้ว / ถึงบ้านแล้วครับ / I'm home" typed at any time, which ends their running watch.
 */
export const houseWatchOwnerFeature: Feature = {
  id: 'house-watch-owner',
  async handle(turn, ctx) {
    const { input } = turn
    if (input.kind === 'postback' && input.action === OWNER_ACTION) {
      const caseId = caseIdOf(input.params.get('c'))
      const x = input.params.get('x')
      const days = Number(input.params.get('d'))
      if (!caseId) {
        return { messages: [say(hwt(turn.lang, 'notRunning'), ctx.mainMenu(turn.lang).items)] }
      }
      if (x === 'ext' && (EXTEND_CHOICES as readonly number[]).includes(days)) {
        return extend(turn, ctx, caseId, days)
      }
      if (x === 'home') {
        return home(turn, ctx, caseId)
      }
      return { messages: [say(hwt(turn.lang, 'notRunning'), ctx.mainMenu(turn.lang).items)] }
    }
    if (input.kind === 'text' && saysHome(input.text)) {
      return home(turn, ctx)
    }
    return undefined
  },
}
