import { describe, expect, it } from 'vitest'
import { footageEventText } from '../../../liff/admin/src/pages/ccoc/footage-event.js'

// Issue #15 polish: the case timeline showed 'footage_request' entries as a bare line. The data below is what
// bot/cameras/requests/create.ts, answer.ts and queue.ts write.
describe('footage request entries on the case timeline', () => {
  it('says the request was sent to which camera, and how', () => {
    const data = { requestId: 'r1', cameraId: 'c1', cameraCode: 'RY-0042', channel: 'line', action: 'sent' }
    expect(footageEventText('th', data)).toBe('ส่งคำขอภาพถึงกล้อง RY-0042 ทาง LINE')
    expect(footageEventText('en', data)).toBe('Footage request sent to camera RY-0042 by LINE')
    expect(footageEventText('en', { ...data, reason: 'blocked' })).toContain('not delivered: blocked')
  })

  it('gives the owner’s answer in words', () => {
    const data = { requestId: 'r1', answer: 'have_it', cameraId: 'c1' }
    expect(footageEventText('th', data)).toBe('เจ้าของกล้องตอบคำขอภาพ: “มีภาพ”')
    expect(footageEventText('en', data)).toContain('“Has footage”')
  })

  it('names a status change and the other changes', () => {
    const data = { requestId: 'r1', action: 'updated', from: 'have_it', to: 'received', withNote: true }
    expect(footageEventText('th', data)).toBe('ปรับคำขอภาพ: สถานะ มีภาพ → ได้รับไฟล์แล้ว · มีบันทึก')
    expect(footageEventText('en', { requestId: 'r1', action: 'updated', assigneeFrom: null, assigneeTo: 'o1' })).toBe(
      'Footage request updated: assignee changed',
    )
  })

  it('never shows a bare line for unknown data', () => {
    expect(footageEventText('th', null)).toBe('คำขอภาพจากกล้อง')
  })
})
