/**
 * What each audit action means, in Thai and English: the officers' page and the CSV show these next to the code
 * (the code stays, for exact filtering). An action missing here shows as its code; the test of this file lists
 * every action the code writes.
 */
export const AUDIT_ACTION_LABELS: Record<string, { th: string; en: string }> = {
  'auth.sign_in': { th: 'เข้าสู่ระบบ', en: 'Signed in' },
  'auth.sign_in_failed': { th: 'เข้าสู่ระบบไม่สำเร็จ', en: 'Sign-in failed' },
  'auth.sign_out': { th: 'ออกจากระบบ', en: 'Signed out' },
  'case.view': { th: 'เปิดดูเรื่อง', en: 'Viewed a case' },
  'case.reveal': { th: 'เปิดดูข้อมูลส่วนบุคคล', en: 'Revealed personal data' },
  'case.reveal_id': { th: 'เปิดดูเลขบัตร', en: 'Revealed an ID number' },
  'case.status': { th: 'เปลี่ยนสถานะเรื่อง', en: 'Changed a case status' },
  'case.assign': { th: 'มอบหมาย/รับเรื่อง', en: 'Assigned a case' },
  'case.note': { th: 'บันทึกภายใน', en: 'Internal note' },
  'case.message': { th: 'ส่งข้อความถึงผู้แจ้ง', en: 'Messaged a citizen' },
  'case.attachment': { th: 'เปิดไฟล์แนบ', en: 'Opened an attachment' },
  'lost_document.approve': { th: 'อนุมัติแจ้งเอกสารหาย', en: 'Approved a lost-document report' },
  'lost_document.issue': { th: 'ออกบันทึกแจ้งเอกสารหาย', en: 'Issued a lost-document record' },
  'lost_document.reject': { th: 'ไม่อนุมัติแจ้งเอกสารหาย', en: 'Refused a lost-document report' },
  'lost_document.request_info': { th: 'ขอข้อมูลเพิ่มเติมจากผู้แจ้ง', en: 'Asked the citizen for more information' },
  'lost_document.revoke': { th: 'ยกเลิกบันทึกแจ้งเอกสารหาย', en: 'Revoked a lost-document record' },
  'lost_document.pdf_download': { th: 'ดาวน์โหลดบันทึก (PDF)', en: 'Downloaded a record (PDF)' },
  'document_type.update': { th: 'แก้ไขประเภทเอกสาร', en: 'Edited a document type' },
  'privacy.erase': { th: 'ลบข้อมูลส่วนบุคคลตามคำขอ', en: 'Erased a citizen on request' },
  'privacy.refuse': { th: 'ปฏิเสธคำขอลบข้อมูล', en: 'Refused an erasure request' },
  'privacy.retention': { th: 'ลบข้อมูลที่ครบระยะเวลาเก็บ', en: 'Retention run' },
  'officer.create': { th: 'เพิ่มเจ้าหน้าที่', en: 'Added an officer' },
  'officer.update': { th: 'แก้ไขเจ้าหน้าที่', en: 'Changed an officer' },
  'officer.disable': { th: 'ปิดการใช้งานเจ้าหน้าที่', en: 'Disabled an officer' },
  'officer.enable': { th: 'เปิดการใช้งานเจ้าหน้าที่', en: 'Enabled an officer' },
  'officer.bootstrap': { th: 'ตั้งผู้ดูแลระบบเริ่มต้น', en: 'Bootstrap administrator' },
  'access_request.create': { th: 'ขอสิทธิ์เข้าใช้', en: 'Asked for access' },
  'access_request.approve': { th: 'อนุมัติคำขอสิทธิ์', en: 'Approved access' },
  'access_request.decline': { th: 'ปฏิเสธคำขอสิทธิ์', en: 'Declined access' },
  'template.update': { th: 'แก้ไขข้อความแจ้งสถานะ', en: 'Edited a status message' },
  'template.reset': { th: 'คืนค่าข้อความแจ้งสถานะ', en: 'Reset a status message' },
  'station.update': { th: 'แก้ไขข้อมูลสถานี', en: 'Edited the station' },
  'group.bind': { th: 'ผูกกลุ่ม LINE', en: 'Bound a LINE group' },
  'group.unbind': { th: 'ยกเลิกการผูกกลุ่ม LINE', en: 'Unbound a LINE group' },
  'group.join': { th: 'บอทเข้ากลุ่ม LINE', en: 'Bot joined a LINE group' },
  'group.leave': { th: 'บอทออกจากกลุ่ม LINE', en: 'Bot left a LINE group' },
  'audit.export': { th: 'ส่งออกบันทึกการใช้งาน', en: 'Exported the audit log' },
}

export function auditActionLabel(action: string): { th: string; en: string } | null {
  return AUDIT_ACTION_LABELS[action] ?? null
}
