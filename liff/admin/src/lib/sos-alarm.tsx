import { Link } from '@shared/lib/router.js'
import { AlertIcon } from '@shared/ui/icons.js'
import { type ComponentChildren, createContext } from 'preact'
import { useCallback, useContext, useEffect, useRef, useState } from 'preact/hooks'
import { adminApi } from './api.js'
import { num, t } from './i18n.js'
import { useAdmin } from './session.js'
import { useCaseStream } from './stream.js'
import type { CaseListItem } from './types.js'

/** "(2) Inbox · Officers": the count of unclaimed SOS cases in front of whatever title the page set. */
const BADGE = /^\(\d+\)\s/

function badgeTitle(count: number) {
  const base = document.title.replace(BADGE, '')
  const next = count > 0 ? `(${count}) ${base}` : base
  if (document.title !== next) {
    document.title = next
  }
}

let audio: AudioContext | undefined

/** The browser lets a page play sound once the officer has touched it: make the context ready on the first touch. */
function unlockAudio() {
  try {
    audio ??= new AudioContext()
    void audio.resume()
  } catch {
    // No Web Audio: the title badge and the bar still say it.
  }
}

/** Three short alternating tones (WebAudio; no file to load). */
export function ring() {
  try {
    audio ??= new AudioContext()
    void audio.resume()
    const start = audio.currentTime + 0.05
    for (let i = 0; i < 3; i++) {
      const at = start + i * 0.3
      const osc = audio.createOscillator()
      const gain = audio.createGain()
      osc.type = 'square'
      osc.frequency.value = i % 2 === 0 ? 880 : 660
      gain.gain.setValueAtTime(0.0001, at)
      gain.gain.exponentialRampToValueAtTime(0.25, at + 0.02)
      gain.gain.exponentialRampToValueAtTime(0.0001, at + 0.25)
      osc.connect(gain).connect(audio.destination)
      osc.start(at)
      osc.stop(at + 0.26)
    }
  } catch {
    // No Web Audio: the title badge and the bar still say it.
  }
}

const Waiting = createContext<CaseListItem[]>([])

/**
 * Around every officers' page: while SOS cases nobody has taken exist, the tab's title starts with their count,
 * "(1) …", and the page frame shows a red bar to the newest (SosBar); a new one rings and is announced. Fed by the
 * live stream (GET /api/admin/cases/sos-waiting again on each SOS change).
 */
export function SosAlarm({ children }: { children?: ComponentChildren }) {
  const { lang, can } = useAdmin()
  const allowed = can('cases.read')
  const [waiting, setWaiting] = useState<CaseListItem[]>([])
  const known = useRef<Set<string> | null>(null)
  const [announce, setAnnounce] = useState('')

  const load = useCallback(async () => {
    try {
      const res = await adminApi<{ items: CaseListItem[] }>('/cases/sos-waiting')
      const before = known.current
      // A case not seen before rings (not the ones already waiting when the page opened).
      const added = before ? res.items.find((i) => !before.has(i.id)) : undefined
      if (added) {
        ring()
        setAnnounce(added.referenceNumber)
      }
      known.current = new Set(res.items.map((i) => i.id))
      setWaiting(res.items)
    } catch {
      // The next stream event tries again.
    }
  }, [])

  useEffect(() => {
    if (allowed) {
      void load()
    }
  }, [allowed, load])

  const pending = useRef<number | undefined>(undefined)
  useCaseStream((e) => {
    if (e.kind === 'sos') {
      window.clearTimeout(pending.current)
      pending.current = window.setTimeout(() => void load(), 200)
    }
  }, allowed)
  useEffect(() => () => window.clearTimeout(pending.current), [])

  useEffect(() => {
    window.addEventListener('pointerdown', unlockAudio, { once: true })
    window.addEventListener('keydown', unlockAudio, { once: true })
    return () => {
      window.removeEventListener('pointerdown', unlockAudio)
      window.removeEventListener('keydown', unlockAudio)
    }
  }, [])

  const count = waiting.length
  useEffect(() => {
    badgeTitle(count)
    // Pages set their own title as they render: keep the badge in front of it.
    const title = document.querySelector('title')
    const observer = title ? new MutationObserver(() => badgeTitle(count)) : undefined
    if (title) {
      observer?.observe(title, { childList: true, characterData: true, subtree: true })
    }
    return () => {
      observer?.disconnect()
      badgeTitle(0)
    }
  }, [count])

  return (
    <Waiting.Provider value={waiting}>
      <p class="visually-hidden" role="alert">
        {announce ? t(lang, 'sos.alarm', { ref: announce }) : ''}
      </p>
      {children}
    </Waiting.Provider>
  )
}

/** The page frame's red bar while SOS cases wait: their count and a link to the newest. */
export function SosBar() {
  const { lang } = useAdmin()
  const waiting = useContext(Waiting)
  const newest = waiting[0]
  if (!newest) {
    return null
  }
  return (
    <Link class="sos-bar" to={`cases/${encodeURIComponent(newest.id)}`}>
      <AlertIcon />
      <span class="sos-bar-text">
        {t(lang, 'sos.titleBadge')} ({num(lang, waiting.length)}) · {newest.referenceNumber}
      </span>
    </Link>
  )
}
