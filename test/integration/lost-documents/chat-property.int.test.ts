import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { interruption, understand } from '../../../bot/conversation/understanding/index.js'
import type { LineMessage } from '../../../bot/line/line-client.js'
import { type EngineChat, startEngineChat } from '../../helpers/engine-chat.js'
import { daysAgo, THAI_ID } from '../../unit/lost-documents/fixtures.js'

/**
 * Flows never loop: a citizen who sends anything at all (texts, taps of any button, stickers, photos, locations) for
 * a while and then answers properly always gets to the summary (or the report ends: cancelled, consent refused)
 * within a bounded number of turns; the same question is never asked three times in a row; a step waiting for free
 * text takes any text as its answer; every message gets an answer.
 */
let chat: EngineChat
beforeAll(async () => {
  chat = await startEngineChat()
})
afterAll(async () => {
  await chat?.close()
})

type Action =
  | { kind: 'text'; text: string }
  | { kind: 'tap'; data: string }
  | { kind: 'quick'; index: number }
  | { kind: 'sticker' | 'image' | 'location' }
  /** A proper answer in between, so that the noise reaches every step (step 9, the summary, editing). */
  | { kind: 'answer' }

const PHRASES = [
  'กระเป๋าสตางค์หล่นหายระหว่างเดินตลาด',
  'I lost my wallet on the bus',
  'ทำบัตรประชาชนหายครับ',
  'แจ้งเอกสารหาย',
  'บัตรประชาชน',
  'passport',
  'สวัสดีครับ',
  'ขอบคุณค่ะ',
  'เมนู',
  'ข้าม',
  'ไม่มีแล้ว',
  'ยินยอม',
  'แก้ไข',
  'ok',
  'ครับ',
  'เรื่องที่ฉันแจ้ง',
  'ข้อมูลสถานี',
  'ปรึกษากฎหมาย',
  'English',
  'ภาษาไทย',
  '555',
  '🙏',
  'ช่วยด้วยค่ะ',
  '0812345678',
  '12/05/2530',
  'สมชาย',
  'นางสาวมาลี ศรีสุข',
  'ยกเลิก',
]
const THAI = [...'กขคงจฉชซญดตถทนบปผพฟมยรลวสหอะาิีึืุูเแโใไ่้๊๋ั็์ ']
const STRAY = [
  'a=ld',
  'a=ld&x=chat',
  'a=ld&x=mine',
  'a=ld&x=idt&v=passport',
  'a=ld&x=doc&v=atm_card',
  'a=ld&x=more&v=1',
  'a=ld&x=more&v=0',
  'a=ld&x=skip',
  'a=ld&x=edit&v=address',
  'a=ld&x=resume',
  'a=ld&x=restart',
  'a=ld&x=consent&v=1',
  'a=station',
  'a=menu',
  'a=lang&v=en',
  'a=lang&v=th',
  'a=resume',
  'a=sos',
]

/** Anything but a proper answer. */
const noise: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: fc.constantFrom(...PHRASES).map((text) => ({ kind: 'text' as const, text })), weight: 4 },
  { arbitrary: fc.string({ minLength: 1, maxLength: 40 }).map((text) => ({ kind: 'text' as const, text })), weight: 2 },
  {
    arbitrary: fc
      .string({ unit: fc.constantFrom(...THAI), minLength: 1, maxLength: 40 })
      .map((text) => ({ kind: 'text' as const, text })),
    weight: 2,
  },
  { arbitrary: fc.constantFrom(...STRAY).map((data) => ({ kind: 'tap' as const, data })), weight: 2 },
  { arbitrary: fc.nat(12).map((index) => ({ kind: 'quick' as const, index })), weight: 3 },
  {
    arbitrary: fc.constantFrom('sticker' as const, 'image' as const, 'location' as const).map((kind) => ({ kind })),
    weight: 2,
  },
)
const withAnswers: fc.Arbitrary<Action> = fc.oneof(
  { arbitrary: noise, weight: 15 },
  { arbitrary: fc.constant({ kind: 'answer' as const }), weight: 6 },
)

type QuickItem = { action: { type: string; data?: string; label?: string } }
const quickOf = (m: LineMessage | undefined) =>
  ((m as { quickReply?: { items?: QuickItem[] } } | undefined)?.quickReply?.items ?? []).map((i) => i.action)

/** A question of the report: its quick replies end with the report's "cancel" (the text identifies it). */
function questionOf(messages: LineMessage[]): string | undefined {
  const last = messages.at(-1)
  const quick = quickOf(last)
  const isQuestion = quick.at(-1)?.data === 'a=ld&x=cancel'
  return isQuestion ? String((last as { text?: string }).text ?? JSON.stringify(last)) : undefined
}

/** Steps that accept any text within their length limits (names, ID numbers, dates and phones are checked). */
const ANY_TEXT: Record<string, (t: string) => boolean> = {
  houseNo: (t) => t.length <= 120,
  village: (t) => t.length <= 120,
  moo: (t) => t.length <= 120,
  soi: (t) => t.length <= 120,
  road: (t) => t.length <= 120,
  subdistrict: (t) => t.length <= 120,
  district: (t) => t.length <= 120,
  province: (t) => t.length <= 120,
  itemNumber: (t) => t.length <= 60,
  itemIssuer: () => true,
  where: () => true,
  circumstances: (t) => t.length >= 5,
}

async function stateOf(userId: string) {
  const row = await chat.state(userId)
  const kept = (row?.data as { setAside?: { flow: string } } | undefined)?.setAside
  return { flow: row?.flow ?? null, step: row?.step ?? null, kept: kept?.flow === 'lost_document' }
}

/** What a citizen who now means it does at each point: the right answer, "continue", or nothing left to do. */
async function cooperate(userId: string): Promise<LineMessage[] | 'summary' | 'ended'> {
  const s = await stateOf(userId)
  if (s.flow === 'sos' && s.kept) {
    return chat.postback(userId, 'a=resume')
  }
  if (s.flow !== 'lost_document') {
    return 'ended'
  }
  const u = userId
  switch (s.step) {
    case 'declaration':
      return 'summary'
    case 'resume':
      return chat.postback(u, 'a=ld&x=resume')
    case 'reuse':
      return chat.postback(u, 'a=ld&x=reuse&v=0')
    case 'edit':
      return chat.postback(u, 'a=ld&x=edit&v=back')
    case 'name':
      return chat.text(u, 'นายสมชาย ใจดี')
    case 'idType':
      return chat.postback(u, 'a=ld&x=idt&v=thai_id')
    case 'idNumber':
      return chat.text(u, THAI_ID)
    case 'dob':
      return chat.postback(u, 'a=ld&x=dob', { date: '1987-05-12' })
    case 'phone':
      return chat.text(u, '0812345678')
    case 'province':
      return chat.postback(u, 'a=ld&x=prov&v=ระยอง')
    case 'postcode':
      return chat.text(u, '21000')
    case 'village':
    case 'soi':
    case 'itemIssuer':
      return chat.postback(u, 'a=ld&x=skip')
    case 'itemType':
      return chat.postback(u, 'a=ld&x=doc&v=thai_id_card')
    case 'itemNumber':
      return chat.text(u, THAI_ID)
    case 'moreItems':
      return chat.postback(u, 'a=ld&x=more&v=0')
    case 'when':
      return chat.postback(u, 'a=ld&x=at', { datetime: daysAgo(1, chat.now()) })
    case 'whenFrom':
      return chat.postback(u, 'a=ld&x=from', { datetime: daysAgo(2, chat.now()) })
    case 'whenTo':
      return chat.postback(u, 'a=ld&x=to', { datetime: daysAgo(1, chat.now()) })
    case 'consent':
      return chat.postback(u, 'a=ld&x=consent&v=1')
    default:
      // houseNo, moo, road, subdistrict, district, where, circumstances: any reasonable words.
      return chat.text(u, 'ลืมกระเป๋าไว้ที่ร้านกาแฟหน้าตลาด')
  }
}

async function act(userId: string, a: Action, last: LineMessage[]): Promise<LineMessage[]> {
  switch (a.kind) {
    case 'answer': {
      const got = await cooperate(userId)
      // At the summary (or after the end) a proper answer is a sticker: something must be sent.
      return typeof got === 'string' ? chat.sticker(userId) : got
    }
    case 'text':
      return chat.text(userId, a.text)
    case 'tap':
      return chat.postback(userId, a.data)
    case 'quick': {
      // Any of the offered buttons but "cancel" (typed "ยกเลิก" still cancels): a run should get somewhere. Not the
      // legal consultation either (the main menu offers it): once a question is asked, what the citizen sends goes to
      // the officers in the thread and the bot stays quiet by design, which is not a loop of this chat.
      const items = quickOf(last.at(-1)).filter(
        (i) => i.type === 'postback' && i.data && i.data !== 'a=ld&x=cancel' && !i.data.startsWith('a=con'),
      )
      const item = items[a.index % Math.max(items.length, 1)]
      return chat.postback(userId, item?.data ?? 'a=ld&x=skip')
    }
    case 'sticker':
      return chat.sticker(userId)
    case 'image':
      return chat.image(userId)
    case 'location':
      return chat.location(userId, 12.68, 101.28)
  }
}

/** Longest run of the same question in consecutive turns. */
function longestRun(questions: (string | undefined)[]): { length: number; question?: string } {
  let best: { length: number; question?: string } = { length: 0 }
  let run = 0
  questions.forEach((q, i) => {
    run = q !== undefined && q === questions[i - 1] ? run + 1 : q === undefined ? 0 : 1
    if (run > best.length) {
      best = { length: run, question: q }
    }
  })
  return best
}

/** A full report is about 25 answers; set-aside and "continue" add a few. */
const BOUND = 40

describe('the lost-document chat never loops (property)', () => {
  it('random texts, taps, stickers and images, then real answers: summary or ended, never a question thrice', async () => {
    let n = 0
    const noiseAt = new Set<string>()
    await fc.assert(
      fc.asyncProperty(noise, fc.array(withAnswers, { maxLength: 40 }), async (first, rest) => {
        const actions = [first, ...rest]
        // Run k starts the noise at the k-th question (mod 27): every step gets it, the summary included.
        const ahead = n % 27
        const userId = `Uprop${n.toString().padStart(6, '0')}${Math.random().toString(16).slice(2, 10)}`
        let last = await chat.postback(userId, 'a=ld&x=chat')
        const questions = [questionOf(last)]
        n += 1
        for (let i = 0; i < ahead; i++) {
          const got = await cooperate(userId)
          if (typeof got === 'string') {
            break
          }
          last = got
          questions.push(questionOf(got))
        }
        for (const a of actions) {
          const before = await stateOf(userId)
          if (a.kind !== 'answer' && before.step) {
            noiseAt.add(before.step)
          }
          last = await act(userId, a, last)
          expect(last.length, `no answer to ${JSON.stringify(a)}`).toBeGreaterThan(0)
          questions.push(questionOf(last))
          const free = before.flow === 'lost_document' && before.step ? ANY_TEXT[before.step] : undefined
          if (a.kind === 'text' && free?.(a.text.trim()) && a.text.trim() && !interruption(understand(a.text))) {
            // The text is the answer: the flow moved on, whatever the words ("I lost my wallet on the bus").
            const after = await stateOf(userId)
            expect(after, `"${a.text}" at ${before.step}`).toMatchObject({ flow: 'lost_document' })
            expect([before.step, 'resume'], `"${a.text}" at ${before.step}`).not.toContain(after.step)
          }
        }
        let outcome: 'summary' | 'ended' | undefined
        for (let turn = 0; turn < BOUND && !outcome; turn++) {
          const got = await cooperate(userId)
          if (got === 'summary' || got === 'ended') {
            outcome = got
          } else {
            expect(got.length).toBeGreaterThan(0)
            last = got
            questions.push(questionOf(got))
          }
        }
        expect(outcome, `not at the summary after ${BOUND} proper answers`).toBeDefined()
        const run = longestRun(questions)
        expect(run.length, `asked ${run.length} times in a row: ${run.question}`).toBeLessThanOrEqual(2)
      }),
      { numRuns: 60, endOnFailure: true },
    )
    // The generator really went everywhere: noise at the story, the document list, the summary and while paused.
    expect([...noiseAt]).toEqual(expect.arrayContaining(['name', 'itemType', 'circumstances', 'declaration', 'resume']))
  }, 300_000)
})
