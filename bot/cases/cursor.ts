import { BadRequestError } from '../errors.js'

/**
 * The inbox's keyset cursor: the last row's (created_at, id). created_at travels as Postgres wrote it (microseconds),
 * not as a JS Date (milliseconds): rounding would skip or repeat rows created within the same millisecond.
 * Opaque to clients (base64url of JSON) so the format can change.
 */
export type CaseCursor = { createdAt: string; id: string }

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
// ISO 8601 in UTC with up to microseconds, e.g. 2026-11-26T07:05:01.123456Z
const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/

export function encodeCursor(c: CaseCursor): string {
  return Buffer.from(JSON.stringify([c.createdAt, c.id]), 'utf8').toString('base64url')
}

/** A cursor the server did not make (or made by an older format) is a 400, never a 500 or a silent first page. */
export function decodeCursor(raw: string): CaseCursor {
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'))
  } catch {
    throw invalid()
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) {
    throw invalid()
  }
  const [createdAt, id] = parsed as unknown[]
  if (typeof createdAt !== 'string' || typeof id !== 'string' || !TIMESTAMP.test(createdAt) || !UUID.test(id)) {
    throw invalid()
  }
  if (Number.isNaN(Date.parse(createdAt))) {
    throw invalid()
  }
  return { createdAt, id }
}

function invalid() {
  return new BadRequestError('invalid cursor', 'ตัวชี้หน้าข้อมูลไม่ถูกต้อง')
}
