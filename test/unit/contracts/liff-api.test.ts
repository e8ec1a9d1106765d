import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type { meSchema, stationSchema } from '../../../bot/citizens/citizen.schema.js'
import type { consultationOpenedSchema, consultationStartSchema } from '../../../bot/consultation/liff.routes.js'
import type { consultationAnswersSchema } from '../../../bot/consultation/liff-answers.routes.js'
import type { myConsultationsSchema, myThreadSchema } from '../../../bot/consultation/liff-thread.routes.js'
import type * as api from '../../../bot/contracts/liff-api.js'
import { DOCUMENT_POLICIES } from '../../../bot/contracts/liff-api.js'
import type {
  documentTypeSchema,
  formSchema,
  reportDetailSchema,
  reportViewSchema,
  submitResponseSchema,
} from '../../../bot/lost-documents/liff/schemas.js'
import type { emergencySchema } from '../../../bot/sos/sos.routes.js'
import { DOCUMENT_POLICIES as DB_POLICIES } from '../../../db/schema/index.js'

/**
 * The citizen app reads the LIFF API through bot/contracts/liff-api.ts; each line below stops compiling
 * (npm run typecheck) when a route's zod schema and the contract's type part ways.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const same = <A, B>(ok: Same<A, B>) => ok

const checks: true[] = [
  same<z.output<typeof meSchema>, api.Me>(true),
  same<z.output<typeof stationSchema>, api.StationInfo>(true),
  same<z.output<typeof documentTypeSchema>, api.DocumentTypeInfo>(true),
  same<z.output<typeof formSchema>, api.FormInfo>(true),
  same<z.output<typeof reportViewSchema>, api.ReportSummary>(true),
  same<z.output<typeof reportDetailSchema>, api.ReportDetail>(true),
  same<z.output<typeof submitResponseSchema>, api.SubmitResult>(true),
  same<z.output<typeof emergencySchema>, api.MyEmergency>(true),
  same<z.output<typeof consultationStartSchema>, api.ConsultationStart>(true),
  same<z.output<typeof consultationOpenedSchema>, api.ConsultationOpened>(true),
  same<z.output<typeof consultationAnswersSchema>, api.ConsultationAnswers>(true),
  same<z.output<typeof myConsultationsSchema>['items'][number], api.MyConsultation>(true),
  same<z.output<typeof myThreadSchema>, api.MyConsultationThread>(true),
]

describe('bot/contracts/liff-api: one source for the server and the citizen app', () => {
  it('the API types match the zod schemas (checked by the compiler)', () => {
    expect(checks.every(Boolean)).toBe(true)
  })

  it('the document policies are the contract’s own list in the database schema', () => {
    expect(DB_POLICIES).toBe(DOCUMENT_POLICIES)
  })
})
