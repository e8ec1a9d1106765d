import type { Camera } from '../../../db/schema/index.js'
import type { LineMessage } from '../../line/line-client.js'

// A text message holds at most 5,000 characters; the officer's note is cut well below that.
const NOTE_MAX = 500

/**
 * The owner's answer to their registration, Thai first then English (a text message: valid per LINE's spec, the
 * owner's words and the officer's note as plain text). Verified: the police may now ask them for footage, and they may
 * always refuse. Rejected: the officer's reason, and how to fix it.
 */
export function verificationMessage(
  camera: Pick<Camera, 'name' | 'code'>,
  decision: 'verify' | 'reject',
  note: string | null,
  myCamerasUrl: string,
): LineMessage {
  const name = camera.name.slice(0, 100)
  const why = note ? note.slice(0, NOTE_MAX) : null
  const text =
    decision === 'verify'
      ? [
          `✅ ตำรวจยืนยันกล้อง "${name}" (${camera.code}) ของท่านแล้ว`,
          'เมื่อมีเหตุใกล้กล้องของท่าน เจ้าหน้าที่อาจขอภาพจากท่านทาง LINE นี้ ท่านปฏิเสธได้เสมอ',
          `ดูหรือแก้ไขกล้องของท่าน: ${myCamerasUrl}`,
          '',
          `✅ The police verified your camera "${name}" (${camera.code}).`,
          'When something happens near it, an officer may ask you for footage in this chat; you can always refuse.',
          `See or edit your cameras: ${myCamerasUrl}`,
        ]
      : [
          `ตำรวจยังไม่รับลงทะเบียนกล้อง "${name}" (${camera.code})`,
          ...(why ? [`เหตุผล: ${why}`] : []),
          `แก้ไขข้อมูลแล้วส่งใหม่ได้ที่: ${myCamerasUrl}`,
          '',
          `The police could not accept your camera "${name}" (${camera.code}).`,
          ...(why ? [`Reason: ${why}`] : []),
          `Correct it and send it again: ${myCamerasUrl}`,
        ]
  return { type: 'text', text: text.join('\n') }
}
