import type { Tx } from '../../../db/client.js'
import type { Language } from '../../../db/schema/index.js'
import { issueRecord, revokeRecord } from './issue.js'
import { createRecordKeys } from './keys.js'
import { checkPdfLink, signedPdfUrl } from './signed-url.js'
import { tokenForRecord, verifyUrl } from './token.js'

/**
 * Lost-document records with their keys bound: issue and revoke in the caller's transaction, the signed PDF link,
 * the public verification link. Built once by the composition root from SESSION_SECRET and PUBLIC_BASE_URL.
 */
export function createRecords({ sessionSecret, publicBaseUrl }: { sessionSecret: string; publicBaseUrl: string }) {
  const keys = createRecordKeys({ sessionSecret, publicBaseUrl })
  return {
    issue: (tx: Tx, input: Parameters<typeof issueRecord>[2]) => issueRecord(tx, keys, input),
    revoke: revokeRecord,
    pdfUrl: (caseId: string, lang: Language, now?: Date) => signedPdfUrl(keys, caseId, lang, now),
    checkLink: (input: Parameters<typeof checkPdfLink>[1], now: Date) => checkPdfLink(keys, input, now),
    verifyUrl: (token: string) => verifyUrl(keys, token),
    tokenFor: (record: Parameters<typeof tokenForRecord>[1]) => tokenForRecord(keys, record),
  }
}
export type Records = ReturnType<typeof createRecords>
