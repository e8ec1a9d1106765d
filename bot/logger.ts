import pino, { type Logger } from 'pino'

export type { Logger }

/**
 * A request URL as logged: the path, never the query. Query values are search terms (`?q=` a national ID or phone),
 * PDF link signatures (`?exp&sig`, a week's access to a record) and ID tokens; even a parameter's name can be one.
 */
export function loggableUrl(url: string): string {
  const q = url.indexOf('?')
  return q < 0 ? url : `${url.slice(0, q)}?<removed>`
}

type LoggedRequest = { method?: string; url?: unknown; host?: string; ip?: string }

/** Fastify's own `req` serializer with the query removed (Fastify takes ours over its default). */
function serializeRequest(req: LoggedRequest) {
  if (typeof req?.url !== 'string') {
    return req // something else logged as `req`: the redaction paths still apply
  }
  return { method: req.method, url: loggableUrl(req.url), host: req.host, remoteAddress: req.ip }
}

/**
 * One root logger for web and worker. Logs carry request IDs, never tokens, secrets, ID numbers or message texts:
 * the paths below are removed wherever they appear, and request URLs lose their query (loggableUrl).
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'rayong-oa' },
      serializers: { req: serializeRequest },
      redact: {
        paths: [
          'req.headers.authorization',
          'req.headers["x-line-signature"]',
          'req.headers.cookie',
          'headers.authorization',
          '*.replyToken',
          '*.text',
          '*.idToken',
          '*.nationalId',
          '*.channelSecret',
          '*.channelAccessToken',
        ],
        remove: true,
      },
    },
    destination,
  )
}
