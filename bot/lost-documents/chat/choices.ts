import { matchDocumentType, matchOption, type Option } from '../../conversation/input.js'
import type { UserInput } from '../../conversation/types.js'
import { en } from '../texts/en.js'
import { th } from '../texts/th.js'
import { type Button, buttonOf, type Step, type StepContext } from './kit.js'

/** A quick-reply answer people may also type: the button it stands for, its labels (both languages) and synonyms. */
type Choice = Option & { x: string; v?: string }

const both = (key: keyof typeof th) => [th[key], en[key]]
const choice = (x: string, v: string | undefined, labels: string[], synonyms: string[] = []): Choice => ({
  id: `${x}:${v ?? ''}`,
  x,
  v,
  labels,
  synonyms,
})

/** Edit choices on the summary, by answer group (see edit.ts), labelled like the summary's lines. */
export const EDIT_GROUPS = ['name', 'id', 'dob', 'phone', 'address', 'items', 'when', 'where', 'story'] as const
export type EditGroup = (typeof EDIT_GROUPS)[number]
export const EDIT_LABEL = {
  name: 'summary.name',
  id: 'summary.id',
  dob: 'summary.dob',
  phone: 'summary.phone',
  address: 'summary.address',
  items: 'summary.items',
  when: 'summary.when',
  where: 'summary.where',
  story: 'summary.story',
} as const satisfies Record<EditGroup, keyof typeof th>
const EDIT_SYNONYMS: Record<EditGroup, string[]> = {
  name: ['ชื่อ', 'ชื่อผู้แจ้ง', 'ชื่อนามสกุล', 'name', 'my name'],
  id: ['เลขบัตร', 'บัตรประจำตัว', 'เลขบัตรประชาชน', 'id number', 'id card', 'passport number'],
  dob: ['วันเกิด', 'วันเดือนปีเกิด', 'date of birth', 'birthday', 'birth date'],
  phone: ['เบอร์', 'เบอร์โทร', 'เบอร์มือถือ', 'มือถือ', 'phone number', 'mobile'],
  address: ['ที่อยู่', 'บ้านเลขที่', 'address'],
  items: ['เอกสาร', 'รายการเอกสาร', 'documents', 'lost documents'],
  when: ['เวลา', 'วันที่หาย', 'วันเวลา', 'time', 'date'],
  where: ['ที่ไหน', 'สถานที่หาย', 'place', 'location'],
  story: ['เรื่องราว', 'เล่าเหตุการณ์', 'story', 'circumstances'],
}

/** The typed forms of each step's buttons (kept as constants: matchOption compiles each array once). */
const CHOICES: Partial<Record<Step, readonly Choice[]>> = {
  reuse: [
    choice('reuse', '1', both('reuse.yes'), ['ใช้ข้อมูลเดิม', 'ข้อมูลเดิม', 'ใช้อันเดิม', 'เหมือนเดิม', 'same', 'same as before']),
    choice('reuse', '0', both('reuse.no'), ['กรอกใหม่', 'ข้อมูลใหม่', 'ใหม่', 'new', 'new details']),
  ],
  idType: [
    choice('idt', 'thai_id', both('idType.thai_id'), [
      'บัตรประชาชน',
      'บัตรประจำตัวประชาชน',
      'ปชช',
      'thai id',
      'id card',
      'national id',
      'citizen id',
    ]),
    choice('idt', 'passport', both('idType.passport'), ['พาสปอร์ต', 'passport']),
    choice('idt', 'alien_id', both('idType.alien_id'), [
      'บัตรต่างด้าว',
      'บัตรชมพู',
      'pink card',
      'alien card',
      'non-thai id',
    ]),
    choice('idt', 'work_permit', both('idType.work_permit'), ['เวิร์คเพอร์มิต', 'work permit']),
  ],
  moreItems: [
    choice('more', '1', both('more.add'), ['เพิ่ม', 'มีอีก', 'ยังมี', 'add', 'add more', 'one more', 'another one']),
    choice('more', '0', both('more.done'), [
      'ไม่มี',
      'หมดแล้ว',
      'ครบแล้ว',
      'แค่นี้',
      'พอแล้ว',
      'done',
      'no more',
      "that's all",
    ]),
  ],
  when: [
    choice('range', undefined, both('when.range'), ['เป็นช่วง', 'ช่วงเวลา', 'ไม่แน่ใจ', 'จำไม่ได้', 'range', 'not sure']),
  ],
  consent: [
    choice('consent', '1', both('consent.yes'), ['ให้ความยินยอม', 'ยอมรับ', 'agree', 'i agree', 'accept', 'consent']),
    choice('consent', '0', both('consent.no'), ['ไม่ยอมรับ', 'ไม่ตกลง', 'disagree', 'do not agree', 'decline']),
  ],
  declaration: [
    choice('declare', undefined, both('declaration.yes'), ['ยืนยัน', 'ส่ง', 'ส่งเลย', 'confirm', 'send', 'submit']),
    choice('edit', undefined, both('declaration.edit'), ['แก้', 'แก้ข้อมูล', 'แก้ไขข้อมูล', 'edit', 'change', 'fix']),
  ],
  resume: [
    choice('resume', undefined, both('resume.continue'), [
      'ทำต่อ',
      'ต่อ',
      'ทำต่อเลย',
      'ลองอีกครั้ง',
      'continue',
      'resume',
      'try again',
    ]),
    choice('restart', undefined, both('resume.restart'), ['เริ่มใหม่', 'restart', 'start again', 'start over']),
  ],
  edit: [
    ...EDIT_GROUPS.map((g) => choice('edit', g, both(EDIT_LABEL[g]), EDIT_SYNONYMS[g])),
    choice('edit', 'back', both('edit.back'), ['กลับ', 'สรุป', 'ไม่แก้', 'back', 'summary', 'nothing']),
  ],
}

/** What yes or no means at a step: "ใช่", "ok", "ไม่" ("ครับ" alone only where nothing binding follows). */
const YES_NO: Partial<Record<Step, { yes?: Button; no?: Button; exactOnly?: boolean }>> = {
  reuse: { yes: { x: 'reuse', v: '1', params: {} }, no: { x: 'reuse', v: '0', params: {} } },
  moreItems: { yes: { x: 'more', v: '1', params: {} }, no: { x: 'more', v: '0', params: {} } },
  resume: { yes: { x: 'resume', v: null, params: {} } },
  // Consent must be explicit: a clear yes or no, not a bare "ครับ".
  consent: { yes: { x: 'consent', v: '1', params: {} }, no: { x: 'consent', v: '0', params: {} }, exactOnly: true },
}

/**
 * The button an input stands for at a step: a tap, or its typed form ("บัตรประชาชน", "passport", "ไม่มีแล้ว",
 * "ยินยอม", "แก้ไข"). A document type is matched against the station's current list.
 */
export function choiceOf(step: Step, input: UserInput, ctx: StepContext): Button | undefined {
  const tapped = buttonOf(input)
  if (tapped || input.kind !== 'text') {
    return tapped
  }
  if (step === 'itemType') {
    const type = matchDocumentType(input.text, ctx.types, ctx.lang)
    return type ? { x: 'doc', v: type.option.id, params: {} } : undefined
  }
  const options = CHOICES[step]
  const typed = options ? matchOption(input.text, options) : undefined
  if (typed) {
    return { x: typed.option.x, v: typed.option.v ?? null, params: {} }
  }
  const yesNo = YES_NO[step]
  const m = input.understanding.intent
  if (!yesNo || !m || m.strength === 'mention' || (yesNo.exactOnly && m.strength !== 'exact')) {
    return undefined
  }
  return m.id === 'yes' ? yesNo.yes : m.id === 'no' ? yesNo.no : undefined
}

const SKIP: readonly Option[] = [
  {
    id: 'skip',
    labels: both('common.skip'),
    synonyms: ['ข้าม', 'ไม่มี', 'ไม่ทราบ', 'ไม่รู้', 'จำไม่ได้', '-', 'skip', 'none', 'no', 'n/a', "don't know", 'unknown'],
  },
]

/** "Skip" tapped, or typed as the whole answer ("ไม่มี", "-", "none"): never a word inside an answer. */
export function isSkip(input: UserInput): boolean {
  if (buttonOf(input)?.x === 'skip') {
    return true
  }
  return input.kind === 'text' && (input.text.trim() === '-' || matchOption(input.text, SKIP)?.how === 'exact')
}
