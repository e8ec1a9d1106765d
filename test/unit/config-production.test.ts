import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../bot/config.js'

/** .env.example as shipped: every variable present, most of them empty. */
function envExample(): Record<string, string> {
  const text = readFileSync(new URL('../../.env.example', import.meta.url), 'utf8')
  const env: Record<string, string> = {}
  for (const line of text.split('\n')) {
    const m = /^([A-Z_]+)=(.*)$/.exec(line.trim())
    if (m?.[1]) {
      env[m[1]] = m[2] ?? ''
    }
  }
  return env
}

const realChannel = {
  LINE_CHANNEL_SECRET: 'channel-secret',
  LINE_CHANNEL_ACCESS_TOKEN: 'channel-token',
  PUBLIC_BASE_URL: 'https://oa.example.go.th',
  LINE_LOGIN_CHANNEL_ID: '1234567890',
  PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
  SESSION_SECRET: 'x'.repeat(40),
}

function errorOf(env: Record<string, string>): string {
  try {
    loadConfig(env)
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError)
    return (err as Error).message
  }
  throw new Error('loadConfig accepted the environment')
}

describe('no emulator by accident', () => {
  it('npm start with no environment: emulator, listening on loopback only', () => {
    const c = loadConfig({})
    expect(c.line.emulator).toBe(true)
    expect(c.host).toBe('127.0.0.1')
    expect(c.defaults.loopbackOnly).toBe(true)
  })

  it('.env.example as shipped is the same emulator on loopback', () => {
    const c = loadConfig(envExample())
    expect(c.line.emulator).toBe(true)
    expect(c.host).toBe('127.0.0.1')
  })

  it('an explicit HOST wins in emulator mode, and is no longer "loopback only"', () => {
    const c = loadConfig({ HOST: '0.0.0.0' })
    expect(c.host).toBe('0.0.0.0')
    expect(c.defaults.loopbackOnly).toBe(false)
  })

  it('a real channel listens on every interface unless HOST says otherwise', () => {
    expect(loadConfig(realChannel).host).toBe('0.0.0.0')
    expect(loadConfig({ ...realChannel, HOST: '10.0.0.5' }).host).toBe('10.0.0.5')
    expect(loadConfig(realChannel).defaults.loopbackOnly).toBe(false)
  })

  it('NODE_ENV=production with .env.example’s empty LINE variables refuses to start, naming them', () => {
    const message = errorOf({ ...envExample(), NODE_ENV: 'production' })
    for (const name of ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN', 'PII_ENCRYPTION_KEY', 'SESSION_SECRET']) {
      expect(message).toContain(name)
    }
    expect(message).toContain('NODE_ENV=production')
  })

  it('NODE_ENV=production refuses the demo PII key and the demo session secret', () => {
    const demoKey = Buffer.alloc(32, 7).toString('base64')
    const demoSecret = 'demo-session-secret-change-me-0123456789'
    const message = errorOf({ ...realChannel, NODE_ENV: 'production', PII_ENCRYPTION_KEY: demoKey })
    expect(message).toMatch(/PII_ENCRYPTION_KEY: is the public demo value/)
    expect(message).not.toContain('SESSION_SECRET')
    expect(errorOf({ ...realChannel, NODE_ENV: 'production', SESSION_SECRET: demoSecret })).toMatch(
      /SESSION_SECRET: is the public demo value/,
    )
  })

  it('NODE_ENV=production with a real channel and its own secrets starts, on the real LINE Platform', () => {
    const c = loadConfig({ ...realChannel, NODE_ENV: 'production' })
    expect(c.line.emulator).toBe(false)
    expect(c.defaults.demoSecrets).toBe(false)
  })

  it('other NODE_ENV values change nothing (development, test)', () => {
    expect(loadConfig({ NODE_ENV: 'development' }).line.emulator).toBe(true)
    expect(loadConfig({ NODE_ENV: 'test' }).line.emulator).toBe(true)
  })
})

describe('HTTP and key settings', () => {
  it('HSTS only for an https PUBLIC_BASE_URL', () => {
    expect(loadConfig(realChannel).http.hsts).toBe(true)
    expect(loadConfig({}).http.hsts).toBe(false)
  })

  it('reads the previous PII keys (comma-separated) and refuses a malformed one', () => {
    const old = Buffer.alloc(32, 2).toString('base64')
    expect(loadConfig({ PII_ENCRYPTION_KEY_PREVIOUS: ` ${old} ,` }).piiPreviousKeys).toEqual([
      Buffer.from(old, 'base64'),
    ])
    expect(errorOf({ PII_ENCRYPTION_KEY_PREVIOUS: 'c2hvcnQ=' })).toContain('PII_ENCRYPTION_KEY_PREVIOUS')
  })

  it('a METRICS_TOKEN must be long enough to resist guessing', () => {
    expect(errorOf({ METRICS_TOKEN: 'short' })).toContain('METRICS_TOKEN')
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(32) }).http.metricsToken).toBe('m'.repeat(32))
  })
})
