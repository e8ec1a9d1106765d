import { OPT_IN_WORDS, OPT_OUT_WORDS } from '../../contracts/announcements.js'
import { asks } from '../../conversation/input.js'
import type { Feature, QuickReplyItem } from '../../conversation/types.js'
import { postbackData } from '../../line/postback.js'
import { setAnnouncementsOff } from '../announcements-switch.js'

/** Postback actions of the two answers' quick replies: `a=ann_off` / `a=ann_on`. */
export const ANNOUNCEMENTS_OFF_ACTION = 'ann_off'
export const ANNOUNCEMENTS_ON_ACTION = 'ann_on'

/** The answers: Thai first, then English, each saying how to undo (the words are the contract's). */
export const SWITCH_TEXTS = {
  off: [
    'ปิดการรับข่าวสารจากสถานีแล้ว คุณจะไม่ได้รับประกาศของสถานีอีก (ข้อความเกี่ยวกับเรื่องที่คุณแจ้งไว้ยังส่งถึงคุณตามปกติ)',
    `หากต้องการรับข่าวสารอีกครั้ง พิมพ์ "${OPT_IN_WORDS.th}" หรือเปิดได้ที่หน้าการตั้งค่า`,
    '',
    "Station announcements are now off: you will not receive the station's announcements (messages about your own reports still reach you).",
    `To turn them back on, type "${OPT_IN_WORDS.en}" or "${OPT_IN_WORDS.th}", or use Settings.`,
  ].join('\n'),
  alreadyOff: [
    `การรับข่าวสารปิดอยู่แล้ว หากต้องการรับอีกครั้ง พิมพ์ "${OPT_IN_WORDS.th}"`,
    `Announcements are already off. To turn them back on, type "${OPT_IN_WORDS.en}".`,
  ].join('\n'),
  on: [
    'เปิดการรับข่าวสารจากสถานีแล้ว คุณจะได้รับประกาศของสถานีอีกครั้ง',
    `หากไม่ต้องการรับ พิมพ์ "${OPT_OUT_WORDS.th}"`,
    '',
    "Station announcements are on again: you will receive the station's announcements.",
    `To stop them, type "${OPT_OUT_WORDS.en}" or "${OPT_OUT_WORDS.th}".`,
  ].join('\n'),
  alreadyOn: [
    `คุณรับข่าวสารจากสถานีอยู่แล้ว หากไม่ต้องการรับ พิมพ์ "${OPT_OUT_WORDS.th}"`,
    `Announcements are already on. To stop them, type "${OPT_OUT_WORDS.en}".`,
  ].join('\n'),
} as const

function undoItem(off: boolean, lang: 'th' | 'en'): QuickReplyItem {
  const label = off
    ? lang === 'th'
      ? 'รับข่าวสารอีกครั้ง'
      : 'Announcements on'
    : lang === 'th'
      ? 'ไม่รับข่าวสาร'
      : 'Stop announcements'
  return {
    type: 'action',
    action: {
      type: 'postback',
      label,
      data: postbackData(off ? ANNOUNCEMENTS_ON_ACTION : ANNOUNCEMENTS_OFF_ACTION),
      displayText: off ? OPT_IN_WORDS[lang] : OPT_OUT_WORDS[lang],
    },
  }
}

/**
 * "ไม่รับข่าวสาร" / "stop announcements" (with particles, typos, no spaces: the understanding's intents) turns the
 * station's announcements off for this LINE user; "รับข่าวสาร" / "receive announcements" turns them on. Honoured at
 * once: the column is read when an announcement is sent. The answer says how to undo, in Thai and English.
 */
export const announcementsSwitchFeature: Feature = {
  id: 'announcements_switch',
  async handle(turn, ctx) {
    const off = asks(turn.input, 'stop_announcements', ANNOUNCEMENTS_OFF_ACTION)
    const on = !off && asks(turn.input, 'start_announcements', ANNOUNCEMENTS_ON_ACTION)
    if (!off && !on) {
      return undefined
    }
    const wasOff = await setAnnouncementsOff(turn.tx, turn.citizen.id, off, turn.now)
    const text = off
      ? wasOff
        ? SWITCH_TEXTS.alreadyOff
        : SWITCH_TEXTS.off
      : wasOff
        ? SWITCH_TEXTS.on
        : SWITCH_TEXTS.alreadyOn
    const items = [undoItem(off, turn.lang), ...ctx.mainMenu(turn.lang).items].slice(0, 13)
    return { messages: [{ type: 'text', text, quickReply: { items } }] }
  },
}
