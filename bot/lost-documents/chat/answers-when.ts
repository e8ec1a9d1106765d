import { ISSUE_MESSAGES, type IssueCode } from '../../contracts/lost-documents/messages.js'
import {
  bangkokLocalDateTime,
  bangkokToday,
  parseBangkokDateTime,
  parseTypedDate,
} from '../../contracts/lost-documents/rules.js'
import type { UserInput } from '../../conversation/types.js'
import { formatWhen } from '../format.js'
import { again, type Button, type Collected, type Outcome, type Step, type StepContext, T, textOf } from './kit.js'

/** Clocks on phones drift; the pickers' max is "now" on our clock. */
const SKEW_MS = 5 * 60 * 1000

const problem = (ctx: StepContext, code: IssueCode) => again(ctx.lang, ISSUE_MESSAGES[code][ctx.lang === 'th' ? 0 : 1])

function echo(ctx: StepContext, from: string, to?: string) {
  const a = parseBangkokDateTime(from)
  const b = to ? parseBangkokDateTime(to) : null
  return a ? T(ctx.lang, 'when.got', { when: formatWhen(ctx.lang, a, b) }) : undefined
}

/** A whole day when only the date is known: 00:00 to 23:59, or to now if that day is today. */
function wholeDay(date: string, ctx: StepContext): { from: string; to: string } {
  const now = bangkokLocalDateTime(ctx.now)
  const end = `${date}T23:59`
  return { from: `${date}T00:00`, to: end < now ? end : now }
}

const DAYS_AGO: Record<string, number> = {
  วันนี้: 0,
  today: 0,
  เมื่อวาน: 1,
  เมื่อวานนี้: 1,
  yesterday: 1,
  เมื่อวานซืน: 2,
}

/** A typed day: "12/11/2569", "2026-11-12", or "วันนี้" / "เมื่อวาน" / "yesterday" (Bangkok's calendar). */
function typedDay(text: string, now: Date): string | null {
  const ago =
    DAYS_AGO[
      text
        .trim()
        .toLowerCase()
        .replace(/(ครับ|ค่ะ|คะ|นะ)+$/, '')
    ]
  return ago === undefined ? parseTypedDate(text) : bangkokToday(new Date(now.getTime() - ago * 86_400_000))
}

/**
 * When the documents were lost: a date and time (picker), a day (picker or typed "12/11/2569"), or a range
 * (two pickers). Every value is Bangkok wall-clock time, as LINE's picker gives it.
 */
export function answerWhen(step: Step, input: UserInput, ctx: StepContext, d: Collected, button?: Button): Outcome {
  const latest = ctx.now.getTime() + SKEW_MS
  const future = (v: string) => (parseBangkokDateTime(v)?.getTime() ?? 0) > latest
  if (step === 'when') {
    if (button?.x === 'range') {
      return { data: { ...d, lostFrom: undefined, lostTo: undefined }, next: 'whenFrom' }
    }
    const at = button?.x === 'at' ? button.params.datetime : undefined
    const day = button?.x === 'day' ? button.params.date : typedDay(textOf(input) ?? '', ctx.now)
    if (at) {
      return future(at)
        ? problem(ctx, 'lostFrom.future')
        : { data: { ...d, lostFrom: at, lostTo: null }, next: 'where', echo: echo(ctx, at) }
    }
    if (day) {
      const { from, to } = wholeDay(day, ctx)
      return future(from)
        ? problem(ctx, 'lostFrom.future')
        : { data: { ...d, lostFrom: from, lostTo: to }, next: 'where', echo: echo(ctx, from, to) }
    }
    return button || textOf(input) ? problem(ctx, 'lostFrom.invalid') : undefined
  }
  const picked = button?.x === (step === 'whenFrom' ? 'from' : 'to') ? button.params.datetime : undefined
  if (!picked) {
    return button || textOf(input)
      ? problem(ctx, step === 'whenFrom' ? 'lostFrom.invalid' : 'lostTo.invalid')
      : undefined
  }
  if (future(picked)) {
    return problem(ctx, step === 'whenFrom' ? 'lostFrom.future' : 'lostTo.future')
  }
  if (step === 'whenFrom') {
    return { data: { ...d, lostFrom: picked }, next: 'whenTo' }
  }
  if (d.lostFrom && picked < d.lostFrom) {
    return problem(ctx, 'lostTo.beforeStart')
  }
  return { data: { ...d, lostTo: picked }, next: 'where', echo: d.lostFrom ? echo(ctx, d.lostFrom, picked) : undefined }
}
