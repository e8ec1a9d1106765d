import { describe, expect, it } from 'vitest'
import { prefersHtml } from '../../bot/http/accepts.js'
import { createPublicUrl } from '../../bot/http/public-url.js'

describe('prefersHtml', () => {
  it('is true for what browsers send, false for API clients', () => {
    expect(prefersHtml('text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8')).toBe(true)
    expect(prefersHtml('application/json')).toBe(false)
    expect(prefersHtml('*/*')).toBe(false)
    expect(prefersHtml(undefined)).toBe(false)
    expect(prefersHtml('application/json, text/html;q=0.5')).toBe(false)
    expect(prefersHtml('text/html, application/json')).toBe(false) // a tie goes to the API's JSON
  })
})

describe('createPublicUrl', () => {
  const req = (host: string, protocol: 'http' | 'https' = 'http') => ({ host, protocol })
  const pdf = 'http://localhost:3000/api/liff/lost-documents/x/record.pdf?lang=th'

  it('in emulator mode, follows the address the browser used', () => {
    const publicUrl = createPublicUrl({ publicBaseUrl: 'http://localhost:3000', followRequestHost: true })
    expect(publicUrl(req('192.168.1.20:3000'), pdf)).toBe(
      'http://192.168.1.20:3000/api/liff/lost-documents/x/record.pdf?lang=th',
    )
    expect(publicUrl(req('127.0.0.1:3000'), pdf)).toContain('http://127.0.0.1:3000/api/')
    // Not our origin (a longer port), or a host header that is not a host: unchanged.
    expect(publicUrl(req('127.0.0.1:3000'), 'http://localhost:30001/x')).toBe('http://localhost:30001/x')
    expect(publicUrl(req('evil.example/"><script>'), pdf)).toBe(pdf)
  })

  it('with a real channel, never trusts the Host header', () => {
    const publicUrl = createPublicUrl({ publicBaseUrl: 'https://oa.example.go.th', followRequestHost: false })
    const url = 'https://oa.example.go.th/verify/abc'
    expect(publicUrl(req('attacker.example', 'https'), url)).toBe(url)
  })
})
