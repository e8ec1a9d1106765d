import { type Option, understandingOf } from '../../conversation/input.js'
import type { Turn } from '../../conversation/types.js'
import { tc } from '../texts/index.js'

// What the start's steps read from typed text, besides topics (topics.ts) and "end" (end.ts).

/** The answers to "did these answers answer your question?", typed instead of tapped. */
export const VERDICT: readonly (Option & { id: 'ok' | 'more' })[] = [
  {
    id: 'ok',
    labels: [tc('th', 'answers.sufficed'), tc('en', 'answers.sufficed')],
    synonyms: ['ตอบแล้ว', 'ได้คำตอบแล้ว', 'เข้าใจแล้ว', 'พอแล้ว', 'answered', 'that answers it', 'got it'],
  },
  {
    id: 'more',
    labels: [
      tc('th', 'answers.more'),
      tc('th', 'answers.moreFull'),
      tc('en', 'answers.more'),
      tc('en', 'answers.moreFull'),
    ],
    synonyms: ['ยังไม่ได้คำตอบ', 'ยังไม่ตอบ', 'ขอคุยกับเจ้าหน้าที่', 'คุยกับตำรวจ', 'officer', 'talk to someone', 'not answered'],
  },
]

/** A clear request to another service (its button, or "ข้อมูลสถานี" as the whole message): not this step's answer. */
export function forOthers(input: Turn['input']): boolean {
  const m = understandingOf(input)?.intent
  return Boolean(m && m.strength !== 'mention' && !['greeting', 'thanks', 'yes', 'no', 'consultation'].includes(m.id))
}
