import type { z } from 'zod'
import type { Tx } from '../../../db/client.js'
import type { Citizen } from '../../../db/schema/index.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { CONSENT_TEXT, CONSENT_VERSION, DECLARATION_TEXT, S137_WARNING } from '../consent.js'
import { activeDocumentTypes } from '../document-types.js'
import { lastReportPrefill } from '../prefill.js'
import type { formSchema } from './schemas.js'

/** GET /api/liff/lost-documents/form: the document types, the consent texts, the last report's pre-fill. */
export async function formResponse(tx: Tx, citizen: Citizen, cipher: PiiCipher): Promise<z.infer<typeof formSchema>> {
  const [types, prefill] = await Promise.all([activeDocumentTypes(tx), lastReportPrefill(tx, citizen.id, cipher)])
  return {
    documentTypes: types.map((t) => ({
      code: t.code,
      nameTh: t.nameTh,
      nameEn: t.nameEn,
      policy: t.policy,
      reasonTh: t.reasonTh,
      reasonEn: t.reasonEn,
      hasNumber: t.hasNumber,
      issuers: t.issuers,
    })),
    consentVersion: CONSENT_VERSION,
    texts: { s137: S137_WARNING, declaration: DECLARATION_TEXT, consent: CONSENT_TEXT },
    prefill,
  }
}
