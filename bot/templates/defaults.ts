import type { CaseKind, Language } from '../../db/schema/index.js'

type Texts = Record<Language, string>

/**
 * What a citizen receives in LINE when their case moves to a status, unless the station's admins wrote their own
 * (message_templates). Placeholders: {reference} {status} {message} {date} {station}. {message} is the officer's
 * optional note; its line disappears when there is none. Tone: polite, plain, no gendered particles (the sender is
 * the station, not one officer).
 */
export const DEFAULT_TEMPLATES: Record<CaseKind, Record<string, Texts>> = {
  lost_document: {
    submitted: {
      th: 'ได้รับแจ้งเอกสารหายของท่านแล้ว เลขที่ {reference}\nเจ้าหน้าที่จะตรวจสอบข้อมูลและแจ้งผลให้ทราบทางแชตนี้\n{message}',
      en: 'We have received your lost-document report, reference {reference}.\nAn officer will check it and let you know here in this chat.\n{message}',
    },
    in_review: {
      th: 'เรื่อง {reference}: เจ้าหน้าที่กำลังตรวจสอบข้อมูลการแจ้งเอกสารหายของท่าน\n{message}',
      en: 'Report {reference}: an officer is now checking your lost-document report.\n{message}',
    },
    awaiting_info: {
      th: 'เรื่อง {reference}: เจ้าหน้าที่ขอข้อมูลเพิ่มเติมเพื่อดำเนินการต่อ กรุณาตอบกลับในแชตนี้\n{message}',
      en: 'Report {reference}: we need a little more information to continue. Please reply in this chat.\n{message}',
    },
    visit_station: {
      th: 'เรื่อง {reference}: กรุณามาติดต่อที่{station}ด้วยตนเอง พร้อมบัตรประชาชนหรือเอกสารแสดงตน\n{message}',
      en: 'Report {reference}: please come to {station} in person with your ID card or another identity document.\n{message}',
    },
    issued: {
      th: 'เรื่อง {reference}: ออกบันทึกการแจ้งเอกสารหายให้แล้วเมื่อ {date}\nท่านสามารถนำบันทึกนี้ไปใช้ยื่นขอทำเอกสารใหม่ได้\n{message}',
      en: 'Report {reference}: your lost-document record was issued on {date}.\nYou can use it when you apply for a new document.\n{message}',
    },
    rejected: {
      th: 'เรื่อง {reference}: ขออภัย ไม่สามารถออกบันทึกการแจ้งเอกสารหายได้\n{message}\nหากมีข้อสงสัย กรุณาติดต่อ{station}',
      en: 'Report {reference}: we are sorry, we cannot issue a lost-document record.\n{message}\nIf you have questions, please contact {station}.',
    },
    revoked: {
      th: 'เรื่อง {reference}: บันทึกการแจ้งเอกสารหายฉบับนี้ถูกยกเลิกแล้ว และไม่สามารถใช้อ้างอิงได้อีก\n{message}',
      en: 'Report {reference}: this lost-document record has been revoked and can no longer be used.\n{message}',
    },
    closed: {
      th: 'เรื่อง {reference}: ปิดเรื่องเรียบร้อยแล้ว ขอบคุณที่ใช้บริการ{station}\n{message}',
      en: 'Report {reference} is now closed. Thank you for using the services of {station}.\n{message}',
    },
  },
  house_watch: {
    submitted: {
      th: 'ได้รับคำขอฝากบ้านของท่านแล้ว เลขที่ {reference}\nเจ้าหน้าที่จะพิจารณาและแจ้งผลให้ทราบทางแชตนี้\n{message}',
      en: 'We have received your house-watch request, reference {reference}.\nAn officer will review it and reply in this chat.\n{message}',
    },
    awaiting_info: {
      th: 'คำขอฝากบ้าน {reference}: เจ้าหน้าที่ขอข้อมูลเพิ่มเติม กรุณาตอบกลับในแชตนี้\n{message}',
      en: 'House watch {reference}: we need a little more information. Please reply in this chat.\n{message}',
    },
    approved: {
      th: 'คำขอฝากบ้าน {reference} ได้รับอนุมัติแล้ว\nสายตรวจจะแวะตรวจดูบ้านของท่านในช่วงวันที่แจ้งไว้\n{message}',
      en: 'Your house-watch request {reference} is approved.\nPatrol officers will check on your home during the dates you gave.\n{message}',
    },
    active: {
      th: 'เริ่มดูแลบ้านของท่านแล้ว ({reference}) สายตรวจจะผ่านตรวจเป็นระยะ\nหากพบเหตุด่วน โทร 191\n{message}',
      en: 'We are now watching your home ({reference}); patrols will pass by regularly.\nIn an emergency, call 191.\n{message}',
    },
    completed: {
      th: 'สิ้นสุดการฝากบ้าน {reference} แล้ว ขอบคุณที่ไว้วางใจ{station}\n{message}',
      en: 'House watch {reference} has ended. Thank you for trusting {station}.\n{message}',
    },
    rejected: {
      th: 'ขออภัย คำขอฝากบ้าน {reference} ไม่ได้รับอนุมัติ\n{message}',
      en: 'We are sorry, your house-watch request {reference} was not approved.\n{message}',
    },
    cancelled: {
      th: 'ยกเลิกการฝากบ้าน {reference} แล้ว\n{message}',
      en: 'House watch {reference} has been cancelled.\n{message}',
    },
  },
  consultation: {
    waiting: {
      th: 'ได้รับคำขอปรึกษากฎหมายของท่านแล้ว เลขที่ {reference}\nกรุณารอเจ้าหน้าที่ตอบกลับในแชตนี้\n{message}',
      en: 'We have received your legal question, reference {reference}.\nAn officer will answer you in this chat.\n{message}',
    },
    in_progress: {
      th: 'เจ้าหน้าที่รับเรื่องปรึกษา {reference} แล้ว และกำลังดำเนินการ\n{message}',
      en: 'An officer has taken up your consultation {reference}.\n{message}',
    },
    awaiting_info: {
      th: 'เรื่องปรึกษา {reference}: เจ้าหน้าที่ขอข้อมูลเพิ่มเติม กรุณาตอบกลับในแชตนี้\n{message}',
      en: 'Consultation {reference}: we need a little more information. Please reply in this chat.\n{message}',
    },
    answered: {
      th: 'เจ้าหน้าที่ตอบเรื่องปรึกษา {reference} แล้ว\n{message}\nหากมีคำถามเพิ่มเติม พิมพ์ถามในแชตนี้ได้เลย',
      en: 'An officer has answered your consultation {reference}.\n{message}\nIf you have more questions, just ask in this chat.',
    },
    closed: {
      th: 'ปิดเรื่องปรึกษา {reference} แล้ว ขอบคุณที่ใช้บริการ{station}\n{message}',
      en: 'Consultation {reference} is now closed. Thank you for contacting {station}.\n{message}',
    },
  },
  sos: {
    new: {
      th: '{station}ได้รับแจ้งเหตุของท่านแล้ว ({reference}) เจ้าหน้าที่กำลังดำเนินการ\nหากตกอยู่ในอันตราย โทร 191 ทันที\n{message}',
      en: '{station} has received your alert ({reference}) and is acting on it.\nIf you are in danger, call 191 now.\n{message}',
    },
    dispatched: {
      th: 'ส่งสายตรวจไปยังที่เกิดเหตุแล้ว ({reference})\nกรุณาอยู่ในที่ปลอดภัยและเปิดโทรศัพท์ไว้\n{message}',
      en: 'A patrol is on its way ({reference}).\nPlease stay somewhere safe and keep your phone on.\n{message}',
    },
    on_scene: {
      th: 'เจ้าหน้าที่ถึงที่เกิดเหตุแล้ว ({reference})\n{message}',
      en: 'Officers have arrived at the scene ({reference}).\n{message}',
    },
    resolved: {
      th: 'เหตุที่ท่านแจ้ง ({reference}) คลี่คลายแล้ว ขอบคุณที่แจ้ง{station}\n{message}',
      en: 'The incident you reported ({reference}) has been resolved. Thank you for alerting {station}.\n{message}',
    },
    closed: {
      th: 'ปิดเรื่องแจ้งเหตุ {reference} แล้ว\n{message}',
      en: 'Alert {reference} is now closed.\n{message}',
    },
  },
}

/** The code default; the status label as a last resort for a status added to the flows without a text here. */
export function defaultTemplate(kind: CaseKind, status: string, language: Language): string {
  return DEFAULT_TEMPLATES[kind][status]?.[language] ?? `{reference}: {status}\n{message}`
}
