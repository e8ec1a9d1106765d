import type { ErrorDetail } from './spec-validator.js'

export type LineErrorBody = { message: string; details?: ErrorDetail[]; sentMessages?: unknown[] }

/** An error the fake Messaging API answers in LINE's shape: `{ message, details? }` with LINE's status. */
export class LineApiError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly headers: Record<string, string> = {},
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message)
  }

  get body(): LineErrorBody {
    // LINE leaves `details` out when it is empty.
    return { message: this.message, ...(this.details.length ? { details: this.details } : {}), ...this.extra }
  }
}

export function invalidBody(details: ErrorDetail[]): LineApiError {
  return new LineApiError(400, `The request body has ${details.length} error(s)`, details)
}

export function authFailed(): LineApiError {
  return new LineApiError(
    401,
    'Authentication failed. Confirm that the access token in the authorization header is valid.',
  )
}

export function notFound(message = 'Not found'): LineApiError {
  return new LineApiError(404, message)
}

export function badRequest(message: string): LineApiError {
  return new LineApiError(400, message)
}

/** Default bodies for injected faults and framework errors, in LINE's wording where LINE documents one. */
export function defaultMessageFor(status: number): string {
  switch (status) {
    case 400:
      return 'Bad request'
    case 401:
      return 'Authentication failed. Confirm that the access token in the authorization header is valid.'
    case 403:
      return 'Access to this API is not available for your account'
    case 404:
      return 'Not found'
    case 409:
      return 'The retry key is already accepted'
    case 413:
      return 'Request Entity Too Large'
    case 415:
      return 'Unsupported Media Type'
    case 429:
      return 'The API rate limit has been exceeded. Try again later.'
    default:
      return status >= 500 ? 'Internal Server Error' : 'Error'
  }
}
