import type { TimelineItem } from '../types.js'

/** What the simulator page (via SSE) and waiting tests get told about. */
export type BusEvent =
  | { type: 'timeline'; chatId: string; item: TimelineItem }
  | { type: 'loading'; chatId: string; until: number }
  | { type: 'state' }

export type Bus = {
  emit(event: BusEvent): void
  on(listener: (event: BusEvent) => void): () => void
}

export function createBus(onListenerError: (err: unknown) => void): Bus {
  const listeners = new Set<(event: BusEvent) => void>()
  return {
    emit(event) {
      for (const listener of listeners) {
        try {
          listener(event)
        } catch (err) {
          // One broken SSE stream must not stop the others or the API call that emitted.
          onListenerError(err)
        }
      }
    },
    on(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
  }
}
