import type { Language } from '../../lib/i18n.js'

/** The household page's words (Thai first, English), kept beside the page like house watch's. */
const TEXTS = {
  title: { th: 'บ้านของฉัน', en: 'My household' },
  intro: {
    th: 'ลงทะเบียนบ้านของคุณกับสถานีตำรวจ เพื่อรับข่าวสารและการแจ้งเตือนที่เกี่ยวกับพื้นที่ของคุณ เช่น เหตุอาชญากรรม มิจฉาชีพ ปิดถนน',
    en: 'Register your household with the police station to get announcements about your area: crime alerts, scams, road closures.',
  },
  address: { th: 'ที่อยู่', en: 'Address' },
  houseNo: { th: 'บ้านเลขที่', en: 'House no.' },
  moo: { th: 'หมู่ที่', en: 'Moo' },
  village: { th: 'หมู่บ้าน / อาคาร', en: 'Village / building' },
  soi: { th: 'ซอย', en: 'Soi' },
  road: { th: 'ถนน', en: 'Road' },
  subdistrict: { th: 'ตำบล / แขวง', en: 'Tambon (subdistrict)' },
  district: { th: 'อำเภอ / เขต', en: 'Amphoe (district)' },
  province: { th: 'จังหวัด', en: 'Province' },
  postcode: { th: 'รหัสไปรษณีย์', en: 'Postcode' },
  pin: { th: 'ตำแหน่งบ้านบนแผนที่', en: 'Your house on the map' },
  pinHint: {
    th: 'กดปุ่มเมื่ออยู่ที่บ้าน หรือแตะแผนที่ตรงตำแหน่งบ้าน เส้นประคือเขตพื้นที่ของสถานี',
    en: "Press the button while at home, or tap the map where your house is. The dashed line is the station's area.",
  },
  pinGps: { th: 'ใช้ตำแหน่งปัจจุบันของฉัน', en: 'Use my current location' },
  pinLocating: { th: 'กำลังหาตำแหน่ง…', en: 'Finding your location…' },
  pinFailed: {
    th: 'หาตำแหน่งไม่ได้ กรุณาแตะแผนที่ตรงตำแหน่งบ้านแทน',
    en: 'Could not find your location: tap the map where your house is instead.',
  },
  pinSet: { th: 'ปักหมุดแล้ว', en: 'Pinned' },
  people: { th: 'สมาชิกและภาษา', en: 'People and language' },
  members: { th: 'จำนวนคนในบ้าน', en: 'People living there' },
  language: { th: 'ภาษาของข่าวสาร', en: 'Language of announcements' },
  topics: { th: 'ข่าวสารที่ต้องการรับ', en: 'Announcements you want' },
  topicsHint: {
    th: 'เลือกไว้ทั้งหมดตั้งแต่ต้น ยกเลิกเรื่องที่ไม่ต้องการได้',
    en: 'All are chosen to start with: untick what you do not want.',
  },
  register: { th: 'ลงทะเบียนบ้าน', en: 'Register my household' },
  save: { th: 'บันทึก', en: 'Save' },
  saving: { th: 'กำลังบันทึก…', en: 'Saving…' },
  cancel: { th: 'ยกเลิก', en: 'Cancel' },
  fix: { th: 'กรุณาแก้ไขช่องที่แจ้งไว้', en: 'Please correct the fields shown' },
  registered: { th: 'ลงทะเบียนบ้านแล้ว', en: 'Household registered' },
  saved: { th: 'บันทึกแล้ว', en: 'Saved' },
  edit: { th: 'แก้ไขข้อมูลบ้าน', en: 'Edit household' },
  leave: { th: 'ออกจากบ้านนี้', en: 'Leave this household' },
  leaveConfirm: {
    th: 'ออกจากบ้านนี้ใช่ไหม? หากคุณเป็นสมาชิกคนสุดท้าย ข้อมูลบ้านจะถูกลบ',
    en: 'Leave this household? If you are the last member, the household is deleted.',
  },
  left: { th: 'ออกจากบ้านแล้ว', en: 'You left the household' },
  lineUsers: { th: 'สมาชิกที่ใช้ LINE', en: 'Members on LINE' },
  owner: { th: 'คุณเป็นผู้ลงทะเบียนบ้านนี้', en: 'You registered this household' },
  member: { th: 'คุณเป็นสมาชิกของบ้านนี้', en: 'You are a member of this household' },
  memberCannotEdit: {
    th: 'เฉพาะผู้ลงทะเบียนบ้านเท่านั้นที่แก้ไขข้อมูลได้',
    en: 'Only the member who registered the household can change it.',
  },
  fromHouseWatch: { th: 'สร้างจากการฝากบ้านกับตำรวจ', en: 'Created from your house watch' },
  invite: { th: 'ชวนคนในบ้านเข้าร่วม', en: 'Invite your family' },
  inviteHint: {
    th: 'ส่งลิงก์หรือรหัสนี้ให้คนในบ้านทาง LINE เพื่อให้ได้รับข่าวสารของบ้านเดียวกัน',
    en: 'Send this link or code to the people you live with on LINE, so they get the same announcements.',
  },
  inviteCode: { th: 'รหัสเชิญ', en: 'Invite code' },
  share: { th: 'ส่งคำเชิญทาง LINE', en: 'Send the invite on LINE' },
  copy: { th: 'คัดลอกลิงก์', en: 'Copy link' },
  copied: { th: 'คัดลอกแล้ว', en: 'Copied' },
  shareText: {
    th: 'เข้าร่วมบ้านของเราในระบบข่าวสารสถานีตำรวจ รหัส {code}\n{url}',
    en: "Join our household for the police station's announcements: code {code}\n{url}",
  },
  join: { th: 'เข้าร่วมบ้าน', en: 'Join a household' },
  joinHint: {
    th: 'มีรหัสเชิญจากคนในบ้านแล้ว? กรอกรหัสเพื่อเข้าร่วม',
    en: 'Got an invite code from someone you live with? Enter it to join.',
  },
  joinButton: { th: 'เข้าร่วม', en: 'Join' },
  joinPreview: {
    th: 'คุณได้รับเชิญเข้าร่วมบ้านที่ {place} (สมาชิก {members} คน, ใช้ LINE {lineUsers} คน)',
    en: 'You are invited to join a household at {place} ({members} people, {lineUsers} on LINE)',
  },
  joined: { th: 'เข้าร่วมบ้านแล้ว', en: 'You joined the household' },
  announcementsOff: {
    th: 'ขณะนี้คุณปิดการรับข่าวสารไว้ เปิดได้ที่หน้าการตั้งค่า',
    en: 'You have turned announcements off: turn them on in Settings.',
  },
  settings: { th: 'การตั้งค่า', en: 'Settings' },
  switchTitle: { th: 'ข่าวสารจากสถานี', en: 'Station announcements' },
  switchLabel: { th: 'รับข่าวสารและประกาศจากสถานี', en: "Receive the station's announcements" },
  switchHint: {
    th: 'ปิดได้ทุกเมื่อ หรือพิมพ์ "ไม่รับข่าวสาร" ในแชต (พิมพ์ "รับข่าวสาร" เพื่อเปิดอีกครั้ง) ข้อความเกี่ยวกับเรื่องที่คุณแจ้งไว้ยังส่งถึงคุณตามปกติ',
    en: 'Turn off any time, or type "stop announcements" in the chat ("receive announcements" turns them back on). Messages about your own reports still reach you.',
  },
  switchOn: { th: 'เปิดรับข่าวสารแล้ว', en: 'Announcements on' },
  switchOff: { th: 'ปิดรับข่าวสารแล้ว', en: 'Announcements off' },
  myHousehold: { th: 'บ้านของฉัน (ที่อยู่ สมาชิก เรื่องที่ต้องการรับ)', en: 'My household (address, members, topics)' },
  matched: { th: 'ตรงกับทะเบียนที่อยู่ของพื้นที่', en: "Found in the zone's address list" },
} as const

export type HhKey = keyof typeof TEXTS

export function hh(lang: Language, key: HhKey, vars: Record<string, string | number> = {}): string {
  return TEXTS[key][lang].replace(/\{(\w+)\}/g, (_m, k: string) => String(vars[k] ?? ''))
}
