import pino, { type Logger } from 'pino'

export type { Logger }

/**
 * One root logger for web and worker. Logs carry request IDs, never tokens, secrets, ID numbers or message texts:
 * the paths below are removed wherever they appear.
 */
export function createLogger(level: string, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'rayong-oa' },
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
