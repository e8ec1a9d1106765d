import { describe, expect, it } from 'vitest'
import type { z } from 'zod'
import type {
  caseDetailSchema,
  caseEventSchema,
  caseListItemSchema,
  caseListSchema,
  caseViewSchema,
} from '../../../bot/cases/cases.schemas.js'
import { ALL_STATUSES, statusesOf } from '../../../bot/cases/statuses.js'
import type * as views from '../../../bot/cases/views.js'
import type * as api from '../../../bot/contracts/admin-api.js'
import { CASE_KINDS, CASE_STATUSES } from '../../../bot/contracts/cases.js'
import { OFFICER_ROLES, PERMISSIONS as SHARED_PERMISSIONS } from '../../../bot/contracts/officers.js'
import type { dashboardSchema } from '../../../bot/dashboard/dashboard.routes.js'
import type { accessRequestSchema, officerSchema } from '../../../bot/officers/officers.schema.js'
import { PERMISSIONS } from '../../../bot/officers/permissions.js'
import type { stationInfoSchema } from '../../../bot/station/station.schema.js'
import { OFFICER_ROLES as DB_ROLES } from '../../../db/schema/index.js'

/**
 * The officers' app reads the API through the types of bot/contracts/admin-api.ts. They are the server's only if
 * they match what the routes' zod schemas let out and what the services build: each line below stops compiling
 * (npm run typecheck) when one side changes without the other.
 */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false
const same = <A, B>(ok: Same<A, B>) => ok

const checks: true[] = [
  same<z.output<typeof caseListItemSchema>, api.CaseListItem>(true),
  same<z.output<typeof caseListSchema>, api.CaseList>(true),
  same<z.output<typeof caseDetailSchema>, api.CaseDetail>(true),
  same<z.output<typeof caseEventSchema>, api.CaseEvent>(true),
  same<z.output<typeof caseViewSchema>, api.CaseView>(true),
  same<z.output<typeof officerSchema>, api.Officer>(true),
  same<z.output<typeof accessRequestSchema>, api.AccessRequest>(true),
  same<z.output<typeof stationInfoSchema>, api.StationInfo>(true),
  same<z.output<typeof dashboardSchema>, api.Dashboard>(true),
  same<views.CaseListItem, api.CaseListItem>(true),
  same<views.CaseDetail, api.CaseDetail>(true),
  same<views.CaseEventView, api.CaseEvent>(true),
  same<views.OfficerRef, api.OfficerRef>(true),
  same<views.MaskedText, api.MaskedText>(true),
]

describe('bot/contracts: one source for the server and the officers’ app', () => {
  it('the API types match the zod schemas and the case views (checked by the compiler)', () => {
    expect(checks.every(Boolean)).toBe(true)
  })

  it('roles and permissions are the contract’s own objects on the server (db schema, permission checks)', () => {
    expect(DB_ROLES).toBe(OFFICER_ROLES)
    expect(PERMISSIONS).toBe(SHARED_PERMISSIONS)
    expect(Object.keys(PERMISSIONS)).toContain('document_types.edit') // the page's hand-typed list had lost it
  })

  it('each kind’s statuses, in order, are the ones the server moves cases through', () => {
    for (const kind of CASE_KINDS) {
      expect(statusesOf(kind), kind).toEqual(CASE_STATUSES[kind])
    }
    expect([...ALL_STATUSES].sort()).toEqual([...new Set(Object.values(CASE_STATUSES).flat())].sort())
  })
})
