import { type Catalogues, createTranslator } from '../lib/i18n.js'

/**
 * The kit's own words: the generic API errors (lib/api.ts) and the error notice (ui/error-notice.tsx), the same in
 * both apps. The citizen catalogue spreads them in, as its pages use them too; placeholders as in the catalogues.
 */
export const kitTh = {
  'common.retry': 'ลองใหม่',
  'error.title': 'เกิดข้อผิดพลาด',
  'error.network': 'เชื่อมต่อระบบไม่ได้ กรุณาตรวจสอบอินเทอร์เน็ตแล้วลองใหม่',
  'error.server': 'ระบบขัดข้องชั่วคราว กรุณาลองใหม่อีกครั้ง',
  'error.init': 'เปิดหน้านี้ไม่สำเร็จ กรุณาปิดแล้วเปิดใหม่จาก LINE',
  'error.reference': 'รหัสอ้างอิง',
} as const

export type KitKey = keyof typeof kitTh

export const kitEn: Record<KitKey, string> = {
  'common.retry': 'Try again',
  'error.title': 'Something went wrong',
  'error.network': 'Could not reach the service. Check your internet connection and try again.',
  'error.server': 'The service has a temporary problem. Please try again.',
  'error.init': 'This page could not open. Close it and open it again from LINE.',
  'error.reference': 'Reference',
}

const kitCatalogues: Catalogues<KitKey> = { th: kitTh, en: kitEn }

export const { t: kitT, tBoth: kitBoth } = createTranslator(kitCatalogues)
