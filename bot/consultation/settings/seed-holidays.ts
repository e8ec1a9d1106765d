import type { Holiday } from '../../contracts/consultations.js'

/**
 * Thai public holidays of B.E. 2569 and 2570 (2026, 2027): the station's office is closed, so consultations asked
 * then are due on the next office day. A starting list: the admin checks it against the cabinet's yearly
 * announcement (special days off and substitution days are announced late) and edits the list each year on the
 * settings page (PUT /api/admin/consultations/settings).
 *
 * Where the dates come from: the fixed days by law and custom (Chakri 6 Apr, Songkran 13–15 Apr, Coronation 4 May,
 * Queen Suthida 3 Jun, King 28 Jul, Queen Mother 12 Aug, 13 Oct, 23 Oct, 5 Dec, 10 Dec, 31 Dec). The Buddhist days
 * follow the Thai lunar calendar (the Ministry of Interior's reckoning: 354-day years, an extra day in Athikawan
 * years, an extra 8th month in Athikamat years such as 2569), computed as the python `holidays` library does
 * (calendars/thai.py, which reproduces the published dates of 2566–2568):
 * 2569 (an Athikamat year, so every Buddhist day is a month later than usual): Makha Bucha 3 Mar (full moon of
 * month 4), Visakha Bucha 31 May (month 7), Asarnha Bucha 29 Jul (month 8/8), Khao Phansa 30 Jul;
 * 2570: Makha Bucha 21 Feb, Visakha Bucha 20 May, Asarnha Bucha 18 Jul, Khao Phansa 19 Jul.
 * A holiday on a Saturday or Sunday gets a substitution day (วันหยุดชดเชย) on the next working day, as the cabinet
 * has granted so far. Labour Day is the private sector's holiday; government offices often stay open (the brief
 * lists it: the admin removes it if the station works that day). The Royal Ploughing Ceremony is not here: the court
 * astrologers fix its day each year, and it is a government-only day the admin adds once announced.
 */
export const THAI_PUBLIC_HOLIDAYS: readonly Holiday[] = [
  // B.E. 2569 / 2026
  { date: '2026-01-01', nameTh: 'วันขึ้นปีใหม่', nameEn: "New Year's Day" },
  { date: '2026-03-03', nameTh: 'วันมาฆบูชา', nameEn: 'Makha Bucha Day' },
  { date: '2026-04-06', nameTh: 'วันจักรี', nameEn: 'Chakri Memorial Day' },
  { date: '2026-04-13', nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { date: '2026-04-14', nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { date: '2026-04-15', nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { date: '2026-05-01', nameTh: 'วันแรงงานแห่งชาติ', nameEn: 'National Labour Day' },
  { date: '2026-05-04', nameTh: 'วันฉัตรมงคล', nameEn: 'Coronation Day' },
  { date: '2026-05-31', nameTh: 'วันวิสาขบูชา', nameEn: 'Visakha Bucha Day' },
  { date: '2026-06-01', nameTh: 'วันหยุดชดเชยวันวิสาขบูชา', nameEn: 'Substitution day for Visakha Bucha Day' },
  {
    date: '2026-06-03',
    nameTh: 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี',
    nameEn: "Queen Suthida's Birthday",
  },
  { date: '2026-07-28', nameTh: 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', nameEn: "H.M. the King's Birthday" },
  { date: '2026-07-29', nameTh: 'วันอาสาฬหบูชา', nameEn: 'Asarnha Bucha Day' },
  { date: '2026-07-30', nameTh: 'วันเข้าพรรษา', nameEn: 'Buddhist Lent Day (Khao Phansa)' },
  { date: '2026-08-12', nameTh: 'วันแม่แห่งชาติ', nameEn: "The Queen Mother's Birthday (Mother's Day)" },
  { date: '2026-10-13', nameTh: 'วันนวมินทรมหาราช', nameEn: 'King Bhumibol Adulyadej Memorial Day' },
  { date: '2026-10-23', nameTh: 'วันปิยมหาราช', nameEn: 'King Chulalongkorn Memorial Day' },
  { date: '2026-12-05', nameTh: 'วันพ่อแห่งชาติ', nameEn: "King Bhumibol Adulyadej's Birthday" },
  { date: '2026-12-07', nameTh: 'วันหยุดชดเชยวันพ่อแห่งชาติ', nameEn: "Substitution day for King Bhumibol's Birthday" },
  { date: '2026-12-10', nameTh: 'วันรัฐธรรมนูญ', nameEn: 'Constitution Day' },
  { date: '2026-12-31', nameTh: 'วันสิ้นปี', nameEn: "New Year's Eve" },
  // B.E. 2570 / 2027
  { date: '2027-01-01', nameTh: 'วันขึ้นปีใหม่', nameEn: "New Year's Day" },
  { date: '2027-02-21', nameTh: 'วันมาฆบูชา', nameEn: 'Makha Bucha Day' },
  { date: '2027-02-22', nameTh: 'วันหยุดชดเชยวันมาฆบูชา', nameEn: 'Substitution day for Makha Bucha Day' },
  { date: '2027-04-06', nameTh: 'วันจักรี', nameEn: 'Chakri Memorial Day' },
  { date: '2027-04-13', nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { date: '2027-04-14', nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { date: '2027-04-15', nameTh: 'วันสงกรานต์', nameEn: 'Songkran Festival' },
  { date: '2027-05-01', nameTh: 'วันแรงงานแห่งชาติ', nameEn: 'National Labour Day' },
  { date: '2027-05-04', nameTh: 'วันฉัตรมงคล', nameEn: 'Coronation Day' },
  { date: '2027-05-20', nameTh: 'วันวิสาขบูชา', nameEn: 'Visakha Bucha Day' },
  {
    date: '2027-06-03',
    nameTh: 'วันเฉลิมพระชนมพรรษาสมเด็จพระนางเจ้าฯ พระบรมราชินี',
    nameEn: "Queen Suthida's Birthday",
  },
  { date: '2027-07-18', nameTh: 'วันอาสาฬหบูชา', nameEn: 'Asarnha Bucha Day' },
  { date: '2027-07-19', nameTh: 'วันเข้าพรรษา', nameEn: 'Buddhist Lent Day (Khao Phansa)' },
  { date: '2027-07-20', nameTh: 'วันหยุดชดเชยวันอาสาฬหบูชา', nameEn: 'Substitution day for Asarnha Bucha Day' },
  { date: '2027-07-28', nameTh: 'วันเฉลิมพระชนมพรรษาพระบาทสมเด็จพระเจ้าอยู่หัว', nameEn: "H.M. the King's Birthday" },
  { date: '2027-08-12', nameTh: 'วันแม่แห่งชาติ', nameEn: "The Queen Mother's Birthday (Mother's Day)" },
  { date: '2027-10-13', nameTh: 'วันนวมินทรมหาราช', nameEn: 'King Bhumibol Adulyadej Memorial Day' },
  { date: '2027-10-23', nameTh: 'วันปิยมหาราช', nameEn: 'King Chulalongkorn Memorial Day' },
  { date: '2027-10-25', nameTh: 'วันหยุดชดเชยวันปิยมหาราช', nameEn: 'Substitution day for King Chulalongkorn Day' },
  { date: '2027-12-05', nameTh: 'วันพ่อแห่งชาติ', nameEn: "King Bhumibol Adulyadej's Birthday" },
  { date: '2027-12-06', nameTh: 'วันหยุดชดเชยวันพ่อแห่งชาติ', nameEn: "Substitution day for King Bhumibol's Birthday" },
  { date: '2027-12-10', nameTh: 'วันรัฐธรรมนูญ', nameEn: 'Constitution Day' },
  { date: '2027-12-31', nameTh: 'วันสิ้นปี', nameEn: "New Year's Eve" },
]
