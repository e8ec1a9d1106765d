import { createHash } from 'node:crypto'
import { eq } from 'drizzle-orm'
import type { Page, Route } from 'playwright-core'
import { createCase } from '../../../bot/cases/cases.service.js'
import type { CaseEvent } from '../../../bot/contracts/admin-api.js'
import type {
  CannedReply,
  CommonAnswer,
  ConsultationDetail,
  ConsultationSettings,
  ConsultationStats,
  DeliveryState,
} from '../../../bot/contracts/consultations.js'
import { makePng } from '../../../bot/emulator/index.js'
import { createPiiCipher } from '../../../bot/privacy/pii-cipher.js'
import { attachments, caseEvents, citizens, outboundMessages } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { stationOf } from './seed.js'

// Issue #12's officers' screens are built while the server side is written by others: the answers the new endpoints
// will give are built here, typed by the contract (bot/contracts/consultations.ts), so a contract change breaks the
// typecheck of these tests instead of letting them test a shape the server no longer sends.

const MIN = 60_000

export const QUESTION = 'ถูกหลอกให้โอนเงินซื้อโทรศัพท์ทางเฟซบุ๊ก 12,000 บาท ควรทำอย่างไรคะ'
export const ANSWER_REPLY = 'รับเรื่องแล้วครับ กรุณาเก็บหลักฐานการโอนและแชตไว้ทั้งหมด'
export const ANSWER_PUSH = 'สามารถแจ้งความออนไลน์ได้ที่ thaipoliceonline.go.th หรือมาที่สถานีในเวลาราชการ'
export const ANSWER_FAILED = 'ขอเลขบัญชีปลายทางเพิ่มเติมครับ'
export const NOTE = 'ตรวจสอบเลขบัญชีกับระบบ AOC แล้ว พบว่ามีผู้เสียหายรายอื่น'
export const FOLLOW_UP = 'ขอบคุณค่ะ แล้วต้องใช้เอกสารอะไรบ้างคะ'

/** A consultation on the real database: the citizen's question (personal: stored encrypted), a photo, answers. */
export async function seedConsultation(stack: Stack, officerId: string) {
  const station = await stationOf(stack)
  const cipher = createPiiCipher(stack.deps.config.piiEncryptionKey)
  const png = makePng(320, 240, [200, 80, 60])
  const now = Date.now()
  const at = (minutesAgo: number) => new Date(now - minutesAgo * MIN)
  return stack.db.db.transaction(async (tx) => {
    const user = stack.emulator.createUser({ displayName: 'มาลี ศรีสุข', language: 'th' })
    const [citizen] = await tx
      .insert(citizens)
      .values({ lineUserId: user.userId, stationId: station.id, displayName: 'มาลี ศรีสุข', language: 'th' })
      .returning()
    const c = await createCase(tx, {
      station,
      kind: 'consultation',
      citizenId: citizen?.id ?? null,
      summary: 'ปรึกษา: ถูกหลอกลวง',
      dueAt: at(30),
      now: at(95),
    })
    const event = async (minutesAgo: number, values: Omit<typeof caseEvents.$inferInsert, 'caseId' | 'createdAt'>) => {
      const [row] = await tx
        .insert(caseEvents)
        .values({ caseId: c.id, createdAt: at(minutesAgo), ...values })
        .returning()
      if (!row) {
        throw new Error('case event insert returned no row')
      }
      return row
    }
    await event(94, {
      type: 'message_in',
      actorType: 'citizen',
      body: null,
      bodyEnc: cipher.encrypt(QUESTION),
      data: { messageType: 'text' },
    })
    const photo = await event(93, { type: 'message_in', actorType: 'citizen', data: { messageType: 'image' } })
    const [file] = await tx
      .insert(attachments)
      .values({
        caseId: c.id,
        caseEventId: photo.id,
        contentType: 'image/png',
        fileName: 'slip.png',
        size: png.length,
        sha256: createHash('sha256').update(png).digest('hex'),
        bytesEnc: stack.deps.cipher.encryptBytes(png),
      })
      .returning()
    await tx
      .update(caseEvents)
      .set({
        data: {
          messageType: 'image',
          content: 'stored',
          attachmentId: file?.id,
          contentType: 'image/png',
          size: png.length,
        },
      })
      .where(eq(caseEvents.id, photo.id))
    // Each answer's outbox row as the deliver job leaves it: the server reads the delivery state from these rows.
    const delivered = async (d: DeliveryState) => {
      const [row] = await tx
        .insert(outboundMessages)
        .values({
          stationId: c.stationId,
          method: 'reply_or_push',
          to: user.userId,
          messages: [{ type: 'text', text: '…' }],
          purpose: 'case-message',
          status: d.state === 'queued' ? 'pending' : d.state === 'sent' ? 'delivered' : 'failed',
          sentVia: d.state === 'sent' ? d.via : null,
          deliveredAt: d.state === 'sent' ? new Date(d.at) : null,
          lastError: d.state === 'failed' ? { status: d.status, message: d.reason } : null,
          // A queued answer waits: the sweeper must not send it during the test.
          nextAttemptAt: d.state === 'queued' ? new Date(Date.now() + 86_400_000) : null,
        })
        .returning({ id: outboundMessages.id })
      return { outboundIds: [row?.id] }
    }
    await event(80, {
      type: 'message_out',
      actorType: 'officer',
      officerId,
      body: ANSWER_REPLY,
      data: await delivered({ state: 'sent', via: 'reply', at: at(80).toISOString() }),
    })
    await event(60, { type: 'note', actorType: 'officer', officerId, body: NOTE, internal: true })
    await event(40, {
      type: 'message_out',
      actorType: 'officer',
      officerId,
      body: ANSWER_PUSH,
      data: await delivered({ state: 'sent', via: 'push', at: at(40).toISOString() }),
    })
    await event(20, {
      type: 'message_out',
      actorType: 'officer',
      officerId,
      body: ANSWER_FAILED,
      data: await delivered({
        state: 'failed',
        cause: 'blocked',
        reason: 'The user has blocked the official account',
        status: 403,
      }),
    })
    await event(10, { type: 'message_in', actorType: 'citizen', body: FOLLOW_UP, data: { messageType: 'text' } })
    await event(1, {
      type: 'message_out',
      actorType: 'officer',
      officerId,
      body: 'กำลังตรวจสอบให้ครับ',
      data: await delivered({ state: 'queued' }),
    })
    return { case: c, citizenUser: user, at }
  })
}

/** The consultation part of GET /api/admin/cases/:id (B adds it on the server). */
export function consultationDetail(at: (minutesAgo: number) => Date): ConsultationDetail {
  return {
    topic: 'scam',
    openedVia: 'richmenu',
    lastCitizenMessageAt: at(10).toISOString(),
    lastOfficerMessageAt: at(20).toISOString(),
    nextResponseDueAt: at(5).toISOString(),
    closedBy: null,
    closedAt: null,
    rating: null,
    reopenCount: 0,
    convertedToCaseId: null,
    unread: 2,
  }
}

export const CANNED: CannedReply[] = [
  { id: 'c-1', scope: 'station', title: 'รับเรื่อง', body: 'สวัสดีครับคุณ{name} สถานีได้รับเรื่อง {ref} แล้ว', position: 1 },
  { id: 'c-2', scope: 'station', title: 'แจ้งความออนไลน์', body: 'แจ้งความออนไลน์ได้ที่ thaipoliceonline.go.th', position: 2 },
  { id: 'c-3', scope: 'personal', title: 'ลงชื่อ', body: 'ด้วยความเคารพ {officer} {station}', position: 1 },
]

export const SETTINGS: ConsultationSettings = {
  officeHours: {
    '1': [{ from: '08:30', to: '16:30' }],
    '2': [{ from: '08:30', to: '16:30' }],
    '3': [{ from: '08:30', to: '16:30' }],
    '4': [{ from: '08:30', to: '16:30' }],
    '5': [
      { from: '08:30', to: '12:00' },
      { from: '13:00', to: '16:30' },
    ],
  },
  holidays: [
    { date: '2026-12-05', nameTh: 'วันพ่อแห่งชาติ', nameEn: "Father's Day" },
    { date: '2026-12-10', nameTh: 'วันรัฐธรรมนูญ', nameEn: 'Constitution Day' },
    { date: '2027-01-01', nameTh: 'วันขึ้นปีใหม่', nameEn: "New Year's Day" },
  ],
  topics: [
    { topic: 'scam', active: true, position: 1, firstResponseMinutes: 120, nextResponseMinutes: 60 },
    { topic: 'family', active: true, position: 2, firstResponseMinutes: 240, nextResponseMinutes: 120 },
    { topic: 'debt', active: true, position: 3, firstResponseMinutes: 240, nextResponseMinutes: 120 },
    { topic: 'traffic', active: true, position: 4, firstResponseMinutes: 240, nextResponseMinutes: 120 },
    { topic: 'labour', active: true, position: 5, firstResponseMinutes: 240, nextResponseMinutes: 120 },
    { topic: 'property', active: true, position: 6, firstResponseMinutes: 240, nextResponseMinutes: 120 },
    { topic: 'cyber', active: true, position: 7, firstResponseMinutes: 240, nextResponseMinutes: 120 },
    { topic: 'other', active: false, position: 8, firstResponseMinutes: 480, nextResponseMinutes: 240 },
  ],
}

export const ANSWERS: CommonAnswer[] = [
  {
    id: 'a-1',
    topic: 'scam',
    titleTh: 'ถูกหลอกโอนเงิน ทำอย่างไร',
    titleEn: 'I was tricked into a transfer',
    bodyTh: 'โทร 1441 เพื่ออายัดบัญชีทันที แล้วแจ้งความที่ thaipoliceonline.go.th',
    bodyEn: 'Call 1441 to freeze the account at once, then report at thaipoliceonline.go.th',
    position: 1,
    active: true,
  },
  {
    id: 'a-2',
    topic: 'scam',
    titleTh: 'แก๊งคอลเซ็นเตอร์โทรมา',
    titleEn: 'A call-centre gang called me',
    bodyTh: 'วางสายทันที อย่าให้ข้อมูลส่วนตัว',
    bodyEn: 'Hang up at once; never give personal details',
    position: 2,
    active: true,
  },
]

export const STATS: ConsultationStats = {
  perTopic: [
    {
      topic: 'scam',
      opened: 14,
      medianFirstResponseOfficeMinutes: 38,
      medianNextResponseOfficeMinutes: 12.5,
      ratings: 9,
      averageRating: 4.4,
    },
    {
      topic: 'family',
      opened: 6,
      medianFirstResponseOfficeMinutes: 95,
      medianNextResponseOfficeMinutes: 30,
      ratings: 3,
      averageRating: 4,
    },
    {
      topic: 'debt',
      opened: 3,
      medianFirstResponseOfficeMinutes: null,
      medianNextResponseOfficeMinutes: null,
      ratings: 0,
      averageRating: null,
    },
  ],
  perOfficer: [
    {
      officerId: 'o-1',
      displayName: 'ร.ต.อ. สมชาย ใจดี',
      answered: 12,
      medianFirstResponseOfficeMinutes: 41,
      medianNextResponseOfficeMinutes: 15,
      averageRating: 4.5,
    },
    {
      officerId: 'o-2',
      displayName: 'ด.ต. มานะ อดทน',
      answered: 8,
      medianFirstResponseOfficeMinutes: 72,
      medianNextResponseOfficeMinutes: null,
      averageRating: 3.8,
    },
  ],
  commonAnswers: [
    { answerId: 'a-1', topic: 'scam', titleTh: 'ถูกหลอกโอนเงิน ทำอย่างไร', shown: 20, sufficed: 7 },
    { answerId: 'a-2', topic: 'scam', titleTh: 'แก๊งคอลเซ็นเตอร์โทรมา', shown: 11, sufficed: 6 },
  ],
  pushesPerMonth: [
    { month: '2026-11', kind: 'consultation', pushes: 42, replies: 130 },
    { month: '2026-11', kind: 'lost_document', pushes: 15, replies: 4 },
    { month: '2026-12', kind: 'consultation', pushes: 9, replies: 51 },
    { month: '2026-12', kind: 'sos', pushes: 3, replies: 0 },
  ],
}

/** A JSON answer to a routed request. */
export function json(route: Route, body: unknown, status = 200) {
  return route.fulfill({ status, contentType: 'application/json', body: JSON.stringify(body) })
}

/** Requests the page made, with their JSON bodies, for the assertions. */
export type Sent = { method: string; path: string; body: unknown }

/** Records every /api/admin request the page sends (method, path, JSON body). */
export function recordRequests(page: Page): Sent[] {
  const sent: Sent[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (url.pathname.startsWith('/api/admin/') && req.method() !== 'GET') {
      let body: unknown = null
      try {
        body = req.postDataJSON()
      } catch {
        body = req.postData()
      }
      sent.push({ method: req.method(), path: url.pathname, body })
    }
  })
  return sent
}

/** The event the messages route answers with (`{ event }`), as B's server sends it. */
export function sentEvent(id: number, body: string): { event: CaseEvent } {
  return {
    event: {
      id,
      type: 'message_out',
      actorType: 'officer',
      officer: null,
      fromStatus: null,
      toStatus: null,
      body,
      internal: false,
      data: { delivery: { state: 'queued' } satisfies DeliveryState },
      createdAt: new Date().toISOString(),
    },
  }
}
