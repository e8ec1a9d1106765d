import type { FastifyReply, FastifyRequest } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { RETRY_KEY_PATTERN } from '../core/ids.js'
import { badRequest, invalidBody, LineApiError } from '../spec/line-errors.js'
import { messageRules } from '../spec/message-rules.js'
import { type OperationInfo, specValidator } from '../spec/spec-validator.js'

const RETRY_KEY_TTL_MS = 24 * 60 * 60 * 1000

function operationOf(req: FastifyRequest): OperationInfo | undefined {
  // Fastify's ':param' templates are the spec's '{param}' ones (the routes use the spec's parameter names).
  const template = (req.routeOptions.url ?? '').replace(/:([A-Za-z]+)/g, '{$1}')
  return specValidator('messaging-api.yml').operations.get(`${req.method} ${template}`)
}

/** The request body against messaging-api.yml, then LINE's documented message limits. */
export function validateBody(req: FastifyRequest): void {
  const op = operationOf(req)
  if (!op?.bodySchema) {
    return
  }
  if (req.body === undefined) {
    if (op.bodyRequired) {
      throw badRequest('The request body is missing')
    }
    return
  }
  const specErrors = specValidator('messaging-api.yml').validate(op.bodySchema, req.body)
  if (specErrors.length) {
    throw invalidBody(specErrors)
  }
  const body = req.body as { messages?: unknown }
  const ruleErrors = messageRules(body.messages)
  if (ruleErrors.length) {
    throw invalidBody(ruleErrors)
  }
}

/**
 * X-Line-Retry-Key: only on the endpoints whose spec declares it (push, multicast, narrowcast, broadcast), must be
 * a UUID, and a key accepted in the last 24 h gets 409 with the original request ID. The key is reserved while the
 * request runs and kept only if the handler accepted the request (see acceptRetryKey).
 */
export function checkRetryKey(ctx: EmulatorContext, req: FastifyRequest, reply: FastifyReply): void {
  const key = req.headers['x-line-retry-key']
  if (key === undefined) {
    return
  }
  if (!operationOf(req)?.acceptsRetryKey) {
    throw badRequest('X-Line-Retry-Key header is not supported on this endpoint')
  }
  if (typeof key !== 'string' || !RETRY_KEY_PATTERN.test(key)) {
    throw badRequest('The value of X-Line-Retry-Key header is invalid; it must be a UUID')
  }
  const known = ctx.state.retryKeys.get(key.toLowerCase())
  if (known && ctx.now() - known.acceptedAt < RETRY_KEY_TTL_MS) {
    throw new LineApiError(
      409,
      'The retry key is already accepted',
      [],
      { 'x-line-accepted-request-id': known.requestId },
      known.sentMessages ? { sentMessages: known.sentMessages } : {},
    )
  }
  ctx.state.retryKeys.set(key.toLowerCase(), { acceptedAt: ctx.now(), requestId: requestIdOf(reply), pending: true })
}

/** After the response: a key reserved by a request that was not accepted is free again. */
export function releaseRetryKey(ctx: EmulatorContext, req: FastifyRequest, reply: FastifyReply): void {
  const key = req.headers['x-line-retry-key']
  const entry = typeof key === 'string' ? ctx.state.retryKeys.get(key.toLowerCase()) : undefined
  if (typeof key === 'string' && entry?.pending && entry.requestId === requestIdOf(reply)) {
    ctx.state.retryKeys.delete(key.toLowerCase())
  }
}

/** Called by a handler once LINE would have accepted the request: the retry key now answers 409 for 24 h. */
export function acceptRetryKey(
  ctx: EmulatorContext,
  req: FastifyRequest,
  sentMessages?: { id: string; quoteToken?: string }[],
): string | undefined {
  const key = req.headers['x-line-retry-key']
  if (typeof key !== 'string') {
    return undefined
  }
  const entry = ctx.state.retryKeys.get(key.toLowerCase())
  if (entry) {
    entry.pending = false
    entry.acceptedAt = ctx.now()
    if (sentMessages) {
      entry.sentMessages = sentMessages
    }
  }
  return key
}

export function requestIdOf(reply: FastifyReply): string {
  return String(reply.getHeader('x-line-request-id') ?? '')
}
