import type { FastifyReply } from 'fastify'

/** What a simulated person can send besides text: the message kinds LINE stores content for, as LINE serves them. */
export type MediaKind = 'image' | 'video' | 'audio'
export type MediaType = 'image/png' | 'image/jpeg' | 'video/mp4' | 'audio/x-m4a'

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
// ISO base media (MP4 family): a `ftyp` box first; its major brand tells audio-only M4A from video.
const AUDIO_BRANDS = new Set(['M4A ', 'M4B '])

/** The type the bytes really are (magic bytes), whatever the uploader said; undefined for anything else. */
export function sniffMedia(data: Buffer): MediaType | undefined {
  if (data.length >= 8 && data.subarray(0, 8).equals(PNG)) {
    return 'image/png'
  }
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) {
    return 'image/jpeg'
  }
  if (data.length >= 12 && data.toString('latin1', 4, 8) === 'ftyp') {
    return AUDIO_BRANDS.has(data.toString('latin1', 8, 12)) ? 'audio/x-m4a' : 'video/mp4'
  }
  return undefined
}

const KIND_OF: Record<MediaType, MediaKind> = {
  'image/png': 'image',
  'image/jpeg': 'image',
  'video/mp4': 'video',
  'audio/x-m4a': 'audio',
}

/** The checked content of a `kind` message, or an error naming what is accepted. */
export function acceptMedia(kind: MediaKind, data: Buffer): { contentType: MediaType; data: Buffer } {
  const type = sniffMedia(data)
  if (!type || KIND_OF[type] !== kind) {
    const accepted = { image: 'a PNG or JPEG image', video: 'an MP4 video', audio: 'an M4A audio file' }[kind]
    throw new Error(`line emulator: a ${kind} message must be ${accepted} (checked by its bytes)`)
  }
  return { contentType: type, data }
}

/**
 * Sends stored content so that no browser ever runs it: the type is one we checked (anything else goes out as an
 * octet-stream download), never sniffed, sandboxed if opened as a page, and only images display inline.
 */
export function sendContent(reply: FastifyReply, content: { contentType: string; data: Buffer }) {
  const type = content.contentType in KIND_OF ? content.contentType : 'application/octet-stream'
  reply
    .type(type)
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', 'sandbox')
    .header('cache-control', 'no-store')
  if (!type.startsWith('image/')) {
    reply.header('content-disposition', 'attachment')
  }
  return reply.send(content.data)
}
