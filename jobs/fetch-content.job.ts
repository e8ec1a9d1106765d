import type { CaseMedia } from '../bot/cases/case-media.js'
import type { JobPayload } from './queues.js'

export type FetchContentDeps = { media: Pick<CaseMedia, 'fetch'> }

/**
 * The `fetch-content` processor: one timeline entry's media from LINE's content API into `attachments`. Idempotent
 * (a stored file or a refusal is final); LINE's 429/5xx are thrown and retried with the contract's backoff.
 */
export function createFetchContent({ media }: FetchContentDeps) {
  return async function fetchContent({ caseEventId }: JobPayload<'fetch-content'>) {
    return media.fetch(caseEventId)
  }
}
