import { asks } from '../../conversation/input.js'
import type { Feature } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'

/** The citizen LIFF app's page for one's own cameras (register, see, report offline). */
export const CAMERAS_PATH = 'cameras'
const BRAND = '#0B2F6B'

/** Thai first, then English: what the registry is for, and the one button. */
export const REGISTER_TEXTS = {
  title: 'ลงทะเบียนกล้องวงจรปิด / Register your CCTV',
  th: 'ขอบคุณที่ช่วยดูแลชุมชน ลงทะเบียนกล้องวงจรปิดหน้าร้านหรือหน้าบ้านของคุณกับสถานี เมื่อเกิดเหตุใกล้กล้อง ตำรวจจะขอภาพผ่าน LINE (คุณเลือกตอบได้เสมอ)',
  en: 'Thank you for helping keep the neighbourhood safe. Register your shop or house CCTV with the station: when something happens near it, the police ask you for footage on LINE (you always choose whether to answer).',
  button: 'ลงทะเบียนกล้อง / Register',
} as const

/**
 * "ลงทะเบียนกล้อง", "มีกล้องวงจรปิด อยากลงทะเบียน", "register my cctv" (particles, no spaces, typos: the
 * understanding's register_camera intent) answer with a button that opens the LIFF page of one's cameras (issue #15).
 */
export const cameraRegisterFeature: Feature = {
  id: 'register_camera',
  async handle(turn, ctx) {
    if (!asks(turn.input, 'register_camera')) {
      return undefined
    }
    const message: LineMessage = {
      type: 'flex',
      altText: REGISTER_TEXTS.title,
      quickReply: ctx.mainMenu(turn.lang),
      contents: {
        type: 'bubble',
        header: {
          type: 'box',
          layout: 'vertical',
          backgroundColor: BRAND,
          contents: [{ type: 'text', text: REGISTER_TEXTS.title, color: '#FFFFFF', weight: 'bold', wrap: true }],
        },
        body: {
          type: 'box',
          layout: 'vertical',
          spacing: 'md',
          contents: [
            { type: 'text', text: REGISTER_TEXTS.th, wrap: true, size: 'sm' },
            { type: 'text', text: REGISTER_TEXTS.en, wrap: true, size: 'sm', color: '#555555' },
          ],
        },
        footer: {
          type: 'box',
          layout: 'vertical',
          contents: [
            {
              type: 'button',
              style: 'primary',
              color: BRAND,
              height: 'sm',
              action: { type: 'uri', label: REGISTER_TEXTS.button, uri: ctx.links.liff(CAMERAS_PATH) },
            },
          ],
        },
      },
    }
    return { messages: [message] }
  },
}
