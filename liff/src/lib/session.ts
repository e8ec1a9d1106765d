import type { LiffSession } from '@shared/lib/liff.js'
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Language } from './i18n.js'
import type { Me } from './types.js'

/** What every page knows once LIFF is up and the citizen is loaded. */
export type Session = {
  liff: LiffSession
  me: Me
  /** The language the pages show: the citizen's saved choice. */
  lang: Language
  setMe(me: Me): void
}

export const SessionContext = createContext<Session | null>(null)

export function useSession(): Session {
  const session = useContext(SessionContext)
  if (!session) {
    throw new Error('useSession outside <SessionContext.Provider>')
  }
  return session
}
