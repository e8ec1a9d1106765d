import { createHash } from 'node:crypto'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import type { EvidenceExport } from '../../../bot/cameras/evidence/evidence.service.js'
import { cleanFileName, evidenceType, looksLike } from '../../../bot/cameras/evidence/store.js'
import { entryName, evidenceZip, manifestCsv, manifestOf } from '../../../bot/cameras/evidence/zip.js'
import { evidenceTooLargeText } from '../../../bot/contracts/cameras-evidence.js'

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex')
const MP4 = Buffer.from('00000018667479706d70343200000000', 'hex')
const MOV = Buffer.from('000000086d6f6f76', 'hex')

describe('what an evidence upload may be', () => {
  it('takes the declared type, browser aliases mapped, parameters dropped', () => {
    expect(evidenceType('video/mp4')).toBe('video/mp4')
    expect(evidenceType('Video/QuickTime; codecs=x')).toBe('video/quicktime')
    expect(evidenceType('application/x-zip-compressed')).toBe('application/zip')
    expect(evidenceType('image/jpg')).toBe('image/jpeg')
    expect(evidenceType('application/pdf')).toBeNull()
    expect(evidenceType(undefined)).toBeNull()
  })

  it('checks the first bytes against the type', () => {
    expect(looksLike('video/mp4', MP4)).toBe(true)
    expect(looksLike('video/quicktime', MOV)).toBe(true)
    expect(looksLike('video/mp4', Buffer.from('%PDF-1.7 hello'))).toBe(false)
    expect(looksLike('image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(true)
    expect(looksLike('image/png', Buffer.from([0xff, 0xd8, 0xff, 0xe0]))).toBe(false)
    expect(looksLike('application/zip', Buffer.from('PK\x03\x04rest', 'latin1'))).toBe(true)
  })

  it('cleans the file name: no path parts, no control characters', () => {
    expect(cleanFileName(encodeURIComponent('../../etc/passwd'))).toBe('.._.._etc_passwd')
    expect(cleanFileName(encodeURIComponent('กล้อง\u0000หน้าร้าน.mp4'))).toBe('กล้องหน้าร้าน.mp4')
    expect(cleanFileName(undefined)).toBeNull()
    expect(() => cleanFileName('%E0%A4%A')).toThrow()
  })

  it('says in Thai and English to bring a large file to the station with the reference', () => {
    const text = evidenceTooLargeText('RYG-SOS-2569-000123', 25)
    expect(text.th).toBe('ไฟล์ใหญ่เกินไป (เกิน 25 MB): กรุณานำมามอบที่สถานีพร้อมเลขอ้างอิง RYG-SOS-2569-000123')
    expect(text.en).toContain('bring it to the station with the reference RYG-SOS-2569-000123')
  })
})

describe('the export zip', () => {
  const a = Buffer.concat([MP4, Buffer.alloc(5000, 7)])
  const b = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3])
  const file = (id: string, bytes: Buffer, over: Partial<EvidenceExport['files'][number]>) => ({
    id,
    attachmentId: `att-${id}`,
    fileName: null,
    contentType: 'video/mp4',
    sha256: sha(bytes),
    size: bytes.length,
    receivedAt: '2026-12-03T07:05:00.000Z',
    camera: { id: 'c1', code: 'RYG-P-001', name: 'แยกตลาด' },
    footageRequestId: null,
    uploader: { type: 'citizen' as const, name: 'ส***ย' },
    ...over,
  })
  const x: EvidenceExport = {
    referenceNumber: 'RYG-SOS-2569-000001',
    exportedAt: new Date('2026-12-03T08:00:00Z'),
    exportedBy: 'ด.ต. ดูแล',
    files: [
      file('1', a, { fileName: 'หน้าร้าน/14:05.mp4' }),
      file('2', b, {
        contentType: 'image/jpeg',
        fileName: '=cmd|calc',
        camera: null,
        uploader: { type: 'officer', name: 'ด.ต. ดูแล' },
      }),
    ],
    bytesOf: async (id) => (id === 'att-1' ? a : b),
  }

  it('names entries by number, safe on any disk, with an extension', () => {
    expect(entryName(0, { fileName: 'หน้าร้าน/14:05.mp4', contentType: 'video/mp4' })).toBe('files/001-หน้าร้าน_14_05.mp4')
    expect(entryName(11, { fileName: null, contentType: 'image/png' })).toBe('files/012-evidence.png')
    expect(entryName(2, { fileName: 'clip', contentType: 'video/quicktime' })).toBe('files/003-clip.mov')
  })

  it('holds the files as received and a manifest (JSON and CSV) whose hashes match them', async () => {
    const chunks: Buffer[] = []
    for await (const chunk of evidenceZip(x)) {
      chunks.push(Buffer.from(chunk))
    }
    const zip = unzipSync(new Uint8Array(Buffer.concat(chunks)))
    const manifest = JSON.parse(Buffer.from(zip['manifest.json'] ?? []).toString('utf8'))
    expect(manifest).toEqual(JSON.parse(JSON.stringify(manifestOf(x))))
    for (const f of manifest.files) {
      expect(sha(zip[f.file] ?? new Uint8Array())).toBe(f.sha256)
    }
    expect(manifest.files[0]).toMatchObject({
      camera: 'RYG-P-001 แยกตลาด',
      uploader: 'citizen: ส***ย',
      receivedAtBangkok: '3 ธ.ค. 2569 14:05 น.',
    })
    const csv = Buffer.from(zip['manifest.csv'] ?? []).toString('utf8')
    expect(csv.startsWith('\uFEFFfile,sha256,size')).toBe(true)
    // A file name a spreadsheet would run as a formula is written as text.
    expect(csv).not.toMatch(/,=cmd/)
    expect(manifestCsv([]).split('\r\n')).toHaveLength(2)
  })
})
