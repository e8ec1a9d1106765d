import type { messagingApi } from '@line/bot-sdk'
import type { DocumentType, Language } from '../../../db/schema/index.js'
import type { ReportPrefill } from '../../contracts/liff-api.js'
import {
  ADDRESS_FIELDS,
  type AddressDraft,
  type ItemDraft,
  type ReportDraft,
} from '../../contracts/lost-documents/draft.js'
import type { UserInput } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'
import { type LostDocText, tl } from '../texts/index.js'

export const FLOW = 'lost_document'
/** Postback action of this service: `a=ld&x=<what>&v=<value>`. */
export const ACTION = 'ld'
/** An unfinished report is kept a day, then forgotten (conversation_states.expires_at). */
export const FLOW_TTL_MS = 24 * 60 * 60 * 1000
/** Back after this long: ask "continue where you left off?" before reading the answer. */
export const RESUME_AFTER_MS = 30 * 60 * 1000

/** What the chat has collected so far. Stored encrypted in the flow state: it holds an ID number and a phone. */
export type Collected = Partial<Omit<ReportDraft, 'address' | 'items'>> & {
  address: Partial<AddressDraft>
  items: ItemDraft[]
  /** The item being entered (type chosen, number and issuer to come). */
  item?: ItemDraft
}

export type Step =
  | 'reuse'
  | 'name'
  | 'idType'
  | 'idNumber'
  | 'dob'
  | 'phone'
  | 'houseNo'
  | 'village'
  | 'moo'
  | 'soi'
  | 'road'
  | 'subdistrict'
  | 'district'
  | 'province'
  | 'postcode'
  | 'itemType'
  | 'itemNumber'
  | 'itemIssuer'
  | 'moreItems'
  | 'when'
  | 'whenFrom'
  | 'whenTo'
  | 'where'
  | 'circumstances'
  | 'consent'
  | 'declaration'
  | 'edit'
  | 'resume'

/**
 * Steps that wait for free text: the text is the answer, whatever words it contains ("I lost my wallet on the bus"
 * is the story, not a new report). Only SOS, cancel and menu interrupt them (the engine asks `awaitsText`).
 */
export const FREE_TEXT: ReadonlySet<Step> = new Set<Step>([
  'name',
  'idNumber',
  'dob',
  'phone',
  ...ADDRESS_FIELDS,
  'itemNumber',
  'itemIssuer',
  'where',
  'circumstances',
])

/** Everything a step needs besides the input: language, time, the station's document types, the last report. */
export type StepContext = {
  lang: Language
  now: Date
  types: DocumentType[]
  /** The citizen's last report, for "use my details from last time". */
  previous?: ReportPrefill
}

/** A step's reading of the input: go on with new data, say what is wrong, or leave the input to other features. */
export type Outcome = { data: Collected; next: Step; echo?: string } | { problem: string } | undefined

export function pb(x: string, v?: string): string {
  return new URLSearchParams({ a: ACTION, x, ...(v === undefined ? {} : { v }) }).toString()
}

/** One of this service's buttons: what (`x`, '' for the entry itself), its value, and a picker's params. */
export type Button = { x: string; v: string | null; params: Record<string, string> }

/** Which of this service's buttons was pressed, or undefined for anything else. */
export function buttonOf(input: UserInput): Button | undefined {
  if (input.kind !== 'postback' || input.action !== ACTION) {
    return undefined
  }
  return { x: input.params.get('x') ?? '', v: input.params.get('v'), params: input.dateParams ?? {} }
}

type QuickReplyItem = messagingApi.QuickReplyItem

/** LINE cuts nothing: a quick-reply label over 20 characters is a 400, so labels are clipped here. */
const label = (text: string) => (text.length > 20 ? `${text.slice(0, 19)}…` : text)

export function qrPostback(text: string, data: string, displayText = text): QuickReplyItem {
  return { type: 'action', action: { type: 'postback', label: label(text), data, displayText } }
}

export function qrPicker(
  text: string,
  data: string,
  mode: 'date' | 'datetime',
  limits: { initial?: string; max?: string; min?: string },
): QuickReplyItem {
  return { type: 'action', action: { type: 'datetimepicker', label: label(text), data, mode, ...limits } }
}

export function qrLocation(text: string): QuickReplyItem {
  return { type: 'action', action: { type: 'location', label: label(text) } }
}

export function qrUri(text: string, uri: string): QuickReplyItem {
  return { type: 'action', action: { type: 'uri', label: label(text), uri } }
}

export const cancelItem = (lang: Language) => qrPostback(tl(lang, 'common.cancel'), pb('cancel'))
export const skipItem = (lang: Language) => qrPostback(tl(lang, 'common.skip'), pb('skip'))

/** A question: text with its quick replies, always ending with "cancel". */
export function question(lang: Language, text: string, items: QuickReplyItem[] = []): LineMessage {
  return { type: 'text', text: text.slice(0, 5000), quickReply: { items: [...items, cancelItem(lang)].slice(0, 13) } }
}

/** "ขออภัยครับ <problem>" / "Sorry, <problem>.": one language, one sentence, before the question is asked again. */
export function again(lang: Language, problem: string): { problem: string } {
  const text = lang === 'en' ? `${problem.charAt(0).toLowerCase()}${problem.slice(1)}` : problem
  return { problem: tl(lang, 'answer.again', { problem: text }) }
}

export function textOf(input: UserInput): string | undefined {
  return input.kind === 'text' ? input.text.normalize('NFC').trim() : undefined
}

/**
 * A polite ending closing a typed answer ("นางสาวสมหญิง ใจดีค่ะ", "ระยองครับ", "ตลาดเทศบาลนะคะ"): how people answer
 * in Thai, never part of a name, an address or a place, so it must not reach the report, the officers and the PDF.
 */
const POLITE_ENDING = /(?:\s*(?:นะ)?(?:ครับผม|ครับ|คับ|คร้าบ|ค้าบ|ค่ะ|คะ|ค่า|คร่า|จ้า|จ้ะ|จ๊ะ))+[\s.!~]*$/u

/** A field's typed value (name, number, address part, place): the text without a closing polite particle. */
export function fieldTextOf(input: UserInput): string | undefined {
  const text = textOf(input)
  if (!text) {
    return text
  }
  const bare = text.replace(POLITE_ENDING, '').trim()
  return bare.length > 0 ? bare : text
}

/** Why the question comes again after a sticker, a photo or a stray tap: what this step takes, kindly. */
export function hint(lang: Language, step: Step): string {
  if (step === 'itemType') {
    return tl(lang, 'answer.pickType')
  }
  if (step === 'dob' || step === 'when') {
    return tl(lang, 'answer.pickDate')
  }
  if (step === 'whenFrom' || step === 'whenTo') {
    return tl(lang, 'answer.pickTime')
  }
  return tl(lang, FREE_TEXT.has(step) ? 'answer.typeText' : 'answer.useButtons')
}

export const T = (lang: Language, key: LostDocText, vars?: Record<string, string | number>) => tl(lang, key, vars)
