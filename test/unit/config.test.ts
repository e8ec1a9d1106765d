import { describe, expect, it } from 'vitest'
import { ConfigError, loadConfig } from '../../bot/config.js'

describe('loadConfig', () => {
  it('runs on embedded defaults with an empty environment', () => {
    const c = loadConfig({})
    expect(c.port).toBe(3000)
    expect(c.defaults).toEqual({
      database: 'pglite',
      queue: 'in-process',
      line: 'emulator',
      demoSecrets: true,
      loopbackOnly: true,
    })
    expect(c.line.apiBaseUrl).toBe('http://127.0.0.1:3000')
    expect(Object.isFrozen(c)).toBe(true)
    expect(Object.isFrozen(c.line)).toBe(true)
  })

  it('uses Postgres, Redis and the real LINE Platform when configured', () => {
    const c = loadConfig({
      DATABASE_URL: 'postgres://u@db:5432/app',
      REDIS_URL: 'redis://r:6379',
      LINE_CHANNEL_SECRET: 's',
      LINE_CHANNEL_ACCESS_TOKEN: 't',
      PUBLIC_BASE_URL: 'https://oa.example.go.th/',
      LINE_LOGIN_CHANNEL_ID: '1234567890',
      PII_ENCRYPTION_KEY: Buffer.alloc(32, 1).toString('base64'),
      SESSION_SECRET: 'x'.repeat(40),
    })
    expect(c.defaults).toMatchObject({ database: 'postgres', queue: 'bullmq', line: 'line-platform' })
    expect(c.line.apiBaseUrl).toBe('https://api.line.me')
    expect(c.line.dataApiBaseUrl).toBe('https://api-data.line.me')
    expect(c.publicBaseUrl).toBe('https://oa.example.go.th')
  })

  it.each([
    [{ PORT: 'abc' }, 'PORT'],
    [{ DATABASE_URL: 'not a url' }, 'DATABASE_URL'],
    [{ LINE_CHANNEL_SECRET: 'only-half' }, 'LINE_CHANNEL_ACCESS_TOKEN'],
    [{ PII_ENCRYPTION_KEY: 'c2hvcnQ=' }, 'PII_ENCRYPTION_KEY'],
    [{ BOOTSTRAP_ADMIN_LINE_USER_IDS: 'Uabc,not-an-id' }, 'BOOTSTRAP_ADMIN_LINE_USER_IDS'],
    [{ LINE_CHANNEL_SECRET: 's', LINE_CHANNEL_ACCESS_TOKEN: 't' }, 'PUBLIC_BASE_URL'],
  ])('names the bad variable %o', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError)
    expect(() => loadConfig(env)).toThrow(name)
  })

  it('parses the bootstrap admin list', () => {
    const id = `U${'a'.repeat(32)}`
    expect(loadConfig({ BOOTSTRAP_ADMIN_LINE_USER_IDS: ` ${id} ,` }).bootstrapAdminLineUserIds).toEqual([id])
  })
})
