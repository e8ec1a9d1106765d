import { and, asc, desc, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { type Citizen, cases, type DataRequest, dataRequests, stations } from '../../db/schema/index.js'
import type { Bilingual } from './parts.js'

/** The station answers a PDPA request within 30 days (its commitment; s.30 sets it for access requests). */
export const ANSWER_WITHIN_DAYS = 30
export const DAY_MS = 86_400_000

export function dueAtOf(request: Pick<DataRequest, 'createdAt'>): Date {
  return new Date(request.createdAt.getTime() + ANSWER_WITHIN_DAYS * DAY_MS)
}

/**
 * The legal grounds on which a station may refuse an erasure (PDPA s.33 paragraph 2 and the Act's scope, s.4).
 * The officer picks one and explains in their own words; the citizen receives both.
 */
export const REFUSAL_GROUNDS = {
  legal_obligation: {
    th: 'สถานีต้องเก็บข้อมูลนี้ไว้เพื่อปฏิบัติตามกฎหมาย (มาตรา 33 วรรคสอง)',
    en: 'The station must keep this data to comply with the law (section 33, paragraph 2)',
  },
  legal_claims: {
    th: 'ข้อมูลนี้จำเป็นต่อการก่อตั้ง ใช้ หรือยกขึ้นต่อสู้สิทธิเรียกร้องตามกฎหมาย (มาตรา 33 วรรคสอง)',
    en: 'The data is needed to establish, exercise or defend legal claims (section 33, paragraph 2)',
  },
  public_task: {
    th: 'ข้อมูลนี้จำเป็นต่อการปฏิบัติหน้าที่เพื่อประโยชน์สาธารณะหรือการใช้อำนาจรัฐของสถานี (มาตรา 33 วรรคสอง ประกอบมาตรา 24 (4))',
    en: "The data is needed for the station's public task or official authority (section 33, paragraph 2 with section 24(4))",
  },
  criminal_procedure: {
    th: 'ข้อมูลนี้เป็นส่วนหนึ่งของกระบวนการยุติธรรมทางอาญา ซึ่งอยู่นอกขอบเขตของพระราชบัญญัติ (มาตรา 4 (5))',
    en: 'The data is part of criminal justice proceedings, outside the scope of the Act (section 4(5))',
  },
} as const satisfies Record<string, Bilingual>
export type RefusalGround = keyof typeof REFUSAL_GROUNDS
export const REFUSAL_GROUND_CODES = Object.keys(REFUSAL_GROUNDS) as [RefusalGround, ...RefusalGround[]]

/** What the citizen reads in LINE once their request is answered (Thai first, then English). */
export function answerText(
  outcome: { done: true } | { done: false; ground: RefusalGround; explanation: string },
): string {
  if (outcome.done) {
    return [
      'สถานีได้ลบข้อมูลส่วนบุคคลของท่านตามคำขอแล้ว (พระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 มาตรา 33) นับจากนี้สถานีจะไม่ส่งข้อความหาท่าน เว้นแต่ท่านติดต่อมาเอง เลขที่เรื่องและวันที่ของบันทึกที่ออกไปแล้วยังตรวจสอบได้จาก QR code',
      'The station has erased your personal data as you asked (Personal Data Protection Act B.E. 2562, section 33). It will not message you again unless you contact it. The numbers and dates of records already issued can still be checked from their QR code.',
    ].join('\n\n')
  }
  const ground = REFUSAL_GROUNDS[outcome.ground]
  return [
    `สถานีไม่สามารถลบข้อมูลของท่านได้ เหตุผล: ${ground.th}\n${outcome.explanation}\nหากไม่เห็นด้วย ท่านร้องเรียนต่อสำนักงานคณะกรรมการคุ้มครองข้อมูลส่วนบุคคลได้`,
    `The station cannot erase your data. Reason: ${ground.en}\n${outcome.explanation}\nIf you disagree, you may complain to the Personal Data Protection Committee.`,
  ].join('\n\n')
}

/** The station that answers the citizen: the one of their latest case, else their own, else the first station. */
async function stationOf(tx: Tx, citizen: Citizen): Promise<string | null> {
  const [latest] = await tx
    .select({ stationId: cases.stationId })
    .from(cases)
    .where(eq(cases.citizenId, citizen.id))
    .orderBy(desc(cases.createdAt))
    .limit(1)
  if (latest) {
    return latest.stationId
  }
  if (citizen.stationId) {
    return citizen.stationId
  }
  const [first] = await tx.select({ id: stations.id }).from(stations).orderBy(asc(stations.createdAt)).limit(1)
  return first?.id ?? null
}

/** Files an erasure request; asking again while one is open is the same request. */
export async function askForErasure(tx: Tx, citizen: Citizen, now: Date): Promise<DataRequest> {
  const [pending] = await tx
    .select()
    .from(dataRequests)
    .where(
      and(eq(dataRequests.citizenId, citizen.id), eq(dataRequests.kind, 'delete'), eq(dataRequests.status, 'pending')),
    )
    .limit(1)
  if (pending) {
    return pending
  }
  const [created] = await tx
    .insert(dataRequests)
    .values({ citizenId: citizen.id, kind: 'delete', stationId: await stationOf(tx, citizen), createdAt: now })
    .returning()
  if (!created) {
    throw new Error('data request insert returned no row')
  }
  return created
}
