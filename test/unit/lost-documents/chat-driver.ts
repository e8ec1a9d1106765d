import type { ReceivedMessage } from '../../../bot/emulator/index.js'
import type { Stack } from '../../helpers/stack.js'

/** A person chatting: each call waits for the bot's `n` answers and returns them. */
export function chatDriver(s: Pick<Stack, 'emulator'>, userId: string) {
  let seen = 0
  const texts = (msgs: ReceivedMessage[]) =>
    msgs.map((m) => (m.message.type === 'text' ? String(m.message.text) : JSON.stringify(m.message)))
  async function wait(n: number) {
    const all = await s.emulator.waitForMessages(userId, seen + n, 15_000)
    const fresh = all.slice(seen, seen + n)
    seen += n
    return { msgs: fresh, text: texts(fresh).join('\n---\n') }
  }
  /** Whatever arrives until nothing more has come for a second (answers of other services vary in length). */
  async function settle() {
    let count = (await s.emulator.waitForMessages(userId, seen + 1, 15_000)).length
    for (;;) {
      await new Promise((r) => setTimeout(r, 1_000))
      const now = s.emulator.messagesTo(userId).length
      if (now === count) {
        break
      }
      count = now
    }
    return wait(count - seen)
  }
  return {
    settle,
    text: async (value: string, n = 1) => {
      await s.emulator.sendText(userId, value)
      return wait(n)
    },
    postback: async (data: string, params?: Record<string, string>, n = 1) => {
      await s.emulator.sendPostback(userId, data, params)
      return wait(n)
    },
    location: async (loc: { latitude: number; longitude: number; title?: string; address?: string }, n = 1) => {
      await s.emulator.sendLocation(userId, loc)
      return wait(n)
    },
    wait,
  }
}

export const quickLabels = (m: ReceivedMessage | undefined) =>
  ((m?.message.quickReply as { items?: { action: { label?: string; type: string } }[] } | undefined)?.items ?? []).map(
    (i) => i.action.label ?? i.action.type,
  )
