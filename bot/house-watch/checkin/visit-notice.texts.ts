import type { Language } from '../../../db/schema/index.js'
import { VISIT_RESULT_LABELS, type VisitResult } from '../../contracts/house-watch.js'
import { formatDateTime } from '../../i18n/index.js'

export type VisitFacts = {
  at: Date
  officer: string
  result: VisitResult
  note: string | null
  /** The photo's link when it cannot go as an image message (a local run on http). */
  photoLink: string | null
  stationPhone: string
}

/** The owner's message, in the language of the enrolment: the time in BE (Thai), who came, what they found. */
export function ownerText(lang: Language, v: VisitFacts): string {
  const finding = v.result !== 'normal'
  const label = VISIT_RESULT_LABELS[v.result][lang]
  const lines =
    lang === 'th'
      ? [
          finding ? '⚠️ สายตรวจพบสิ่งผิดปกติที่บ้านของท่านครับ' : '🏠 สายตรวจมาตรวจบ้านของท่านแล้วครับ',
          `เวลา: ${formatDateTime('th', v.at)}`,
          `เจ้าหน้าที่: ${v.officer}`,
          `ผลการตรวจ: ${label}`,
          ...(v.note ? [`บันทึก: ${v.note}`] : []),
          ...(v.photoLink ? [`รูปถ่าย: ${v.photoLink}`] : []),
          ...(finding ? [`ต้องการความช่วยเหลือ โทร ${v.stationPhone} หรือ 191 ครับ`] : []),
        ]
      : [
          finding ? '⚠️ The patrol found something wrong at your house' : '🏠 The patrol checked your house',
          `Time: ${formatDateTime('en', v.at)}`,
          `Officer: ${v.officer}`,
          `Result: ${label}`,
          ...(v.note ? [`Note: ${v.note}`] : []),
          ...(v.photoLink ? [`Photo: ${v.photoLink}`] : []),
          ...(finding ? [`For help call ${v.stationPhone} or 191.`] : []),
        ]
  return lines.join('\n')
}

/** The station group's alert (officers read Thai): which point, when, who, what, and where to open it. */
export function groupText(
  v: VisitFacts,
  point: { code: string; label: string; gps: string },
  caseLink: string | null,
): string {
  return [
    '⚠️ สายตรวจพบเหตุผิดปกติ',
    `จุดตรวจ: ${point.code} ${point.label}`,
    `เวลา: ${formatDateTime('th', v.at)}`,
    `ผู้ตรวจ: ${v.officer}`,
    `ผล: ${VISIT_RESULT_LABELS[v.result].th}`,
    ...(v.note ? [`บันทึก: ${v.note}`] : []),
    `GPS: ${point.gps}`,
    ...(v.photoLink ? [`รูปถ่าย: ${v.photoLink}`] : []),
    ...(caseLink ? [`เปิดเรื่อง: ${caseLink}`] : []),
  ].join('\n')
}
