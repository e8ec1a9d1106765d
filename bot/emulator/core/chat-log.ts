import type { EmulatorContext } from '../context.js'
import type { DeliveryMethod, LineMessage, ReceivedMessage, TimelineItem } from '../types.js'
import { newQuoteToken } from './ids.js'

type NewItem = TimelineItem extends infer T ? (T extends TimelineItem ? Omit<T, 'seq' | 'at'> : never) : never

export function appendTimeline(ctx: EmulatorContext, item: NewItem): TimelineItem {
  const full = { ...item, seq: ctx.nextSeq(), at: ctx.now() } as TimelineItem
  let list = ctx.state.timelines.get(item.chatId)
  if (!list) {
    list = []
    ctx.state.timelines.set(item.chatId, list)
  }
  list.push(full)
  ctx.bus.emit({ type: 'timeline', chatId: item.chatId, item: full })
  return full
}

// Message types a user can quote, so LINE returns a quoteToken for them.
const QUOTABLE = new Set(['text', 'textV2', 'sticker', 'image', 'video'])

export type BotSend = {
  chatId: string
  via: DeliveryMethod
  messages: LineMessage[]
  requestId: string
  retryKey?: string
  notificationDisabled: boolean
}

/** Records what the bot sent into one chat; returns LINE's `sentMessages`. */
export function recordBotMessages(ctx: EmulatorContext, send: BotSend): { id: string; quoteToken?: string }[] {
  const sent: { id: string; quoteToken?: string }[] = []
  // LINE hides the loading animation as soon as the OA sends a message.
  ctx.state.loading.delete(send.chatId)
  for (const message of send.messages) {
    const messageId = ctx.messageId()
    const quoteToken = QUOTABLE.has(message.type) ? newQuoteToken() : undefined
    const received: ReceivedMessage = {
      chatId: send.chatId,
      via: send.via,
      message,
      messageId,
      ...(quoteToken ? { quoteToken } : {}),
      requestId: send.requestId,
      ...(send.retryKey ? { retryKey: send.retryKey } : {}),
      notificationDisabled: send.notificationDisabled,
      at: ctx.now(),
    }
    ctx.state.received.push(received)
    appendTimeline(ctx, { kind: 'bot', chatId: send.chatId, via: send.via, message, messageId })
    sent.push(quoteToken ? { id: messageId, quoteToken } : { id: messageId })
  }
  return sent
}

export function messagesTo(ctx: EmulatorContext, chatId: string): ReceivedMessage[] {
  return ctx.state.received.filter((m) => m.chatId === chatId)
}

/** Resolves once at least `count` messages reached the chat; rejects with what did arrive on timeout. */
export function waitForMessages(
  ctx: EmulatorContext,
  chatId: string,
  count: number,
  timeoutMs = 5_000,
): Promise<ReceivedMessage[]> {
  const ready = () => {
    const list = messagesTo(ctx, chatId)
    return list.length >= count ? list : undefined
  }
  const now = ready()
  if (now) {
    return Promise.resolve(now)
  }
  return new Promise((resolve, reject) => {
    const stop = ctx.bus.on((event) => {
      if (event.type === 'timeline' && event.chatId === chatId && event.item.kind === 'bot') {
        const list = ready()
        if (list) {
          clearTimeout(timer)
          stop()
          resolve(list)
        }
      }
    })
    const timer = setTimeout(() => {
      stop()
      const got = messagesTo(ctx, chatId).map((m) => `${m.via}:${m.message.type}`)
      const failures = (ctx.state.timelines.get(chatId) ?? [])
        .filter((i) => i.kind === 'system' && (i.code === 'webhookFailed' || i.code === 'notDelivered'))
        .map((i) => JSON.stringify(i))
      reject(
        new Error(
          `waitForMessages(${chatId}, ${count}): got ${got.length} after ${timeoutMs} ms [${got.join(', ')}]` +
            (failures.length ? `; webhook problems: ${failures.join('; ')}` : ''),
        ),
      )
    }, timeoutMs)
  })
}
