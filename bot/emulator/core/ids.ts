import { randomBytes, randomUUID } from 'node:crypto'

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'

export const USER_ID_PATTERN = /^U[0-9a-f]{32}$/
export const GROUP_ID_PATTERN = /^C[0-9a-f]{32}$/
export const ROOM_ID_PATTERN = /^R[0-9a-f]{32}$/
// LINE documents the retry key as "a hex UUID", any version.
export const RETRY_KEY_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export function hex(bytes: number): string {
  return randomBytes(bytes).toString('hex')
}

export function newUserId(): string {
  return `U${hex(16)}`
}

export function newGroupId(): string {
  return `C${hex(16)}`
}

export function newRequestId(): string {
  return randomUUID()
}

/**
 * ULIDs as LINE uses them for webhookEventId: 48-bit ms time + 80 random bits, Crockford base32.
 * Monotonic within one millisecond (the random part is incremented), so IDs sort in the order they were made.
 */
export function createUlidFactory(now: () => number) {
  let lastTime = -1
  let lastRandom = 0n
  return function ulid(): string {
    const time = Math.max(now(), lastTime)
    if (time === lastTime) {
      lastRandom = (lastRandom + 1n) & ((1n << 80n) - 1n)
    } else {
      lastTime = time
      lastRandom = BigInt(`0x${hex(10)}`)
    }
    return encodeBase32(BigInt(time), 10) + encodeBase32(lastRandom, 16)
  }
}

function encodeBase32(value: bigint, length: number): string {
  let out = ''
  let rest = value
  for (let i = 0; i < length; i++) {
    out = CROCKFORD.charAt(Number(rest & 31n)) + out
    rest >>= 5n
  }
  return out
}

/** LINE message IDs are decimal strings of about 18 digits, increasing over time. */
export function createMessageIdFactory(after?: bigint) {
  // After a restart, on from the last ID the saved chats hold.
  let next = after ?? 500_000_000_000_000_000n + BigInt(Math.floor(Math.random() * 1_000_000)) * 1_000n
  return (): string => {
    next += 1n
    return next.toString()
  }
}

export function newReplyToken(): string {
  return hex(16)
}

export function newQuoteToken(): string {
  return randomBytes(60).toString('base64url')
}
