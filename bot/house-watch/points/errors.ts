import { AppError } from '../../errors.js'

/**
 * Why a scan or a point action cannot go on, each with a stable code the scan page shows its own text for, and
 * Thai + English for anyone else. A point of another station reads as unknown: a patrol never learns what another
 * station watches.
 */
const PATROL_ERRORS = {
  point_unknown: [404, 'no patrol point of this station has this code or QR', 'ไม่พบจุดตรวจนี้ในสถานีของท่าน'],
  qr_invalid: [400, 'this QR code is not a patrol sticker of this system', 'คิวอาร์โค้ดนี้ไม่ใช่สติกเกอร์จุดตรวจของระบบ'],
  qr_reissued: [
    410,
    'this sticker was replaced by a newer one: scan the new sticker or type the code',
    'สติกเกอร์นี้ถูกยกเลิกและออกใหม่แล้ว กรุณาสแกนสติกเกอร์ใหม่หรือพิมพ์รหัสจุดตรวจ',
  ],
  point_retired: [409, 'this patrol point is retired', 'จุดตรวจนี้ถูกยกเลิกการใช้งานแล้ว'],
  watch_ended: [409, 'the house watch of this house has ended', 'การฝากบ้านหลังนี้สิ้นสุดแล้ว'],
  watch_not_approved: [409, 'this house watch is not approved yet', 'การฝากบ้านหลังนี้ยังไม่ได้รับอนุมัติ'],
  code_taken: [409, 'another point of this station has this code', 'รหัสนี้ถูกใช้กับจุดตรวจอื่นของสถานีแล้ว'],
  not_red_box: [409, "a house's point changes with its watch, not here", 'จุดตรวจของบ้านแก้ไขได้จากเรื่องฝากบ้านเท่านั้น'],
  photo_too_large: [413, 'the photo is too large (1 MB at most)', 'รูปภาพใหญ่เกินไป (ไม่เกิน 1 MB)'],
  photo_type: [415, 'the photo must be a JPEG or PNG image', 'รูปภาพต้องเป็นไฟล์ JPEG หรือ PNG'],
} as const satisfies Record<string, readonly [number, string, string]>
export type PatrolErrorCode = keyof typeof PATROL_ERRORS

export class PatrolError extends AppError {
  constructor(code: PatrolErrorCode, details?: unknown) {
    const [status, en, th] = PATROL_ERRORS[code]
    super(code, status, en, th, details)
  }
}
