import type { LineEvent } from '../line/events.schema.js'
import type { UserInput } from './types.js'
import { type IntentId, interruption, type Understanding, understand } from './understanding/index.js'

// Other domains reach the understanding module through this file (its folder is an internal of bot/conversation).
export {
  createRemainder,
  type IntentId,
  interruption,
  matchDocumentType,
  matchOption,
  type Option,
  type OptionMatch,
  type Understanding,
} from './understanding/index.js'

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
      const text = message.text
      return { kind: 'text', text, understanding: understand(text) }
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

/** What a text says, or undefined for taps, locations, stickers and images. */
export function understandingOf(input: UserInput): Understanding | undefined {
  return input.kind === 'text' ? input.understanding : undefined
}

/**
 * True when the input asks for this intent as a request (the whole message, or nearly: exact or strong, never a word
 * inside a story) or is the given postback action.
 */
export function asks(input: UserInput, intent: IntentId, action?: string): boolean {
  if (input.kind === 'text') {
    const m = input.understanding.intent
    return m?.id === intent && m.strength !== 'mention'
  }
  return input.kind === 'postback' && action !== undefined && input.action === action
}

/** An emergency: the SOS button, or a message that needs the emergency card now ("ช่วยด้วยค่ะ", "มีคนตามหลัง"). */
export function isUrgent(input: UserInput): boolean {
  return input.kind === 'text' ? input.understanding.urgent : input.kind === 'postback' && input.action === 'sos'
}

/** The interruption a text makes at a step that waits for free text (SOS, cancel, menu), if any. */
export function interruptionOf(input: UserInput): ReturnType<typeof interruption> {
  return input.kind === 'text' ? interruption(input.understanding) : undefined
}
