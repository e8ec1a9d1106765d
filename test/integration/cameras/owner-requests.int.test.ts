import { and, eq } from 'drizzle-orm'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { MAX_EVIDENCE_UPLOAD_BYTES } from '../../../bot/contracts/cameras.js'
import { attachments, caseEvents, evidenceFiles, footageRequests, outboundMessages } from '../../../db/schema/index.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { befriend, JPEG, mp4, ownerWithRequest, sha256 } from './evidence-fixtures.js'

// Issue #15, point 4 (the owner's answer and upload in LIFF) and point 6 (a citizen cannot see any request not
// addressed to them; upload with hash check): the owner's API behind a verified LINE ID token.
let s: Stack
// A slow, shared machine can take long to start a stack (PGlite, the emulator): wait for it, not for a clock.
beforeAll(async () => {
  s = await startStack()
}, 180_000)
afterAll(async () => {
  await s?.close()
})

function as(userId: string) {
  const authorization = `Bearer ${s.emulator.issueIdToken(userId)}`
  return {
    call: (method: 'GET' | 'POST', url: string, body?: unknown) =>
      s.app.inject({
        method,
        url,
        headers: { authorization },
        ...(body === undefined ? {} : { payload: body as object }),
      }),
    upload: (requestId: string, bytes: Buffer, type: string, name = 'clip.mp4') =>
      s.app.inject({
        method: 'POST',
        url: `/api/liff/footage-requests/${requestId}/files`,
        headers: { authorization, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
        payload: bytes,
      }),
    authorization,
  }
}

const evidenceOf = (caseId: string) => s.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.caseId, caseId))

describe("the camera owner's footage requests", () => {
  it('without a verified ID token: 401', async () => {
    expect((await s.app.inject({ method: 'GET', url: '/api/liff/footage-requests' })).statusCode).toBe(401)
  })

  it('lists and shows a request: the case reference only, camera, window in BE, ask, deadline, status', async () => {
    const x = await ownerWithRequest(s, 'สมใจ เจ้าของร้าน')
    const me = as(x.owner.user.userId)
    const list = await me.call('GET', '/api/liff/footage-requests')
    expect(list.statusCode, list.body).toBe(200)
    expect(list.json().requests).toEqual([
      expect.objectContaining({ id: x.request.id, referenceNumber: x.referenceNumber, status: 'open' }),
    ])
    const one = await me.call('GET', `/api/liff/footage-requests/${x.request.id}`)
    expect(one.statusCode, one.body).toBe(200)
    const { request, upload } = one.json()
    expect(request).toMatchObject({
      referenceNumber: x.referenceNumber,
      camera: { code: x.camera.code, name: 'หน้าร้านสมใจ', covers: 'หน้าร้าน ถนนสุขุมวิท' },
      ask: 'ภาพรถจักรยานยนต์สีแดงผ่านหน้าร้าน',
      status: 'open',
      statusTh: 'รอคำตอบ',
      canAnswer: true,
      canUpload: true,
      files: [],
    })
    const beYear = String(x.request.windowFrom.getUTCFullYear() + 543)
    expect(request.window.th).toContain(beYear)
    expect(request.window.th).toContain('น.')
    expect(request.deadline.th).toContain(String(x.request.deadlineAt.getUTCFullYear() + 543))
    expect(upload).toEqual({ maxBytes: MAX_EVIDENCE_UPLOAD_BYTES, contentTypes: expect.arrayContaining(['video/mp4']) })
    // Nothing else of the case: not its summary, not its citizen.
    expect(one.body).not.toContain('รถจักรยานยนต์ถูกขโมย')
    expect(one.body).not.toContain(x.caseId)
  })

  it('answers "I have it", then uploads a clip: hash as sent, kept encrypted, custody entry, officer told', async () => {
    const x = await ownerWithRequest(s, 'มานะ เจ้าของบ้าน')
    const me = as(x.owner.user.userId)
    const answered = await me.call('POST', `/api/liff/footage-requests/${x.request.id}/answer`, {
      answer: 'have_it',
      note: 'มีภาพช่วงนั้นครับ',
    })
    expect(answered.statusCode, answered.body).toBe(200)
    expect(answered.json().request).toMatchObject({ status: 'have_it', answerNote: 'มีภาพช่วงนั้นครับ' })

    const clip = mp4(300_000)
    const res = await me.upload(x.request.id, clip, 'video/mp4', 'กล้องหน้าร้าน 14-05.mp4')
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({ sha256: sha256(clip), size: clip.length })

    const [e] = await evidenceOf(x.caseId)
    expect(e).toMatchObject({
      sha256: sha256(clip),
      size: clip.length,
      cameraId: x.camera.id,
      footageRequestId: x.request.id,
      uploadedByCitizenId: x.owner.citizen.id,
      uploadedByOfficerId: null,
    })
    const [a] = await s.db.db
      .select()
      .from(attachments)
      .where(eq(attachments.id, e?.attachmentId ?? ''))
    expect(a).toMatchObject({ contentType: 'video/mp4', fileName: 'กล้องหน้าร้าน 14-05.mp4', bytes: null })
    expect(a?.bytesEnc).toBeTruthy()
    expect(a?.bytesEnc?.includes(clip.subarray(0, 64).toString('base64'))).toBe(false)
    expect(s.deps.cipher.decryptBytes(a?.bytesEnc ?? '').equals(clip)).toBe(true)

    const events = await s.db.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, x.caseId), eq(caseEvents.type, 'evidence')))
    expect(events).toHaveLength(1)
    expect(events[0]).toMatchObject({ actorType: 'system', internal: true, id: e?.caseEventId })
    expect(events[0]?.data).toMatchObject({
      action: 'received',
      from: 'camera_owner',
      evidenceId: e?.id,
      sha256: sha256(clip),
    })

    const [request] = await s.db.db.select().from(footageRequests).where(eq(footageRequests.id, x.request.id))
    expect(request?.status).toBe('received')

    const notes = await s.db.db
      .select()
      .from(outboundMessages)
      .where(
        and(eq(outboundMessages.to, x.asker.officer.lineUserId), eq(outboundMessages.purpose, 'evidence_received')),
      )
    expect(notes).toHaveLength(1)
    const [told] = (await s.emulator.waitForMessages(x.asker.user.userId, 3)).slice(2)
    expect(JSON.stringify(told)).toContain(x.referenceNumber)
    expect(JSON.stringify(told)).toContain('ได้รับไฟล์หลักฐาน')

    // The page shows what the station keeps: the same hash.
    const detail = (await me.call('GET', `/api/liff/footage-requests/${x.request.id}`)).json()
    expect(detail.request).toMatchObject({ status: 'received', canAnswer: false, canUpload: true })
    expect(detail.request.files).toEqual([expect.objectContaining({ id: e?.id, sha256: sha256(clip) })])

    // A second file (pictures) is kept too; the request stays 'received'.
    expect((await me.upload(x.request.id, JPEG, 'image/jpeg', 'ภาพ.jpg')).statusCode).toBe(201)
    expect(await evidenceOf(x.caseId)).toHaveLength(2)
  })

  it('a file over the limit: 413 in Thai and English with the reference, before or while reading; nothing kept', async () => {
    const x = await ownerWithRequest(s, 'ใหญ่ ไฟล์')
    const me = as(x.owner.user.userId)
    // The declared length is over: refused before the body is read.
    const declared = await s.app.inject({
      method: 'POST',
      url: `/api/liff/footage-requests/${x.request.id}/files`,
      headers: { authorization: me.authorization, 'content-type': 'video/mp4' },
      payload: mp4(MAX_EVIDENCE_UPLOAD_BYTES + 1),
    })
    expect(declared.statusCode, declared.body).toBe(413)
    expect(declared.json().error).toMatchObject({ code: 'file_too_large' })
    expect(declared.json().error.messageTh).toContain(
      `ไฟล์ใหญ่เกินไป (เกิน 25 MB): กรุณานำมามอบที่สถานีพร้อมเลขอ้างอิง ${x.referenceNumber}`,
    )
    expect(declared.json().error.message).toContain('bring it to the station')

    // No length declared (chunked): refused as soon as the stream passes the limit.
    const chunk = mp4(1024 * 1024)
    let sent = 0
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent > MAX_EVIDENCE_UPLOAD_BYTES + 2 * chunk.length) {
          controller.close()
          return
        }
        sent += chunk.length
        controller.enqueue(chunk)
      },
    })
    const streamed = await fetch(`${s.baseUrl}/api/liff/footage-requests/${x.request.id}/files`, {
      method: 'POST',
      headers: { authorization: me.authorization, 'content-type': 'video/mp4' },
      body,
      duplex: 'half',
    } as RequestInit)
    expect(streamed.status).toBe(413)
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe('file_too_large')

    expect(await evidenceOf(x.caseId)).toHaveLength(0)
    const [request] = await s.db.db.select().from(footageRequests).where(eq(footageRequests.id, x.request.id))
    expect(request?.status).toBe('open')
  })

  it('a type the station does not take, or bytes that are not what the type says: 415', async () => {
    const x = await ownerWithRequest(s, 'ผิด ประเภท')
    const me = as(x.owner.user.userId)
    const text = await me.upload(x.request.id, Buffer.from('hello'), 'text/plain', 'note.txt')
    expect(text.statusCode, text.body).toBe(415)
    expect(text.json().error.code).toBe('file_type_refused')
    const pdf = await me.upload(x.request.id, Buffer.from('%PDF-1.7 not a video at all'), 'video/mp4')
    expect(pdf.statusCode).toBe(415)
    const json = await me.call('POST', `/api/liff/footage-requests/${x.request.id}/files`, { a: 1 })
    expect(json.statusCode).toBe(415)
    expect(await evidenceOf(x.caseId)).toHaveLength(0)
  })

  it('another citizen gets 404 for the request, its answer and its upload; their list is empty', async () => {
    const x = await ownerWithRequest(s, 'เจ้าของ จริง')
    const other = await befriend(s, 'คนอื่น ไม่เกี่ยว')
    const them = as(other.user.userId)
    expect((await them.call('GET', '/api/liff/footage-requests')).json().requests).toEqual([])
    expect((await them.call('GET', `/api/liff/footage-requests/${x.request.id}`)).statusCode).toBe(404)
    const answer = await them.call('POST', `/api/liff/footage-requests/${x.request.id}/answer`, { answer: 'refused' })
    expect(answer.statusCode).toBe(404)
    const upload = await them.upload(x.request.id, mp4(2000), 'video/mp4')
    expect(upload.statusCode).toBe(404)
    // Too large from someone else: still a 404 (whose request it is is checked before the size).
    const big = await them.upload(x.request.id, mp4(MAX_EVIDENCE_UPLOAD_BYTES + 10), 'video/mp4')
    expect(big.statusCode).toBe(404)
    expect(big.body).not.toContain(x.referenceNumber)
    expect((await them.call('GET', '/api/liff/footage-requests/not-a-uuid')).statusCode).toBe(404)
    const [request] = await s.db.db.select().from(footageRequests).where(eq(footageRequests.id, x.request.id))
    expect(request?.status).toBe('open')
    expect(await evidenceOf(x.caseId)).toHaveLength(0)
  })

  it('a cancelled request takes no answer and no file: 409', async () => {
    const x = await ownerWithRequest(s, 'ยกเลิก แล้ว', { status: 'cancelled' })
    const me = as(x.owner.user.userId)
    const one = (await me.call('GET', `/api/liff/footage-requests/${x.request.id}`)).json()
    expect(one.request).toMatchObject({ canAnswer: false, canUpload: false })
    const answer = await me.call('POST', `/api/liff/footage-requests/${x.request.id}/answer`, { answer: 'have_it' })
    expect(answer.statusCode).toBe(409)
    expect((await me.upload(x.request.id, mp4(2000), 'video/mp4')).statusCode).toBe(409)
  })
})
