import { z } from 'zod'
import { ADDRESS_FIELDS, type ReportDraft } from '../contracts/lost-documents/draft.js'

/**
 * The request body of a report (POST /api/liff/lost-documents), as zod. Wrong types do not fail here: each field
 * falls back to "empty", so the one semantic check (bot/contracts/lost-documents/report.ts, shared with the LIFF
 * form) reports every problem by field name, in Thai and English, in one answer.
 */
const text = z.string().max(5_000).catch('')
const optionalText = z.string().max(5_000).nullish().catch(null)

const addressSchema = z
  .object(
    Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, text])) as Record<(typeof ADDRESS_FIELDS)[number], typeof text>,
  )
  .catch(Object.fromEntries(ADDRESS_FIELDS.map((k) => [k, ''])) as Record<(typeof ADDRESS_FIELDS)[number], string>)

const itemSchema = z
  .object({ documentType: text, number: optionalText, issuer: optionalText })
  .catch({ documentType: '', number: null, issuer: null })

export const reportBodySchema = z.object({
  /** Or the `Idempotency-Key` header: the same key twice files one report. */
  idempotencyKey: z.string().min(8).max(100).optional().catch(undefined),
  declarantName: text,
  idType: text,
  idNumber: optionalText,
  /** "Use the same ID as last time": the server copies it; the browser never sees the full number. */
  useLastId: z.boolean().catch(false),
  dateOfBirth: text.describe('YYYY-MM-DD (Gregorian)'),
  phone: text,
  address: addressSchema,
  // Up to 50 are read so that "at most 10" can be said; anything bigger is not a report.
  items: z.array(itemSchema).max(50).catch([]),
  lostFrom: text.describe('Bangkok time YYYY-MM-DDTHH:mm, or ISO 8601 with an offset'),
  lostTo: optionalText,
  placeText: text,
  location: z
    .object({ latitude: z.number(), longitude: z.number() })
    .nullish()
    .catch({ latitude: Number.NaN, longitude: Number.NaN }),
  circumstances: text,
  declaration: z.boolean().catch(false),
  consent: z.boolean().catch(false),
  consentVersion: text,
})
export type ReportBody = z.infer<typeof reportBodySchema>

/** The body as the shared validator reads it. */
export function draftFromBody(body: ReportBody): ReportDraft {
  const { idempotencyKey: _key, ...draft } = body
  return draft
}
