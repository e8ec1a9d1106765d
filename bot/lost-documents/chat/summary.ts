import { lastDigits, parseBangkokDateTime } from '../../contracts/lost-documents/rules.js'
import { maskIdNumber } from '../../privacy/mask.js'
import { typeName } from '../document-types.js'
import { formatAddress, formatDay, formatWhen } from '../format.js'
import { type Collected, type StepContext, T } from './kit.js'

/** "Use your details from last time?" with the ID and phone masked. */
export function reuseText(ctx: StepContext): string {
  const p = ctx.previous
  if (!p) {
    return ''
  }
  return T(ctx.lang, 'reuse.prompt', {
    name: p.declarantName,
    id: p.idMasked,
    dob: formatDay(ctx.lang, p.dateOfBirth),
    phone: `xxxxxx${p.phone.slice(-4)}`,
    address: formatAddress(ctx.lang, p.address),
  })
}

/** Everything collected, for the check before sending. Numbers stay masked: a chat is read over shoulders. */
export function summaryText(ctx: StepContext, d: Collected): string {
  const { lang } = ctx
  const line = (label: Parameters<typeof T>[1], value: string) =>
    T(lang, 'summary.line', { label: T(lang, label), value })
  const id = d.useLastId ? (ctx.previous?.idMasked ?? '') : maskIdNumber(d.idType ?? '', lastDigits(d.idNumber ?? ''))
  const from = d.lostFrom ? parseBangkokDateTime(d.lostFrom) : null
  const to = d.lostTo ? parseBangkokDateTime(d.lostTo) : null
  const items = d.items.map((i) => {
    const name = typeName(
      ctx.types.find((t) => t.code === i.documentType),
      lang,
      i.documentType,
    )
    return `${name}${i.number ? ` xxxxx${lastDigits(i.number)}` : ''}${i.issuer ? ` (${i.issuer})` : ''}`
  })
  return [
    line('summary.name', d.declarantName ?? ''),
    line('summary.id', id),
    line('summary.dob', d.dateOfBirth ? formatDay(lang, d.dateOfBirth) : ''),
    line('summary.phone', d.phone ? `xxxxxx${d.phone.replace(/\D/g, '').slice(-4)}` : ''),
    line('summary.address', formatAddress(lang, d.address)),
    line('summary.items', items.join(', ')),
    line('summary.when', from ? formatWhen(lang, from, to) : ''),
    line('summary.where', d.placeText ?? ''),
    line('summary.story', (d.circumstances ?? '').slice(0, 300)),
  ].join('\n')
}
