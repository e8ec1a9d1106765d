import type { AddressDraft, ItemDraft, ReportDraft, ValidationContext, ValidReport } from './draft.js'
import { ADDRESS_FIELDS, MAX_ITEMS, REQUIRED_ADDRESS } from './draft.js'
import { type Issue, issue } from './messages.js'
import {
  bangkokToday,
  compactIdNumber,
  isDocumentIdNumber,
  isPostcode,
  isThaiNationalId,
  parseBangkokDateTime,
  parseIsoDate,
} from './rules.js'

/** Clocks on phones drift: a time up to this far ahead is still "now". */
const CLOCK_SKEW_MS = 5 * 60 * 1000
const TEN_YEARS_MS = 10 * 366 * 24 * 60 * 60 * 1000

export const clean = (v: unknown): string =>
  typeof v === 'string' ? v.normalize('NFC').trim().replace(/\s+/g, ' ') : ''

export function checkId(d: ReportDraft, ctx: ValidationContext, out: Issue[]): string | null {
  if (d.useLastId) {
    if (!ctx.hasPreviousId) {
      out.push(issue('idNumber', 'idNumber.noPrevious'))
    }
    return null
  }
  const raw = clean(d.idNumber)
  if (!raw) {
    out.push(issue('idNumber', 'idNumber.required'))
  } else if (d.idType === 'thai_id' && !isThaiNationalId(raw)) {
    out.push(issue('idNumber', 'idNumber.checksum'))
  } else if (d.idType !== 'thai_id' && !isDocumentIdNumber(raw)) {
    out.push(issue('idNumber', 'idNumber.format'))
  }
  return compactIdNumber(raw)
}

export function checkBirth(value: string, ctx: ValidationContext, out: Issue[]) {
  const date = parseIsoDate(value)
  if (!date) {
    out.push(issue('dateOfBirth', 'dateOfBirth.invalid'))
  } else if (value > bangkokToday(ctx.now)) {
    out.push(issue('dateOfBirth', 'dateOfBirth.future'))
  } else if (date.y < 1900) {
    out.push(issue('dateOfBirth', 'dateOfBirth.tooOld'))
  }
}

export function checkAddress(a: Partial<AddressDraft> | undefined, out: Issue[]): Record<string, string> {
  const address: Record<string, string> = {}
  for (const key of ADDRESS_FIELDS) {
    const value = clean(a?.[key])
    if (value.length > 120) {
      out.push(issue(`address.${key}`, 'address.tooLong'))
    }
    if (value) {
      address[key] = value
    }
  }
  for (const key of REQUIRED_ADDRESS) {
    if (!address[key]) {
      out.push(issue(`address.${key}`, `address.${key}.required`))
    }
  }
  if (!isPostcode(address.postcode ?? '')) {
    out.push(issue('address.postcode', 'address.postcode.invalid'))
  }
  return address
}

export function checkItems(items: unknown, ctx: ValidationContext, out: Issue[]): ValidReport['items'] {
  const list = Array.isArray(items) ? (items as ItemDraft[]) : []
  if (list.length === 0) {
    out.push(issue('items', 'items.min'))
  } else if (list.length > MAX_ITEMS) {
    out.push(issue('items', 'items.max'))
  }
  return list.slice(0, MAX_ITEMS).map((item, i) => {
    const documentType = clean(item?.documentType)
    if (!documentType || (ctx.documentTypes && !ctx.documentTypes.includes(documentType))) {
      out.push(issue(`items.${i}.documentType`, 'items.documentType'))
    }
    const number = clean(item?.number) || null
    const issuer = clean(item?.issuer) || null
    if ((number?.length ?? 0) > 60 || (issuer?.length ?? 0) > 120) {
      out.push(issue(`items.${i}.number`, 'items.tooLong'))
    }
    return { documentType, number, issuer }
  })
}

export function checkWhen(d: ReportDraft, ctx: ValidationContext, out: Issue[]) {
  const latest = ctx.now.getTime() + CLOCK_SKEW_MS
  const from = parseBangkokDateTime(clean(d.lostFrom))
  if (!from) {
    out.push(issue('lostFrom', 'lostFrom.invalid'))
  } else if (from.getTime() > latest) {
    out.push(issue('lostFrom', 'lostFrom.future'))
  } else if (from.getTime() < ctx.now.getTime() - TEN_YEARS_MS) {
    out.push(issue('lostFrom', 'lostFrom.tooOld'))
  }
  const toText = clean(d.lostTo)
  const to = toText ? parseBangkokDateTime(toText) : null
  if (toText && !to) {
    out.push(issue('lostTo', 'lostTo.invalid'))
  } else if (to && to.getTime() > latest) {
    out.push(issue('lostTo', 'lostTo.future'))
  } else if (to && from && to.getTime() < from.getTime()) {
    out.push(issue('lostTo', 'lostTo.beforeStart'))
  }
  return { from, to }
}

export function checkLocation(loc: ReportDraft['location'], out: Issue[]) {
  if (loc == null) {
    return null
  }
  const { latitude, longitude } = loc
  const ok =
    typeof latitude === 'number' &&
    typeof longitude === 'number' &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180
  if (!ok) {
    out.push(issue('location', 'location.invalid'))
    return null
  }
  return { latitude, longitude }
}
