import { ID_TYPES } from '../../contracts/lost-documents/draft.js'
import { bangkokLocalDateTime, bangkokToday } from '../../contracts/lost-documents/rules.js'
import type { LineMessage } from '../../line/line-client.js'
import { CONSENT_TEXT } from '../consent.js'
import { inSentence, typeName } from '../document-types.js'
import { typesMessage } from './document-list.js'
import {
  type Collected,
  pb,
  qrLocation,
  qrPicker,
  qrPostback,
  question,
  type Step,
  type StepContext,
  skipItem,
  T,
} from './kit.js'
import { reviewQuestion } from './review-questions.js'
import { reuseText } from './summary.js'

const ASK_TEXT = {
  name: 'ask.name',
  phone: 'ask.phone',
  houseNo: 'ask.houseNo',
  subdistrict: 'ask.subdistrict',
  district: 'ask.district',
  postcode: 'ask.postcode',
  circumstances: 'ask.circumstances',
} as const

/** The message(s) that ask for a step. */
export function ask(step: Step, ctx: StepContext, data: Collected): LineMessage[] {
  const { lang, now } = ctx
  if (step in ASK_TEXT) {
    return [question(lang, T(lang, ASK_TEXT[step as keyof typeof ASK_TEXT]))]
  }
  switch (step) {
    case 'reuse':
      return [
        question(lang, reuseText(ctx), [
          qrPostback(T(lang, 'reuse.yes'), pb('reuse', '1')),
          qrPostback(T(lang, 'reuse.no'), pb('reuse', '0')),
        ]),
      ]
    case 'idType':
      return [
        question(
          lang,
          T(lang, 'ask.idType'),
          ID_TYPES.map((t) => qrPostback(T(lang, `idType.${t}`), pb('idt', t))),
        ),
      ]
    case 'idNumber':
      return [
        question(
          lang,
          T(lang, 'ask.idNumber', {
            type: inSentence(T(lang, `idType.${data.idType ?? 'thai_id'}` as 'idType.thai_id'), lang),
          }),
        ),
      ]
    case 'dob':
      return [
        question(lang, T(lang, 'ask.dob'), [
          qrPicker(T(lang, 'dob.pick'), pb('dob'), 'date', {
            initial: '1985-01-01',
            min: '1900-01-01',
            max: bangkokToday(now),
          }),
        ]),
      ]
    case 'village':
    case 'moo':
    case 'soi':
    case 'road':
      return [question(lang, T(lang, `ask.${step}`), [skipItem(lang)])]
    case 'province': {
      // Most people filing here live in Rayong: one tap, stored in the language of the rest of the address.
      const rayong = T(lang, 'province.rayong')
      return [question(lang, T(lang, 'ask.province'), [qrPostback(rayong, pb('prov', rayong))])]
    }
    case 'itemType':
      return [typesMessage(ctx), question(lang, T(lang, 'ask.itemType', { n: data.items.length + 1 }))]
    case 'itemNumber': {
      const type = ctx.types.find((t) => t.code === data.item?.documentType)
      return [
        question(
          lang,
          T(lang, 'ask.itemNumber', { type: inSentence(typeName(type, lang, data.item?.documentType), lang) }),
          [skipItem(lang)],
        ),
      ]
    }
    case 'itemIssuer': {
      const type = ctx.types.find((t) => t.code === data.item?.documentType)
      const issuers = (type?.issuers ?? []).slice(0, 11).map((name, i) => qrPostback(name, pb('iss', String(i)), name))
      return [question(lang, T(lang, 'ask.itemIssuer'), [...issuers, skipItem(lang)])]
    }
    case 'moreItems': {
      const list = data.items
        .map((i) =>
          typeName(
            ctx.types.find((t) => t.code === i.documentType),
            lang,
            i.documentType,
          ),
        )
        .join(', ')
      const text = T(lang, 'ask.moreItems', { n: data.items.length, list })
      const add = data.items.length < 10 ? [qrPostback(T(lang, 'more.add'), pb('more', '1'))] : []
      return [question(lang, text, [...add, qrPostback(T(lang, 'more.done'), pb('more', '0'))])]
    }
    case 'when': {
      const max = bangkokLocalDateTime(now)
      return [
        question(lang, T(lang, 'ask.when'), [
          qrPicker(T(lang, 'when.dateTime'), pb('at'), 'datetime', { max, initial: max }),
          qrPicker(T(lang, 'when.date'), pb('day'), 'date', { max: bangkokToday(now), initial: bangkokToday(now) }),
          qrPostback(T(lang, 'when.range'), pb('range')),
        ]),
      ]
    }
    case 'whenFrom':
    case 'whenTo': {
      const max = bangkokLocalDateTime(now)
      const min = step === 'whenTo' && data.lostFrom ? { min: data.lostFrom.slice(0, 16) } : {}
      const key = step === 'whenFrom' ? 'when.from' : 'when.to'
      const x = step === 'whenFrom' ? 'from' : 'to'
      return [
        question(lang, T(lang, step === 'whenFrom' ? 'ask.whenFrom' : 'ask.whenTo'), [
          qrPicker(T(lang, key), pb(x), 'datetime', { max, initial: max, ...min }),
        ]),
      ]
    }
    case 'where':
      return [question(lang, T(lang, 'ask.where'), [qrLocation(T(lang, 'where.location'))])]
    case 'consent':
      return [
        question(lang, T(lang, 'ask.consent', { text: CONSENT_TEXT[lang] }), [
          qrPostback(T(lang, 'consent.yes'), pb('consent', '1')),
          qrPostback(T(lang, 'consent.no'), pb('consent', '0')),
        ]),
      ]
    case 'declaration':
    case 'edit':
    case 'resume':
      return [reviewQuestion(step, ctx, data)]
    default:
      return []
  }
}
