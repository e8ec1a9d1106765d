import Fastify from 'fastify'
import { describe, expect, it } from 'vitest'
import { createLineEmulator, type EmulatorOfficers } from '../../../bot/emulator/index.js'
import { LOGIN_CHANNEL_ID, SECRET, TOKEN } from './emulator-app.js'

async function start(extra: { officers?: EmulatorOfficers; botOrigins?: string[] } = {}) {
  const emulator = createLineEmulator({
    channelSecret: SECRET,
    channelAccessToken: TOKEN,
    loginChannelId: LOGIN_CHANNEL_ID,
    webhookUrl: 'http://127.0.0.1:9/webhook',
    ...extra,
  })
  const app = Fastify({ logger: false })
  await app.register(emulator.plugin)
  return { emulator, app }
}

describe("the simulator's 'make admin'", () => {
  it('exists only when the bot hands in its officers, and calls them back with the user', async () => {
    const roles = new Map<string, string>()
    const officers: EmulatorOfficers = {
      adminLiffId: 'emu-admin',
      makeAdmin: async (user) => {
        const created = !roles.has(user.userId)
        roles.set(user.userId, 'admin')
        return { role: 'admin', created }
      },
      roleOf: async (userId) => roles.get(userId) ?? null,
    }
    const { emulator, app } = await start({ officers, botOrigins: ['http://localhost:3000'] })
    const user = emulator.createUser({ displayName: 'ร.ต.อ. ทดสอบ' })
    const state = (await app.inject({ url: '/emulator/api/state' })).json()
    expect(state.officers).toEqual({ adminLiffId: 'emu-admin' })
    expect(state.botOrigins).toEqual(['http://localhost:3000'])

    expect((await app.inject({ url: `/emulator/api/users/${user.userId}/officer` })).json()).toEqual({ role: null })
    const made = await app.inject({ method: 'POST', url: `/emulator/api/users/${user.userId}/admin` })
    expect(made.statusCode).toBe(200)
    expect(made.json()).toEqual({ role: 'admin', created: true })
    expect((await app.inject({ url: `/emulator/api/users/${user.userId}/officer` })).json()).toEqual({ role: 'admin' })
    // An unknown user is the caller's mistake, not the bot's.
    const unknown = await app.inject({ method: 'POST', url: `/emulator/api/users/U${'0'.repeat(32)}/admin` })
    expect(unknown.statusCode).toBe(400)
    expect(roles.size).toBe(1)
    await app.close()
  })

  it('is not there in a plain emulator (tests, a stand-alone fake LINE)', async () => {
    const { emulator, app } = await start()
    const user = emulator.createUser({ displayName: 'A' })
    const state = (await app.inject({ url: '/emulator/api/state' })).json()
    expect(state.officers).toBeNull()
    expect(state.botOrigins).toEqual([])
    const made = await app.inject({ method: 'POST', url: `/emulator/api/users/${user.userId}/admin` })
    expect(made.statusCode).toBe(404)
    await app.close()
  })
})
