// Baseline for bench:webhook: a bare Fastify route that answers 200, measured in the same run on the same machine.
import Fastify from 'fastify'

const app = Fastify({ logger: false })
app.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body))
app.post('/webhook', async () => ({ accepted: 1 }))
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' })
console.log(`listening ${(app.server.address() as { port: number }).port}`)
