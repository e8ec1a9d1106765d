import type { FastifyError, FastifyInstance } from 'fastify'
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod'

/** A failure the API explains to its caller: a stable code, a status, and Thai + English text for people. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly statusCode: number,
    message: string,
    readonly messageTh?: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}
export class BadRequestError extends AppError {
  constructor(message: string, messageTh = 'ข้อมูลไม่ถูกต้อง', details?: unknown) {
    super('bad_request', 400, message, messageTh, details)
  }
}
export class UnauthorizedError extends AppError {
  constructor(message = 'authentication required', messageTh = 'กรุณาเข้าสู่ระบบ') {
    super('unauthorized', 401, message, messageTh)
  }
}
export class NotFoundError extends AppError {
  constructor(message = 'not found', messageTh = 'ไม่พบข้อมูล') {
    super('not_found', 404, message, messageTh)
  }
}
export class UnavailableError extends AppError {
  constructor(message = 'service unavailable, try again', messageTh = 'ระบบไม่พร้อมให้บริการชั่วคราว') {
    super('unavailable', 503, message, messageTh)
  }
}

/** One handler maps every error to JSON `{error: {code, message, messageTh?, details?}, reqId}`; 5xx details hidden. */
export function registerErrorHandler(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError | AppError, req, reply) => {
    if (err instanceof AppError) {
      return reply.status(err.statusCode).send({
        error: { code: err.code, message: err.message, messageTh: err.messageTh, details: err.details },
        reqId: req.id,
      })
    }
    if (hasZodFastifySchemaValidationErrors(err)) {
      return reply.status(400).send({
        error: {
          code: 'validation_failed',
          message: 'request does not match the schema',
          messageTh: 'ข้อมูลที่ส่งมาไม่ถูกต้อง',
          details: err.validation.map((v) => ({ path: v.instancePath, message: v.message })),
        },
        reqId: req.id,
      })
    }
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500
    if (status === 500) {
      req.log.error({ err }, 'unhandled error')
    }
    return reply.status(status).send({
      error: {
        code: status === 500 ? 'internal' : (err.code?.toLowerCase() ?? 'bad_request'),
        message: status === 500 ? 'internal error' : err.message,
      },
      reqId: req.id,
    })
  })
  app.setNotFoundHandler((req, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not_found', message: 'route not found', messageTh: 'ไม่พบหน้าที่ต้องการ' }, reqId: req.id }),
  )
}
