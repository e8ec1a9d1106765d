import { useEffect, useRef, useState } from 'preact/hooks'
import type { StreamEvent } from './types.js'

export type StreamState = 'connecting' | 'live' | 'offline'

/**
 * New and changed cases from GET /api/admin/cases/stream (server-sent events, session cookie).
 * EventSource reconnects by itself; after repeated failures we back off and try again, so a phone that slept
 * comes back live. `onEvent` may change between renders.
 */
export function useCaseStream(onEvent: (e: StreamEvent) => void, enabled = true): StreamState {
  const [state, setState] = useState<StreamState>('connecting')
  const handler = useRef(onEvent)
  handler.current = onEvent

  useEffect(() => {
    if (!enabled || typeof EventSource === 'undefined') {
      setState('offline')
      return
    }
    let source: EventSource | undefined
    let retry: number | undefined
    let failures = 0
    let closed = false

    const connect = () => {
      source = new EventSource('/api/admin/cases/stream')
      source.onopen = () => {
        failures = 0
        setState('live')
      }
      source.addEventListener('case', (e) => {
        try {
          handler.current(JSON.parse((e as MessageEvent<string>).data) as StreamEvent)
        } catch {
          // A malformed event is skipped; the next refresh of the list catches up.
        }
      })
      source.onerror = () => {
        setState('offline')
        if (source?.readyState === EventSource.CLOSED && !closed) {
          failures += 1
          retry = window.setTimeout(connect, Math.min(30_000, 1_000 * 2 ** failures))
        }
      }
    }
    connect()
    return () => {
      closed = true
      window.clearTimeout(retry)
      source?.close()
    }
  }, [enabled])

  return state
}
