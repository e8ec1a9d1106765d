import { and, eq } from 'drizzle-orm'
import { unzipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { casesPersonalData } from '../../../bot/cases/personal-data.js'
import { attachments, auditLog, caseEvents, evidenceFiles, footageRequests } from '../../../db/schema/index.js'
import { signInOfficer, type TestOfficer } from '../../helpers/officer-session.js'
import { type Stack, startStack } from '../../helpers/stack.js'
import { JPEG, mp4, ownerWithRequest, sha256 } from './evidence-fixtures.js'

// Issue #15, point 5 (evidence handling) and point 6: the officers' list with hashes, every view on the chain of
// custody and in the audit log, the export's manifest hashes matching its files, only evidence.read sees the files,
// and retention follows the case.
let s: Stack
let duty: TestOfficer
let patrol: TestOfficer
let x: Awaited<ReturnType<typeof ownerWithRequest>>
const clip = mp4(120_000)

beforeAll(async () => {
  s = await startStack()
  x = await ownerWithRequest(s, 'สมหมาย เจ้าของกล้อง')
  duty = await signInOfficer(s.db.db, { role: 'duty_officer', stationId: x.stationId, displayName: 'ด.ต. ดูแล' })
  patrol = await signInOfficer(s.db.db, { role: 'patrol_officer', stationId: x.stationId })
  const authorization = `Bearer ${s.emulator.issueIdToken(x.owner.user.userId)}`
  for (const [bytes, type, name] of [
    [clip, 'video/mp4', 'หน้าร้าน.mp4'],
    [JPEG, 'image/jpeg', 'still.jpg'],
  ] as const) {
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/liff/footage-requests/${x.request.id}/files`,
      headers: { authorization, 'content-type': type, 'x-file-name': encodeURIComponent(name) },
      payload: bytes,
    })
    expect(res.statusCode, res.body).toBe(201)
  }
}, 180_000)
afterAll(async () => {
  await s?.close()
})

const get = (who: TestOfficer, url: string) => s.app.inject({ method: 'GET', url, headers: who.headers })
const custodyOf = async (action: string) =>
  (
    await s.db.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, x.caseId), eq(caseEvents.type, 'evidence')))
  ).filter((e) => e.data?.action === action)

type Listed = { id: string; sha256: string; size: number; fileName: string; uploader: { type: string; name: string } }

describe("a case's evidence, the officers' side", () => {
  it('lists the files with hash, size, uploader (masked), time and camera', async () => {
    const res = await get(duty, `/api/admin/cases/${x.caseId}/evidence`)
    expect(res.statusCode, res.body).toBe(200)
    const { files, referenceNumber } = res.json() as { files: Listed[]; referenceNumber: string }
    expect(referenceNumber).toBe(x.referenceNumber)
    expect(files.map((f) => [f.fileName, f.sha256, f.size])).toEqual([
      ['หน้าร้าน.mp4', sha256(clip), clip.length],
      ['still.jpg', sha256(JPEG), JPEG.length],
    ])
    expect(files[0]).toMatchObject({
      camera: { id: x.camera.id, code: x.camera.code, name: 'หน้าร้านสมใจ' },
      footageRequestId: x.request.id,
      uploader: { type: 'citizen' },
    })
    expect(files[0]?.uploader.name).not.toBe('สมหมาย เจ้าของกล้อง')
  })

  it('every opening streams the bytes as received and is recorded: custody "viewed" by whom, and audited', async () => {
    const [first] = (await get(duty, `/api/admin/cases/${x.caseId}/evidence`)).json().files as Listed[]
    for (let i = 0; i < 2; i++) {
      const res = await get(duty, `/api/admin/evidence/${first?.id}/content`)
      expect(res.statusCode).toBe(200)
      expect(res.headers['content-type']).toBe('video/mp4')
      expect(res.headers['x-content-type-options']).toBe('nosniff')
      expect(res.headers['x-evidence-sha256']).toBe(sha256(clip))
      expect(sha256(res.rawPayload)).toBe(sha256(clip))
    }
    const viewed = await custodyOf('viewed')
    expect(viewed).toHaveLength(2)
    expect(viewed[0]).toMatchObject({ officerId: duty.id, actorType: 'officer', internal: true })
    expect(viewed[0]?.data).toMatchObject({ evidenceId: first?.id, sha256: sha256(clip) })
    const audits = await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'evidence.view'))
    expect(audits).toHaveLength(2)
    expect(audits[0]).toMatchObject({ officerId: duty.id, entityId: x.caseId })

    // The case's timeline (what the officers' app renders) carries the chain of custody with the officer's name.
    const detail = (await get(duty, `/api/admin/cases/${x.caseId}`)).json()
    const evidence = detail.events.filter((e: { type: string }) => e.type === 'evidence')
    expect(evidence.map((e: { data: { action: string } }) => e.data.action)).toEqual([
      'received',
      'received',
      'viewed',
      'viewed',
    ])
    expect(evidence[2].officer).toEqual({ id: duty.id, displayName: 'ด.ต. ดูแล' })
  })

  it('exports a zip whose manifest hashes match its files; the export is on the chain of custody', async () => {
    const res = await get(duty, `/api/admin/cases/${x.caseId}/evidence.zip`)
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200)
    expect(res.headers['content-type']).toBe('application/zip')
    expect(res.headers['content-disposition']).toContain(`evidence-${x.referenceNumber}.zip`)
    const zip = unzipSync(new Uint8Array(res.rawPayload))
    const manifest = JSON.parse(Buffer.from(zip['manifest.json'] ?? []).toString('utf8'))
    expect(manifest).toMatchObject({ case: x.referenceNumber, exportedBy: 'ด.ต. ดูแล' })
    expect(manifest.files).toHaveLength(2)
    for (const f of manifest.files as { file: string; sha256: string; size: number }[]) {
      const bytes = Buffer.from(zip[f.file] ?? [])
      expect(bytes.length).toBe(f.size)
      expect(sha256(bytes)).toBe(f.sha256)
    }
    expect(manifest.files.map((f: { sha256: string }) => f.sha256)).toEqual([sha256(clip), sha256(JPEG)])
    expect(manifest.files[0]).toMatchObject({ camera: `${x.camera.code} หน้าร้านสมใจ`, contentType: 'video/mp4' })
    const csv = Buffer.from(zip['manifest.csv'] ?? []).toString('utf8')
    expect(csv.split('\r\n')[0]).toBe(
      '\uFEFFfile,sha256,size,content_type,camera,footage_request_id,received_at,received_at_bangkok,uploader',
    )
    expect(csv).toContain(sha256(clip))
    const exported = await custodyOf('exported')
    expect(exported).toHaveLength(1)
    expect(exported[0]).toMatchObject({ officerId: duty.id })
    expect(exported[0]?.data).toMatchObject({ count: 2 })
    expect(await s.db.db.select().from(auditLog).where(eq(auditLog.action, 'evidence.export'))).toHaveLength(1)
  })

  it('an officer adds a file brought to the station, linked to the request', async () => {
    const bytes = mp4(50_000)
    const res = await s.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${x.caseId}/evidence?requestId=${x.request.id}`,
      headers: { ...duty.headers, 'content-type': 'video/quicktime', 'x-file-name': encodeURIComponent('usb.mov') },
      payload: bytes,
    })
    expect(res.statusCode, res.body).toBe(201)
    expect(res.json()).toMatchObject({
      sha256: sha256(bytes),
      camera: { id: x.camera.id },
      uploader: { type: 'officer', name: 'ด.ต. ดูแล' },
    })
    const received = await custodyOf('received')
    expect(received.at(-1)).toMatchObject({ officerId: duty.id, actorType: 'officer' })
    const wrong = await s.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${x.caseId}/evidence`,
      headers: { ...duty.headers, 'content-type': 'application/pdf' },
      payload: Buffer.from('%PDF-1.4'),
    })
    expect(wrong.statusCode).toBe(415)
  })

  it('a role without evidence.read gets 403 on every evidence route, and the case view does not leak the files', async () => {
    const [first] = (await get(duty, `/api/admin/cases/${x.caseId}/evidence`)).json().files as Listed[]
    for (const url of [
      `/api/admin/cases/${x.caseId}/evidence`,
      `/api/admin/evidence/${first?.id}/content`,
      `/api/admin/cases/${x.caseId}/evidence.zip`,
    ]) {
      const res = await get(patrol, url)
      expect(res.statusCode, url).toBe(403)
      expect(res.json().error.code).toBe('forbidden')
    }
    const upload = await s.app.inject({
      method: 'POST',
      url: `/api/admin/cases/${x.caseId}/evidence`,
      headers: { ...patrol.headers, 'content-type': 'video/mp4' },
      payload: mp4(1000),
    })
    expect(upload.statusCode).toBe(403)
    // The case itself (cases.read) lists no evidence attachment, and the generic attachment route does not serve one.
    const detail = await get(patrol, `/api/admin/cases/${x.caseId}`)
    expect(detail.statusCode).toBe(200)
    expect(detail.json().case.attachments).toEqual([])
    const [e] = await s.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.caseId, x.caseId))
    expect((await get(duty, `/api/admin/attachments/${e?.attachmentId}`)).statusCode).toBe(404)
    // Another station's officer: 404.
    const elsewhere = await get(duty, `/api/admin/evidence/00000000-0000-4000-8000-000000000000/content`)
    expect(elsewhere.statusCode).toBe(404)
  })

  it('retention follows the case: purging the case purges its evidence files and their bytes', async () => {
    const y = await ownerWithRequest(s, 'ลบ ตามเรื่อง')
    const authorization = `Bearer ${s.emulator.issueIdToken(y.owner.user.userId)}`
    const up = await s.app.inject({
      method: 'POST',
      url: `/api/liff/footage-requests/${y.request.id}/files`,
      headers: { authorization, 'content-type': 'image/jpeg' },
      payload: JPEG,
    })
    expect(up.statusCode).toBe(201)
    await s.db.db.transaction(async (tx) => {
      await casesPersonalData(s.deps.cipher).purgeCases?.(tx, [y.caseId], new Date())
    })
    expect(await s.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.caseId, y.caseId))).toEqual([])
    expect(await s.db.db.select().from(attachments).where(eq(attachments.caseId, y.caseId))).toEqual([])
    // The request stays (the case's record of what was asked); the other case's evidence is untouched.
    expect(await s.db.db.select().from(footageRequests).where(eq(footageRequests.id, y.request.id))).toHaveLength(1)
    expect(await s.db.db.select().from(evidenceFiles).where(eq(evidenceFiles.caseId, x.caseId))).toHaveLength(3)
  })
})
