import { AppError } from '../../errors.js'

/** The case exists (the officer's station) but is not a consultation: the consultation routes do not apply. */
export class NotAConsultationError extends AppError {
  constructor(kind: string) {
    super('not_a_consultation', 409, `this case is a ${kind}, not a consultation`, 'เรื่องนี้ไม่ใช่การปรึกษากฎหมาย', {
      kind,
    })
  }
}

/** Closing or converting a consultation that is already closed (two officers at once, a double tap). */
export class ConsultationClosedError extends AppError {
  constructor() {
    super('consultation_closed', 409, 'this consultation is already closed', 'การปรึกษานี้ปิดไปแล้ว')
  }
}

/** A consultation turned into another kind stays closed: its story goes on in the new case. */
export class ConsultationConvertedError extends AppError {
  constructor(toCaseId: string) {
    super(
      'consultation_converted',
      409,
      'this consultation was converted into another case',
      'การปรึกษานี้ถูกเปลี่ยนเป็นเรื่องอื่นแล้ว',
      { toCaseId },
    )
  }
}

/** A consultation without a citizen (erased on request) cannot become a citizen's new case. */
export class NoCitizenError extends AppError {
  constructor() {
    super('no_citizen', 409, 'this consultation has no citizen any more', 'การปรึกษานี้ไม่มีข้อมูลผู้ขอคำปรึกษาแล้ว')
  }
}
