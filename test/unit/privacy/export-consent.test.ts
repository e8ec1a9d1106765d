import { expect, it } from 'vitest'
import { CONSENT_PURPOSE } from '../../../bot/lost-documents/consent.js'
import { profileExport } from '../../../bot/privacy/export.js'

// Issue #8, point 8 (verification on `npm start`): "my data" titled the consent "ความยินยอม: lost_document_report",
// a code in the middle of the Thai page. The consent is named in words in both languages.
it('a consent in the data export is named in Thai and English, not by its code', () => {
  const blocks = profileExport.blocks({
    lineUserId: 'U0123456789abcdef0123456789abcdef',
    displayName: 'สมหญิง',
    language: 'th',
    followState: 'following',
    followedAt: null,
    createdAt: '2026-12-03T07:00:00.000Z',
    consents: [
      { purpose: CONSENT_PURPOSE, version: 'lost-doc-2026-11', givenAt: '2026-12-03T07:25:00.000Z', withdrawnAt: null },
    ],
    dataRequests: [],
  })
  const consent = blocks.find((b) => b.title.th.startsWith('ความยินยอม'))
  expect(consent?.title).toEqual({
    th: 'ความยินยอม: การแจ้งเอกสารหาย (เก็บและใช้ข้อมูลในแบบฟอร์ม)',
    en: 'Consent: Lost-document report (collecting and using the form’s data)',
  })
})
