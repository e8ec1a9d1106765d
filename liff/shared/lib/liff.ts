import type { MapTiles } from '@contracts/map.js'
import liff from '@line/liff'
import type { ExtendedInit, LiffMockApi } from '@line/liff-mock'
import { type Language, languageFromTag } from './i18n.js'
import { setMapTiles } from './map-tiles.js'

/**
 * The app's config endpoint: which LIFF app this is, whether the LINE emulator stands in for LINE, and where the
 * map's tiles come from (absent from an older server: the default tiles).
 */
export type LiffClientConfig = { liffId: string; emulator: boolean; map?: MapTiles }

export type LiffSession = {
  /** Running inside the LINE emulator's simulator (liff-mock), not real LINE. */
  emulator: boolean
  /** Inside LINE's in-app browser (or the emulator's phone): "back to chat" can close the window. */
  inClient: boolean
  /** The language LINE reports, until the citizen's saved choice arrives from the API. */
  language: Language
}

type EmulatorLaunch = { idToken: string; liffId: string; lang: string | null }

const EMULATOR_PARAMS = ['emulator', 'idToken', 'liffId', 'lang'] as const
const EMULATOR_STORAGE_KEY = 'rsz.liff.emulator'

/** The simulator opens us with ?emulator=1&idToken=…&liffId=…&lang=…; a reload in the same frame reuses it. */
function readEmulatorLaunch(): EmulatorLaunch | undefined {
  const query = new URLSearchParams(window.location.search)
  const idToken = query.get('idToken')
  const liffId = query.get('liffId')
  if (query.get('emulator') === '1' && idToken && liffId) {
    const launch = { idToken, liffId, lang: query.get('lang') }
    sessionStorage.setItem(EMULATOR_STORAGE_KEY, JSON.stringify(launch))
    return launch
  }
  try {
    const stored = JSON.parse(sessionStorage.getItem(EMULATOR_STORAGE_KEY) ?? 'null') as EmulatorLaunch | null
    return stored?.idToken && stored.liffId ? stored : undefined
  } catch {
    return undefined
  }
}

/** The token must not stay in the address bar, the history or a shared screenshot. */
function stripEmulatorParams() {
  const url = new URL(window.location.href)
  if (EMULATOR_PARAMS.some((p) => url.searchParams.has(p))) {
    for (const p of EMULATOR_PARAMS) {
      url.searchParams.delete(p)
    }
    window.history.replaceState(window.history.state, '', url)
  }
}

/** The claims of a JWT, for display only (name, sub). The server verifies the token with LINE; we never trust this. */
export function decodeClaims(token: string): Record<string, unknown> {
  try {
    const body = token.split('.')[1] ?? ''
    const json = atob(body.replace(/-/g, '+').replace(/_/g, '/'))
    const bytes = Uint8Array.from(json, (c) => c.charCodeAt(0))
    return JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>
  } catch {
    return {}
  }
}

async function initEmulator(launch: EmulatorLaunch): Promise<LiffSession> {
  // Loaded only here, so a real citizen's phone never downloads the mock.
  const { LiffMockPlugin } = await import('@line/liff-mock')
  liff.use(new LiffMockPlugin())
  await (liff.init as ExtendedInit)({ liffId: launch.liffId, mock: true })
  liff.login()
  const claims = decodeClaims(launch.idToken)
  const language = launch.lang === 'en' ? 'en-US' : 'th-TH'
  const $mock = (liff as unknown as { $mock: LiffMockApi }).$mock
  $mock.set((p) => ({
    ...p,
    isInClient: true,
    isLoggedIn: true,
    getIDToken: launch.idToken,
    getDecodedIDToken: claims as never,
    getLanguage: language,
    getAppLanguage: language,
    getProfile: {
      userId: typeof claims.sub === 'string' ? claims.sub : '',
      displayName: typeof claims.name === 'string' ? claims.name : '',
    },
  }))
  stripEmulatorParams()
  return { emulator: true, inClient: true, language: languageFromTag(launch.lang) }
}

/**
 * Starts LIFF on every page load. Emulator mode only when the server says the emulator is on, so a crafted link
 * cannot sign a real citizen in with someone else's token. Resolves only once a user is logged in.
 * `builtLiffId`: the app's LIFF ID fixed at build time (VITE_LIFF_ID_CITIZEN / VITE_LIFF_ID_ADMIN), if any; it wins
 * over the server's.
 */
export async function initLiff(config: LiffClientConfig, builtLiffId?: string): Promise<LiffSession> {
  setMapTiles(config.map)
  // Read before liff.init: it rewrites the URL.
  const launch = readEmulatorLaunch()
  if (launch && config.emulator) {
    return initEmulator(launch)
  }
  if (launch) {
    sessionStorage.removeItem(EMULATOR_STORAGE_KEY)
    stripEmulatorParams()
  }
  const liffId = builtLiffId || config.liffId
  await liff.init({ liffId })
  if (!liff.isLoggedIn()) {
    // An external browser: LINE Login, then LINE sends the user back here and init runs again.
    liff.login({ redirectUri: window.location.href })
    return new Promise<never>(() => {})
  }
  return { emulator: false, inClient: liff.isInClient(), language: languageFromTag(liff.getAppLanguage()) }
}

/** The raw LINE ID token for `Authorization: Bearer`; null before init or when not logged in. */
export function getIdToken(): string | null {
  try {
    return liff.getIDToken()
  } catch {
    return null
  }
}

/** Back to the chat the page was opened from. The emulator's simulator is told by a message, as it has no LIFF. */
export function closeToChat(session: LiffSession) {
  if (session.emulator && window.parent !== window) {
    window.parent.postMessage({ source: 'liff', type: 'closeWindow' }, '*')
    return
  }
  liff.closeWindow()
}
