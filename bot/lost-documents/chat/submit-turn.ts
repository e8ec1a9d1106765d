import { CONSENT_VERSION, type ReportDraft } from '../../contracts/lost-documents/draft.js'
import type { FeatureContext, Turn, TurnResult } from '../../conversation/types.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { receiptMessage } from '../report.flex.js'
import { reportDetail } from '../reports.queries.js'
import type { ReportSubmitter } from '../submit.service.js'
import { ReportValidationError } from '../validation-error.js'
import { type Flow, writeFlow } from './flow-state.js'
import type { Step, StepContext } from './kit.js'
import { T } from './kit.js'
import { ask } from './questions.js'

export type ChatSubmitDeps = {
  cipher: PiiCipher
  submit: ReportSubmitter
  /** The signed PDF link of an issued record. */
  pdfUrl(caseId: string, lang: 'th' | 'en'): string
}

/** Where the chat goes back to when the server finds a field wrong at the end (a type switched off meanwhile...). */
function stepFor(field: string): Step {
  const [head, sub] = field.split('.')
  const map: Record<string, Step> = {
    declarantName: 'name',
    idType: 'idType',
    idNumber: 'idType',
    dateOfBirth: 'dob',
    phone: 'phone',
    items: 'itemType',
    lostFrom: 'when',
    lostTo: 'when',
    placeText: 'where',
    location: 'where',
    circumstances: 'circumstances',
    consent: 'consent',
    declaration: 'declaration',
  }
  if (head === 'address' && sub) {
    return sub as Step
  }
  return map[head ?? ''] ?? 'name'
}

function draftOf(flow: Flow): ReportDraft {
  const d = flow.data
  return {
    declarantName: d.declarantName ?? '',
    idType: d.idType ?? '',
    idNumber: d.idNumber ?? null,
    useLastId: d.useLastId ?? false,
    dateOfBirth: d.dateOfBirth ?? '',
    phone: d.phone ?? '',
    address: { houseNo: '', subdistrict: '', district: '', province: '', postcode: '', ...d.address },
    items: d.items,
    lostFrom: d.lostFrom ?? '',
    lostTo: d.lostTo ?? null,
    placeText: d.placeText ?? '',
    location: d.location ?? null,
    circumstances: d.circumstances ?? '',
    declaration: true,
    consent: d.consent === true,
    consentVersion: CONSENT_VERSION,
  }
}

/** "Confirm and send": files the report in the turn's transaction and replies with the receipt. */
export async function submitFromChat(
  turn: Turn,
  ctx: FeatureContext,
  sctx: StepContext,
  flow: Flow,
  deps: ChatSubmitDeps,
): Promise<TurnResult> {
  const { lang } = turn
  try {
    const result = await deps.submit(turn.tx, {
      citizen: turn.citizen,
      station: turn.station,
      draft: draftOf(flow),
      channel: 'chat',
      idempotencyKey: flow.key,
      now: turn.now,
    })
    const view = await reportDetail(turn.tx, turn.citizen.id, result.caseId, deps.cipher)
    if (!view) {
      throw new Error('a report just filed is not readable')
    }
    const links = {
      ...(view.issued ? { pdfUrl: deps.pdfUrl(view.id, lang) } : {}),
      trackUrl: ctx.links.liff(`my-reports/${view.id}`),
    }
    return { state: null, messages: [{ ...receiptMessage(view, lang, links), quickReply: ctx.mainMenu(lang) }] }
  } catch (err) {
    if (!(err instanceof ReportValidationError) || !err.issues[0]) {
      throw err
    }
    const first = err.issues[0]
    const step = stepFor(first.field)
    const data = step === 'itemType' ? { ...flow.data, items: [], item: undefined } : flow.data
    const problem = T(lang, 'submit.fix', { problem: lang === 'th' ? first.messageTh : first.messageEn })
    return {
      // Once fixed, back to the summary (edit mode), not through every question after it.
      state: writeFlow({ ...flow, step, data, editing: true, misses: 0 }, deps.cipher, turn.now),
      messages: [{ type: 'text', text: problem }, ...ask(step, sctx, data)],
    }
  }
}
