import { checkAddress, checkBirth, checkId, checkItems, checkLocation, checkWhen, clean } from './checks.js'
import {
  CONSENT_VERSION,
  ID_TYPES,
  type IdType,
  type ReportDraft,
  type ValidationContext,
  type ValidReport,
} from './draft.js'
import { type Issue, issue } from './messages.js'
import { isFullName, normaliseMobile } from './rules.js'

/**
 * Every check of a report, in form order. The server stores nothing unless this returns no issues; the form runs
 * it on each change and shows the issues of the fields the citizen has touched.
 */
export function validateReport(d: ReportDraft, ctx: ValidationContext): { issues: Issue[]; report?: ValidReport } {
  const out: Issue[] = []
  const declarantName = clean(d.declarantName)
  if (declarantName.length < 2) {
    out.push(issue('declarantName', 'declarantName.required'))
  } else if (declarantName.length > 200) {
    out.push(issue('declarantName', 'declarantName.length'))
  } else if (!isFullName(declarantName)) {
    // As in the chat: "สมชาย" alone is not ชื่อ-นามสกุล.
    out.push(issue('declarantName', 'declarantName.full'))
  }
  const idType = (ID_TYPES as readonly string[]).includes(d.idType) ? (d.idType as IdType) : null
  if (!idType) {
    out.push(issue('idType', 'idType.invalid'))
  }
  const idNumber = checkId(d, ctx, out)
  const dateOfBirth = clean(d.dateOfBirth)
  checkBirth(dateOfBirth, ctx, out)
  const phone = normaliseMobile(clean(d.phone))
  if (!phone) {
    out.push(issue('phone', 'phone.invalid'))
  }
  const address = checkAddress(d.address, out)
  const items = checkItems(d.items, ctx, out)
  const { from, to } = checkWhen(d, ctx, out)
  const placeText = clean(d.placeText)
  if (!placeText) {
    out.push(issue('placeText', 'placeText.required'))
  } else if (placeText.length > 500) {
    out.push(issue('placeText', 'placeText.length'))
  }
  const location = checkLocation(d.location, out)
  // Line breaks matter in a story: keep them, trim the rest.
  const circumstances = typeof d.circumstances === 'string' ? d.circumstances.normalize('NFC').trim() : ''
  if (circumstances.length < 5) {
    out.push(issue('circumstances', 'circumstances.required'))
  } else if (circumstances.length > 2000) {
    out.push(issue('circumstances', 'circumstances.length'))
  }
  if (d.declaration !== true) {
    out.push(issue('declaration', 'declaration.required'))
  }
  if (d.consent !== true) {
    out.push(issue('consent', 'consent.required'))
  } else if (d.consentVersion !== CONSENT_VERSION) {
    out.push(issue('consent', 'consent.version'))
  }
  if (out.length > 0 || !idType || !phone || !from) {
    return { issues: out }
  }
  return {
    issues: [],
    report: {
      declarantName,
      idType,
      idNumber,
      dateOfBirth,
      phone,
      address,
      items,
      lostFrom: from,
      lostTo: to,
      placeText,
      location,
      circumstances,
      consentVersion: d.consentVersion,
    },
  }
}
