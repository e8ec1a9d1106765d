/** Thai for the officers' SOS pieces: the pinned inbox rows, the alarm, the station's SOS due time. */
export const thSos = {
  'sos.pinned': 'SOS ยังไม่มีผู้รับเรื่อง',
  'sos.pinnedHint': 'ปักหมุดไว้บนสุดจนกว่าจะมีเจ้าหน้าที่รับเรื่อง',
  'sos.alarm': 'แจ้งเหตุฉุกเฉิน SOS ใหม่: {ref}',
  'sos.titleBadge': 'SOS รอรับเรื่อง',
  'station.sosDue': 'เวลาที่ต้องรับเรื่อง SOS (นาที)',
  'station.sosDueHint': 'เรื่อง SOS ที่ยังไม่มีผู้รับจะปักหมุดบนสุดของกล่องงาน และเลยกำหนดเมื่อครบเวลานี้ ค่าเริ่มต้น 10 นาที',
}
