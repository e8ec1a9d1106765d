import type { z } from 'zod'
import type { Tx } from '../../../db/client.js'
import type { Citizen } from '../../../db/schema/index.js'
import { maskIdNumber } from '../../privacy/mask.js'
import type { PiiCipher } from '../../privacy/pii-cipher.js'
import { CONSENT_TEXT, CONSENT_VERSION, DECLARATION_TEXT, S137_WARNING } from '../consent.js'
import { activeDocumentTypes } from '../document-types.js'
import { lastReportOf } from '../submit.service.js'
import type { formSchema } from './schemas.js'

/**
 * GET /api/liff/lost-documents/form. The pre-fill is the citizen's own last report minus what must not reach a
 * browser: the ID number comes back masked, to be reused server-side ("use the same ID as last time").
 */
export async function formResponse(tx: Tx, citizen: Citizen, cipher: PiiCipher): Promise<z.infer<typeof formSchema>> {
  const [types, last] = await Promise.all([activeDocumentTypes(tx), lastReportOf(tx, citizen.id)])
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
    prefill: last
      ? {
          declarantName: last.declarantName,
          idType: last.idType,
          idMasked: maskIdNumber(last.idType, last.idNumberLast),
          dateOfBirth: last.dateOfBirth,
          phone: cipher.decrypt(last.phoneEnc),
          address: last.address,
        }
      : null,
  }
}
