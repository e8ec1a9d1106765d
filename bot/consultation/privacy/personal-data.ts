import { and, inArray, isNotNull, or } from 'drizzle-orm'
import { consultations } from '../../../db/schema/index.js'
import type { PersonalDataPart, Removed } from '../../privacy/parts.js'

/**
 * Consultations' own personal data, beside the case's (the thread's texts are case events: the cases' part purges
 * them): the officer's closing summary and the citizen's rating comment, both free text. What stays for the counts:
 * topic, channel, dates, who closed it, the 1–5 rating, re-opens. Common-answer outcomes hold no personal data (no
 * citizen, no text) and stay whole.
 */
export const consultationsPersonalData: PersonalDataPart = {
  name: 'consultations',
  async purgeCases(tx, caseIds): Promise<Removed> {
    if (caseIds.length === 0) {
      return {}
    }
    const purged = await tx
      .update(consultations)
      .set({ closingSummaryEnc: null, ratingCommentEnc: null })
      .where(
        and(
          inArray(consultations.caseId, [...caseIds]),
          or(isNotNull(consultations.closingSummaryEnc), isNotNull(consultations.ratingCommentEnc)),
        ),
      )
      .returning({ caseId: consultations.caseId })
    return { consultations: purged.length }
  },
}
