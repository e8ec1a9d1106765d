// No imports: the unit tests read this table under the server's TypeScript settings (no DOM).
/** Who acted when no officer did (bot/officers/audit-port.ts): the audit log says it in words, not as a code. */
const ACTOR_LABELS: Record<string, { th: string; en: string }> = {
  officer: { th: 'เจ้าหน้าที่', en: 'Officer' },
  system: { th: 'ระบบ', en: 'System' },
  cli: { th: 'คำสั่งบนเครื่องแม่ข่าย', en: 'Server command line' },
  line_user: { th: 'ผู้ใช้ LINE', en: 'LINE user' },
  anonymous: { th: 'ผู้ที่ยังไม่ได้เข้าสู่ระบบ', en: 'Not signed in' },
  link: { th: 'ผู้เปิดลิงก์ดาวน์โหลด', en: 'Someone with the download link' },
  emulator: { th: 'ตัวจำลอง LINE', en: 'LINE emulator' },
}

export function actorLabel(lang: 'th' | 'en', actor: string): string {
  return ACTOR_LABELS[actor]?.[lang] ?? actor
}
