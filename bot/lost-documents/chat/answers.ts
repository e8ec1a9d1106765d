import { ISSUE_MESSAGES, type IssueCode } from '../../contracts/lost-documents/messages.js'
import {
  isDocumentIdNumber,
  isFullName,
  isPostcode,
  isThaiNationalId,
  normaliseMobile,
  parseBangkokDateTime,
  parseTypedDate,
} from '../../contracts/lost-documents/rules.js'
import type { UserInput } from '../../conversation/types.js'
import { answerWhen } from './answers-when.js'
import { isSkip } from './choices.js'
import {
  again,
  type Button,
  type Collected,
  fieldTextOf,
  type Outcome,
  type Step,
  type StepContext,
  T,
  textOf,
} from './kit.js'

const problem = (ctx: StepContext, code: IssueCode) => again(ctx.lang, ISSUE_MESSAGES[code][ctx.lang === 'th' ? 0 : 1])

/** After the address, or after "use my details": the documents. */
const ADDRESS_NEXT: Partial<Record<Step, Step>> = {
  houseNo: 'village',
  village: 'moo',
  moo: 'soi',
  soi: 'road',
  road: 'subdistrict',
  subdistrict: 'district',
  district: 'province',
  province: 'postcode',
}

function answerName(text: string | undefined, ctx: StepContext, d: Collected): Outcome {
  if (!text) {
    return undefined
  }
  const name = text.replace(/\s+/g, ' ')
  if (name.length < 2 || name.length > 200) {
    return problem(ctx, 'declarantName.required')
  }
  return isFullName(name)
    ? { data: { ...d, declarantName: name }, next: 'idType' }
    : again(ctx.lang, T(ctx.lang, 'name.full'))
}

/** The identity document: its button or typed name; a valid Thai ID number typed here answers both questions. */
function answerIdType(input: UserInput, button: Button | undefined, d: Collected): Outcome {
  const text = fieldTextOf(input)
  if (text && isThaiNationalId(text)) {
    return { data: { ...d, idType: 'thai_id', useLastId: false, idNumber: text }, next: 'dob' }
  }
  return button?.x === 'idt' && button.v
    ? { data: { ...d, idType: button.v, useLastId: false }, next: 'idNumber' }
    : undefined
}

function answerAddress(step: Step, input: UserInput, ctx: StepContext, d: Collected, button?: Button): Outcome {
  const key = step as keyof Collected['address']
  const optional = step === 'village' || step === 'moo' || step === 'soi' || step === 'road'
  let value = button?.x === 'prov' ? (button.v ?? '') : (fieldTextOf(input) ?? '')
  if (optional && isSkip(input)) {
    value = ''
  } else if (!value) {
    return undefined
  }
  if (value.length > 120) {
    return problem(ctx, 'address.tooLong')
  }
  if (step === 'postcode' && !isPostcode(value)) {
    return problem(ctx, 'address.postcode.invalid')
  }
  const address = { ...d.address, [key]: value }
  return { data: { ...d, address }, next: ADDRESS_NEXT[step] ?? 'itemType' }
}

function answerDob(input: UserInput, ctx: StepContext, d: Collected, button?: Button): Outcome {
  const picked = button?.x === 'dob' ? button.params.date : undefined
  const typed = fieldTextOf(input)
  const date = picked ?? (typed ? parseTypedDate(typed) : null)
  if (!date) {
    return typed || button ? problem(ctx, 'dateOfBirth.invalid') : undefined
  }
  const today = parseBangkokDateTime(`${date}T00:00`)
  if (!today || today.getTime() > ctx.now.getTime()) {
    return problem(ctx, 'dateOfBirth.future')
  }
  if (date < '1900-01-01') {
    return problem(ctx, 'dateOfBirth.tooOld')
  }
  return { data: { ...d, dateOfBirth: date }, next: 'phone' }
}

function answerItem(step: Step, input: UserInput, ctx: StepContext, d: Collected, button?: Button): Outcome {
  if (step === 'itemType') {
    // A tap, or a typed name matched by choiceOf ("บัตรประชาชน", "passport", "ATM").
    const type = button?.x === 'doc' ? ctx.types.find((t) => t.code === button.v) : undefined
    if (!type) {
      return textOf(input) || button ? problem(ctx, 'items.documentType') : undefined
    }
    const item = { documentType: type.code, number: null, issuer: null }
    const next = type.hasNumber ? 'itemNumber' : type.issuers.length > 0 ? 'itemIssuer' : 'moreItems'
    return next === 'moreItems'
      ? { data: { ...d, items: [...d.items, item], item: undefined }, next }
      : { data: { ...d, item }, next }
  }
  const item = d.item
  if (!item) {
    return { data: d, next: 'itemType' }
  }
  const type = ctx.types.find((t) => t.code === item.documentType)
  const skipped = isSkip(input)
  if (step === 'itemNumber') {
    const number = skipped ? null : fieldTextOf(input)
    if (number === undefined) {
      return undefined
    }
    if ((number?.length ?? 0) > 60) {
      return problem(ctx, 'items.tooLong')
    }
    const withNumber = { ...item, number }
    if (type && type.issuers.length > 0) {
      return { data: { ...d, item: withNumber }, next: 'itemIssuer' }
    }
    return { data: { ...d, items: [...d.items, withNumber], item: undefined }, next: 'moreItems' }
  }
  // itemIssuer: a suggested issuer (by index), a typed one, or none.
  const picked = button?.x === 'iss' ? type?.issuers[Number(button.v)] : undefined
  const issuer = skipped ? null : (picked ?? fieldTextOf(input))
  if (issuer === undefined) {
    return undefined
  }
  return {
    data: { ...d, items: [...d.items, { ...item, issuer: issuer?.slice(0, 120) ?? null }], item: undefined },
    next: 'moreItems',
  }
}

/** Reads the answer to `step`; `button` is the tap or its typed form (choices.ts). */
export function answer(step: Step, input: UserInput, ctx: StepContext, d: Collected, button?: Button): Outcome {
  const text = textOf(input)
  // Names, numbers and places are stored as typed, less a closing "ครับ/ค่ะ"; the story keeps its words.
  const field = fieldTextOf(input)
  switch (step) {
    case 'name':
      return answerName(field, ctx, d)
    case 'idType':
      return answerIdType(input, button, d)
    case 'idNumber': {
      if (!field) {
        return undefined
      }
      const ok = d.idType === 'thai_id' ? isThaiNationalId(field) : isDocumentIdNumber(field)
      return ok
        ? { data: { ...d, idNumber: field }, next: 'dob' }
        : problem(ctx, d.idType === 'thai_id' ? 'idNumber.checksum' : 'idNumber.format')
    }
    case 'dob':
      return answerDob(input, ctx, d, button)
    case 'phone': {
      if (!field) {
        return undefined
      }
      const phone = normaliseMobile(field)
      return phone ? { data: { ...d, phone }, next: 'houseNo' } : problem(ctx, 'phone.invalid')
    }
    case 'itemType':
    case 'itemNumber':
    case 'itemIssuer':
      return answerItem(step, input, ctx, d, button)
    case 'moreItems':
      if (button?.x !== 'more') {
        return undefined
      }
      return button.v === '1' && d.items.length < 10 ? { data: d, next: 'itemType' } : { data: d, next: 'when' }
    case 'when':
    case 'whenFrom':
    case 'whenTo':
      return answerWhen(step, input, ctx, d, button)
    case 'where':
      if (input.kind === 'location') {
        const pin = T(ctx.lang, 'where.pin', { lat: input.latitude.toFixed(5), lng: input.longitude.toFixed(5) })
        const placeText = (input.address || input.title || pin).slice(0, 500)
        return {
          data: { ...d, placeText, location: { latitude: input.latitude, longitude: input.longitude } },
          next: 'circumstances',
        }
      }
      return field ? { data: { ...d, placeText: field.slice(0, 500) }, next: 'circumstances' } : undefined
    case 'circumstances':
      if (!text) {
        return undefined
      }
      return text.length < 5
        ? problem(ctx, 'circumstances.required')
        : { data: { ...d, circumstances: text.slice(0, 2000) }, next: 'consent' }
    default:
      return step in ADDRESS_NEXT || step === 'postcode' ? answerAddress(step, input, ctx, d, button) : undefined
  }
}
