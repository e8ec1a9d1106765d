import { FOOTAGE_STATUS_LABELS, type FootageRequestStatus } from '@contracts/cameras.js'

type Lang = 'th' | 'en'
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

const CHANNELS: Record<string, { th: string; en: string }> = {
  line: { th: 'ทาง LINE', en: 'by LINE' },
  letter: { th: 'ด้วยหนังสือ', en: 'by letter' },
  ccoc_task: { th: 'เป็นงานของศูนย์ CCOC', en: 'as a CCOC task' },
}

function label(lang: Lang, status: unknown): string {
  const s = str(status)
  return s && s in FOOTAGE_STATUS_LABELS ? FOOTAGE_STATUS_LABELS[s as FootageRequestStatus][lang] : (s ?? '—')
}

/**
 * A 'footage_request' timeline entry in words (issue #15), from the data bot/cameras/requests/*.ts write: the request
 * sent to a camera, the owner's answer, or an officer's change of status, assignee or deadline.
 */
export function footageEventText(lang: Lang, data: Record<string, unknown> | null | undefined): string {
  const d = data ?? {}
  const camera = str(d.cameraCode)
  if (d.action === 'sent') {
    const channel = CHANNELS[str(d.channel) ?? '']?.[lang]
    const cam = camera ?? (lang === 'th' ? 'กล้อง' : 'a camera')
    const base =
      lang === 'th'
        ? `ส่งคำขอภาพถึงกล้อง ${cam}${channel ? ` ${channel}` : ''}`
        : `Footage request sent to camera ${cam}${channel ? ` ${channel}` : ''}`
    const failed = str(d.reason)
    return failed ? `${base} (${lang === 'th' ? 'ส่งไม่สำเร็จ' : 'not delivered'}: ${failed})` : base
  }
  if (str(d.answer)) {
    const a = label(lang, d.answer)
    return lang === 'th' ? `เจ้าของกล้องตอบคำขอภาพ: “${a}”` : `The camera owner answered the footage request: “${a}”`
  }
  if (d.action === 'updated') {
    const parts: string[] = []
    if (str(d.to)) {
      parts.push(
        lang === 'th'
          ? `สถานะ ${label(lang, d.from)} → ${label(lang, d.to)}`
          : `status ${label(lang, d.from)} → ${label(lang, d.to)}`,
      )
    }
    if ('assigneeTo' in d) {
      parts.push(lang === 'th' ? 'เปลี่ยนผู้รับผิดชอบ' : 'assignee changed')
    }
    if (str(d.deadlineAt)) {
      parts.push(lang === 'th' ? 'เปลี่ยนกำหนดส่ง' : 'deadline changed')
    }
    if (d.withNote) {
      parts.push(lang === 'th' ? 'มีบันทึก' : 'with a note')
    }
    const head = lang === 'th' ? 'ปรับคำขอภาพ' : 'Footage request updated'
    return parts.length > 0 ? `${head}: ${parts.join(' · ')}` : head
  }
  return lang === 'th' ? 'คำขอภาพจากกล้อง' : 'Footage request'
}
