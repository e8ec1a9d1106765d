import type { LineEvent } from '../line/events.schema.js'
import type { UserInput } from './types.js'

export function normalize(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
}

export function readInput(event: LineEvent): UserInput {
  if (event.type === 'postback') {
    const pb = event.postback as { data?: string; params?: Record<string, string> } | undefined
    const params = new URLSearchParams(pb?.data ?? '')
    return { kind: 'postback', action: params.get('a') ?? '', params, dateParams: pb?.params }
  }
  const message = event.message as
    | { type: string; text?: string; latitude?: number; longitude?: number; title?: string; address?: string }
    | undefined
  if (event.type === 'message' && message) {
    if (message.type === 'text' && typeof message.text === 'string') {
      return { kind: 'text', text: message.text, normalized: normalize(message.text) }
    }
    if (message.type === 'location' && typeof message.latitude === 'number' && typeof message.longitude === 'number') {
      return {
        kind: 'location',
        latitude: message.latitude,
        longitude: message.longitude,
        title: message.title,
        address: message.address,
      }
    }
    return { kind: 'other', messageType: message.type }
  }
  return { kind: 'other', messageType: event.type }
}

/** True when the input is one of these words (any case, Thai or English) or the given postback action. */
export function isCommand(input: UserInput, words: readonly string[], action?: string): boolean {
  if (input.kind === 'text') {
    return words.includes(input.normalized)
  }
  return input.kind === 'postback' && action !== undefined && input.action === action
}
