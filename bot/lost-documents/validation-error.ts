import type { Issue } from '../contracts/lost-documents/messages.js'
import { AppError } from '../errors.js'

/**
 * A report that is not valid: 400 `validation_failed` with one detail per field, in Thai and English
 * (`{ field, code, messageTh, messageEn }`). Nothing has been stored when it is thrown.
 */
export class ReportValidationError extends AppError {
  constructor(readonly issues: Issue[]) {
    super(
      'validation_failed',
      400,
      `the report has ${issues.length} problem(s): ${issues.map((i) => i.field).join(', ')}`,
      'ข้อมูลในแบบฟอร์มยังไม่ถูกต้อง กรุณาแก้ไขช่องที่แจ้งไว้',
      issues.map(({ field, code, messageTh, messageEn }) => ({ field, code, messageTh, messageEn })),
    )
  }
}
