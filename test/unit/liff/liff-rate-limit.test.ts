import Fastify from 'fastify'
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod'
import { expect, it } from 'vitest'
import { citizenRoutes } from '../../../bot/citizens/citizen.routes.js'
import { createCitizensService } from '../../../bot/citizens/citizens.service.js'
import { registerErrorHandler } from '../../../bot/errors.js'
import { InvalidTokenError } from '../../../bot/line/id-token.js'
import type { Db } from '../../../db/client.js'

it('rate-limits per client before asking LINE about the token (junk tokens stay cheap)', async () => {
  let verifyCalls = 0
  const app = Fastify({ logger: false })
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler)
  registerErrorHandler(app)
  await app.register(citizenRoutes, {
    db: {} as Db, // never reached: every request here is rejected before the database
    citizens: createCitizensService(),
    verifier: {
      async verify() {
        verifyCalls++
        throw new InvalidTokenError()
      },
    },
    client: { liffId: 'x', emulator: false },
    rateLimit: { max: 2, timeWindowMs: 60_000 },
  })
  const statuses: number[] = []
  let last: { error?: { code?: string; messageTh?: string } } = {}
  for (let i = 0; i < 4; i++) {
    const res = await app.inject({
      method: 'GET',
      url: '/api/liff/me',
      headers: { authorization: `Bearer junk.${i}.x` },
    })
    statuses.push(res.statusCode)
    last = res.json()
  }
  expect(statuses).toEqual([401, 401, 429, 429])
  expect(verifyCalls).toBe(2)
  expect(last.error?.code).toBe('rate_limited')
  expect(last.error?.messageTh).toMatch(/[\u0E00-\u0E7F]/)
  await app.close()
})
