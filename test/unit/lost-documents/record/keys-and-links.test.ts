import { describe, expect, it } from 'vitest'
import { createRecordKeys } from '../../../../bot/lost-documents/record/keys.js'
import { checkPdfLink, PDF_LINK_TTL_SECONDS, signedPdfUrl } from '../../../../bot/lost-documents/record/signed-url.js'
import {
  deriveVerifyToken,
  hashVerifyToken,
  RecordKeyChangedError,
  tokenForRecord,
  VERIFY_TOKEN_SHAPE,
} from '../../../../bot/lost-documents/record/token.js'

const caseId = '3b1f0c2e-8d4a-4c6e-9f00-1234567890ab'
const issuedAt = new Date('2026-11-26T07:05:00.123Z')

function linkParts(url: string) {
  const u = new URL(url)
  return {
    caseId: u.pathname.split('/')[4] ?? '',
    lang: (u.searchParams.get('lang') ?? 'th') as 'th' | 'en',
    exp: u.searchParams.get('exp') ?? undefined,
    sig: u.searchParams.get('sig') ?? undefined,
  }
}

describe('verification token', () => {
  const keys = createRecordKeys({ sessionSecret: 'a'.repeat(40), publicBaseUrl: 'https://oa.example/' })

  it('is 128 bits, base64url, and the same on every render (happy)', () => {
    const token = deriveVerifyToken(keys, caseId, issuedAt)
    expect(token).toMatch(VERIFY_TOKEN_SHAPE)
    expect(Buffer.from(token, 'base64url')).toHaveLength(16)
    expect(deriveVerifyToken(keys, caseId, new Date(issuedAt.getTime()))).toBe(token)
    expect(hashVerifyToken(token)).toMatch(/^[0-9a-f]{64}$/)
  })

  it('differs per case and per issue time (security)', () => {
    const token = deriveVerifyToken(keys, caseId, issuedAt)
    expect(deriveVerifyToken(keys, caseId.replace('ab', 'ac'), issuedAt)).not.toBe(token)
    expect(deriveVerifyToken(keys, caseId, new Date(issuedAt.getTime() + 1))).not.toBe(token)
  })

  it('is re-derived only while the secret is unchanged (error)', () => {
    const verifyTokenHash = hashVerifyToken(deriveVerifyToken(keys, caseId, issuedAt))
    expect(tokenForRecord(keys, { caseId, issuedAt, verifyTokenHash })).toBe(deriveVerifyToken(keys, caseId, issuedAt))
    const rotated = createRecordKeys({ sessionSecret: 'b'.repeat(40), publicBaseUrl: 'https://oa.example' })
    expect(() => tokenForRecord(rotated, { caseId, issuedAt, verifyTokenHash })).toThrow(RecordKeyChangedError)
  })
})

describe('signed PDF links', () => {
  const keys = createRecordKeys({ sessionSecret: 'a'.repeat(40), publicBaseUrl: 'https://oa.example/' })
  const now = new Date('2026-11-26T07:05:00Z')

  it('opens for seven days, then expires (happy)', () => {
    const url = signedPdfUrl(keys, caseId, 'th', now)
    expect(url).toMatch(new RegExp(`^https://oa\\.example/api/liff/lost-documents/${caseId}/record\\.pdf\\?lang=th&`))
    const parts = linkParts(url)
    expect(Number(parts.exp) - now.getTime() / 1000).toBe(PDF_LINK_TTL_SECONDS)
    expect(checkPdfLink(keys, parts, new Date(now.getTime() + 6 * 86_400_000))).toBe('ok')
    expect(checkPdfLink(keys, parts, new Date(now.getTime() + 7 * 86_400_000 + 1_000))).toBe('expired')
  })

  it('refuses any edited part as invalid, not expired (security)', () => {
    const parts = linkParts(signedPdfUrl(keys, caseId, 'th', now))
    const sig = parts.sig ?? ''
    const flipped = `${sig.slice(0, -1)}${sig.endsWith('A') ? 'B' : 'A'}`
    expect(checkPdfLink(keys, { ...parts, sig: flipped }, now)).toBe('invalid')
    expect(checkPdfLink(keys, { ...parts, exp: String(Number(parts.exp) + 86_400) }, now)).toBe('invalid')
    expect(checkPdfLink(keys, { ...parts, lang: 'en' }, now)).toBe('invalid')
    expect(checkPdfLink(keys, { ...parts, caseId: caseId.replace('ab', 'ac') }, now)).toBe('invalid')
    expect(checkPdfLink(keys, { ...parts, sig: undefined }, now)).toBe('invalid')
    expect(checkPdfLink(keys, { ...parts, exp: 'abc' }, now)).toBe('invalid')
  })
})
