import type { IntentSpec } from './intents.js'

/** A shop or house owner offers their CCTV to the station's registry (issue #15, bot/cameras): the LIFF page. */
export const REGISTER_CAMERA: IntentSpec = {
  id: 'register_camera',
  phrases: [
    'ลงทะเบียนกล้อง',
    'ลงทะเบียนกล้องวงจรปิด',
    'ลงทะเบียนซีซีทีวี',
    'ลงทะเบียนcctv',
    'แจ้งกล้องวงจรปิด',
    'มีกล้องวงจรปิดอยากลงทะเบียน',
    'กล้องของฉัน',
    'register my cctv',
    'register cctv',
    'register my camera',
    'register a camera',
    'register camera',
    'my cameras',
  ],
  pairs: [
    [
      ['ลงทะเบียน', 'สมัคร', 'แจ้ง', 'ขึ้นทะเบียน'],
      ['กล้อง', 'กล้องวงจรปิด', 'ซีซีทีวี'],
    ],
    [
      ['register', 'sign up', 'add'],
      ['cctv', 'camera', 'cameras'],
    ],
  ],
}
