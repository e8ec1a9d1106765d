/**
 * Matches what reached the fake LINE to the events the bench sent: a reply by its token; a push to that user's
 * oldest unanswered event (counted as "not by reply"). The bot does not say which event a push answers, and each
 * event of the mix gets exactly one send of ≤ 5 messages, so oldest-first is the only honest rule.
 */
import type { FakeLineRecord, FakeLineRecords } from '../fake-line.js'
import type { EventKind } from './events.js'

export type SentEvent = {
  userId: string
  kind: EventKind
  replyToken: string
  /** Wall-clock time the open-loop schedule meant to send it (ms); answers are timed from here. */
  sentAt: number
  /** How late the generator issued it against its schedule (a starved bench, not the bot). */
  sendLagMs?: number
  /** Acknowledgement time from the scheduled send (ms), or undefined if there was no 2xx. */
  ackMs?: number
  /** The webhook's HTTP status, or why there was none (see load.ts). */
  ackStatus?: number | string
  answeredAt?: number
  byReply?: boolean
}

/**
 * One tracker per bot under test: a new one starts after the fake's existing records, so a previous part's late
 * answers or still-open events cannot be matched with this part's.
 */
export async function createTracker(fakeLineUrl: string) {
  const byToken = new Map<string, SentEvent>()
  const unansweredByUser = new Map<string, SentEvent[]>() // in send order; answered ones are skipped lazily
  let next = 0
  let open = 0
  const answerTimes: number[] = [] // arrival at the fake LINE of every matched answer, for cost per answered event
  let calls: Record<string, number> = {}
  const odd = { unmatchedPushes: 0, lateReplies: 0, unknownReplies: 0, multicasts: 0 }

  function add(event: SentEvent) {
    open += 1
    byToken.set(event.replyToken, event)
    const queue = unansweredByUser.get(event.userId)
    if (queue) {
      queue.push(event)
    } else {
      unansweredByUser.set(event.userId, [event])
    }
  }

  function oldestUnanswered(userId: string, before: number): SentEvent | undefined {
    const queue = unansweredByUser.get(userId)
    while (queue && queue.length > 0 && queue[0]?.answeredAt !== undefined) {
      queue.shift()
    }
    const head = queue?.[0]
    return head && head.sentAt <= before ? head : undefined
  }

  function ingest(record: FakeLineRecord) {
    if (record.kind === 'reply') {
      const event = byToken.get(record.token)
      if (!event) {
        odd.unknownReplies += 1
      } else if (event.answeredAt !== undefined) {
        odd.lateReplies += 1 // a push was already matched to it: the matching guessed wrong once
      } else {
        event.answeredAt = record.at
        event.byReply = true
        open -= 1
        answerTimes.push(record.at)
      }
      return
    }
    if (record.kind === 'multicast') {
      odd.multicasts += 1
      return
    }
    const event = oldestUnanswered(record.to, record.at)
    if (event) {
      event.answeredAt = record.at
      event.byReply = false
      open -= 1
      answerTimes.push(record.at)
    } else {
      odd.unmatchedPushes += 1
    }
  }

  /** Reads the fake's new records and matches them (or, with `skip`, only moves past them). */
  async function poll(skip = false) {
    const res = await fetch(`${fakeLineUrl}/__bench/records?since=${next}`)
    const data = (await res.json()) as FakeLineRecords
    for (const record of skip ? [] : data.records) {
      ingest(record)
    }
    next = data.next
    calls = data.calls
  }

  /** Polls until every event in `events` is answered, or `timeoutMs` passes; returns how many are still open. */
  async function waitAnswered(events: SentEvent[], timeoutMs: number, everyMs = 500): Promise<number> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      await poll()
      const open = events.filter((e) => e.answeredAt === undefined).length
      if (open === 0 || Date.now() >= deadline) {
        return open
      }
      await new Promise((r) => setTimeout(r, everyMs))
    }
  }

  /** Answers that reached the fake LINE in [from, to] (ms, wall clock: the fake runs on the same machine). */
  const answeredBetween = (from: number, to: number) => answerTimes.filter((t) => t >= from && t <= to).length

  await poll(true)
  return { add, poll, waitAnswered, answeredBetween, odd, calls: () => ({ ...calls }), open: () => open }
}
export type Tracker = Awaited<ReturnType<typeof createTracker>>
