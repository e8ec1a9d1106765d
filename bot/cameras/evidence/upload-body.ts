import type { FastifyInstance, FastifyRequest } from 'fastify'

/**
 * The raw body of an evidence upload, in the calling plugin's scope (register the upload route in a scope of its
 * own: every other parser is removed there). Streaming-safe: a Content-Length over the limit is refused before a byte
 * is read, and a body that grows past it (chunked, or a lying header) is refused as soon as it does; the rest of it
 * is drained and dropped, never kept, so the client still reads the 413.
 */
export function registerEvidenceBody(
  app: FastifyInstance,
  opts: { maxBytes: number; tooLarge: (req: FastifyRequest) => Error },
): void {
  app.removeAllContentTypeParsers()
  app.addHook('preParsing', async (req) => {
    const declared = Number(req.headers['content-length'] ?? Number.NaN)
    if (Number.isFinite(declared) && declared > opts.maxBytes) {
      throw opts.tooLarge(req)
    }
  })
  app.addContentTypeParser('*', (req, payload, done) => {
    const chunks: Buffer[] = []
    let size = 0
    let settled = false
    const finish = (err: Error | null, body?: Buffer) => {
      if (!settled) {
        settled = true
        done(err, body)
      }
    }
    payload.on('data', (chunk: Buffer) => {
      if (settled) {
        return
      }
      size += chunk.length
      if (size > opts.maxBytes) {
        chunks.length = 0
        finish(opts.tooLarge(req))
        return
      }
      chunks.push(chunk)
    })
    payload.on('end', () => finish(null, Buffer.concat(chunks, size)))
    payload.on('error', (err) => finish(err))
  })
}
