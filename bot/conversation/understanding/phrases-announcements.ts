import type { IntentSpec } from './intents.js'

/** The station's announcements (broadcasts): a citizen turns them off or on (bot/households). */
const STOP_ANNOUNCEMENTS: IntentSpec = {
  id: 'stop_announcements',
  phrases: [
    'ไม่รับข่าวสาร',
    'ไม่รับข่าว',
    'หยุดส่งข่าว',
    'หยุดส่งข่าวสาร',
    'ยกเลิกรับข่าวสาร',
    'ยกเลิกข่าวสาร',
    'ยกเลิกการรับข่าวสาร',
    'เลิกรับข่าว',
    'เลิกรับข่าวสาร',
    'เลิกส่งข่าว',
    'ไม่ต้องส่งข่าว',
    'ไม่ต้องส่งข่าวสาร',
    'ปิดการแจ้งเตือน',
    'ปิดแจ้งเตือน',
    'ไม่รับแจ้งเตือน',
    'stop announcements',
    'stop news',
    'unsubscribe',
    'no more news',
    'no more announcements',
    'turn off notifications',
  ],
}

const START_ANNOUNCEMENTS: IntentSpec = {
  id: 'start_announcements',
  phrases: [
    'รับข่าวสาร',
    'ขอรับข่าวสาร',
    'รับข่าวสารอีกครั้ง',
    'รับข่าว',
    'สมัครรับข่าวสาร',
    'ติดตามข่าวสาร',
    'เปิดการแจ้งเตือน',
    'เปิดแจ้งเตือน',
    'รับแจ้งเตือน',
    'subscribe',
    'start announcements',
    'receive announcements',
    'resume announcements',
    'announcements on',
    'turn on notifications',
  ],
}

export const ANNOUNCEMENT_INTENTS: readonly IntentSpec[] = [STOP_ANNOUNCEMENTS, START_ANNOUNCEMENTS]
