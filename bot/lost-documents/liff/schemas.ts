import { z } from 'zod'
import { DOCUMENT_POLICIES } from '../../../db/schema/index.js'
import type { ReportDetail, ReportView } from '../reports.queries.js'

const bilingual = z.object({ th: z.string(), en: z.string() })

export const documentTypeSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  policy: z.enum(DOCUMENT_POLICIES),
  reasonTh: z.string().nullable(),
  reasonEn: z.string().nullable(),
  hasNumber: z.boolean(),
  issuers: z.array(z.string()),
})

/** Everything the form needs in one call: types, consent version and texts, and the last report's pre-fill. */
export const formSchema = z.object({
  documentTypes: z.array(documentTypeSchema),
  consentVersion: z.string(),
  texts: z.object({ s137: bilingual, declaration: bilingual, consent: bilingual }),
  /** From the citizen's last report. The ID number only masked: it is reused server-side with `useLastId`. */
  prefill: z
    .object({
      declarantName: z.string(),
      idType: z.string(),
      idMasked: z.string(),
      dateOfBirth: z.string(),
      phone: z.string(),
      address: z.record(z.string(), z.string()),
    })
    .nullable(),
})

const itemSchema = z.object({
  position: z.number(),
  documentType: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  number: z.string().nullable(),
  issuer: z.string().nullable(),
})

export const reportViewSchema = z.object({
  id: z.string(),
  referenceNumber: z.string(),
  status: z.string(),
  statusTh: z.string(),
  statusEn: z.string(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  items: z.array(itemSchema),
  held: z.array(
    itemSchema.extend({
      policy: z.enum(DOCUMENT_POLICIES),
      reasonTh: z.string().nullable(),
      reasonEn: z.string().nullable(),
    }),
  ),
  issued: z.boolean(),
  /** The signed PDF link, when a valid record exists. */
  pdfUrl: z.string().nullable(),
  lostFrom: z.iso.datetime(),
  lostTo: z.iso.datetime().nullable(),
  placeText: z.string(),
})

export const reportDetailSchema = reportViewSchema.extend({
  declarantName: z.string(),
  idType: z.string(),
  idNumber: z.string(),
  phone: z.string(),
  address: z.record(z.string(), z.string()),
  location: z.object({ latitude: z.number(), longitude: z.number() }).nullable(),
  circumstances: z.string(),
  history: z.array(
    z.object({
      type: z.string(),
      status: z.string().nullable(),
      statusTh: z.string().nullable(),
      statusEn: z.string().nullable(),
      body: z.string().nullable(),
      media: z.enum(['image', 'video', 'audio', 'file']).nullable(),
      at: z.iso.datetime(),
    }),
  ),
})

export const submitResponseSchema = z.object({ created: z.boolean(), report: reportViewSchema })
export const listResponseSchema = z.object({ items: z.array(reportViewSchema) })
export const detailResponseSchema = z.object({ report: reportDetailSchema })

type Labels = (status: string) => { th: string; en: string }

export function viewJson(v: ReportView, labels: Labels, pdfUrl: string | null): z.infer<typeof reportViewSchema> {
  const label = labels(v.status)
  return {
    ...v,
    statusTh: label.th,
    statusEn: label.en,
    createdAt: v.createdAt.toISOString(),
    updatedAt: v.updatedAt.toISOString(),
    lostFrom: v.lostFrom.toISOString(),
    lostTo: v.lostTo?.toISOString() ?? null,
    pdfUrl: v.issued ? pdfUrl : null,
  }
}

export function detailJson(d: ReportDetail, labels: Labels, pdfUrl: string | null): z.infer<typeof reportDetailSchema> {
  const { history, ...rest } = d
  return {
    ...rest,
    ...viewJson(d, labels, pdfUrl),
    history: history.map((h) => ({
      ...h,
      media: h.media as 'image' | 'video' | 'audio' | 'file' | null,
      statusTh: h.status ? labels(h.status).th : null,
      statusEn: h.status ? labels(h.status).en : null,
      at: h.at.toISOString(),
    })),
  }
}
