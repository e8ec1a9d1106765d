import type { LiffSession } from '@shared/lib/liff.js'
import { createContext } from 'preact'
import { useContext } from 'preact/hooks'
import type { Language } from './i18n.js'
import type { Me, Permission } from './types.js'

/** What every page knows once the officer is signed in. */
export type AdminSession = {
  liff: LiffSession
  me: Me
  lang: Language
  setLang(lang: Language): void
  /** The server decides (bot/officers/permissions.ts); pages only hide what the role may not do. */
  can(permission: Permission): boolean
  signOut(): Promise<void>
}

export const AdminSessionContext = createContext<AdminSession | null>(null)

export function useAdmin(): AdminSession {
  const session = useContext(AdminSessionContext)
  if (!session) {
    throw new Error('useAdmin outside <AdminSessionContext.Provider>')
  }
  return session
}
