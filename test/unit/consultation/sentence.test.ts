import { describe, expect, it } from 'vitest'
import { isQuestion } from '../../../bot/consultation/chat/sentence.js'
import { typedTopic } from '../../../bot/consultation/chat/topics.js'
import { CONSULTATION_TOPICS } from '../../../bot/contracts/consultations.js'

// Issue #12 "never asked twice for the same thing": a start's sentence that tells the case is the question too; one
// that names only the service and a topic is not.
const ALL = [...CONSULTATION_TOPICS]

describe('a start sentence: question or topic only', () => {
  it.each([
    ['ปรึกษากฎหมาย โดนโกงออนไลน์ โอนเงินไปแล้ว 5,000 บาท ทำยังไงดีคะ', 'scam'],
    ['ปรึกษาหน่อยค่ะโดนหลอกโอนเงินซื้อของในเฟสบุ๊คไม่ได้ของ', 'scam'], // no spaces
    ['ปรึกษากฏหมายค่ะ เรื่องมรดก พ่อเสียไม่มีพินัยกรรม ลูกๆแบ่งยังไงคะ', 'family'], // typo กฏ
    ['ปรึกษาตำรวจหน่อยครับถูกนายจ้างไล่ออกไม่จ่ายเงินเดือนสองเดือน', 'labour'],
    ['ปรึกษากฎหมายคร้าบบบ เพื่อนบ้านจอดรถขวางหน้าบ้านทุกวันแจ้งได้ไหม', 'property'],
    ['legal advice please, I was scammed on facebook and sent 5000 baht', 'scam'],
    ['legal advice: a loan shark threatens my family every night', undefined], // two topics: asked, question kept
  ])('"%s" is a question (topic %s)', (text, topic) => {
    expect(isQuestion(text)).toBe(true)
    expect(typedTopic(text, ALL)).toBe(topic)
  })

  it.each([
    ['ปรึกษากฎหมายเรื่องหนี้ครับ', 'debt'],
    ['ขอปรึกษาเรื่องหนี้นอกระบบหน่อยค่ะ', 'debt'],
    ['ปรึกษากฏหมายเรื่องหนี้ค่ะ', 'debt'], // typo
    ['อยากปรึกษาเรื่องหนี้ค่ะ ทำยังไงดี', 'debt'], // the vague "what do I do" is no case
    ['ปรึกษากฎหมายเรื่องที่ดินครับผม', 'property'],
    ['สวัสดีครับ ขอปรึกษาเรื่องครอบครัวครับ', 'family'],
    ['ขอคำปรึกษาเรื่องอุบัติเหตุครับ', 'traffic'],
    ['legal advice about debt please', 'debt'],
    ['ผมมีเรื่องอยากปรึกษาครับ เรื่องมันยาว', undefined],
    ['ปรึกษากดหมายค่ะ', undefined],
  ])('"%s" is a topic only (%s)', (text, topic) => {
    expect(isQuestion(text)).toBe(false)
    expect(typedTopic(text, ALL)).toBe(topic)
  })

  it('a weak topic word gives way to a clear one, and alone still names its topic', () => {
    expect(typedTopic('โดนโกงออนไลน์', ALL)).toBe('scam')
    expect(typedTopic('ออนไลน์', ALL)).toBe('cyber')
    expect(typedTopic('ถูกคุกคามออนไลน์', ALL)).toBe('cyber')
  })
})
