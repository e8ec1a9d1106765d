import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from 'vite'

const LOCK = 'dist/.admin-build.lock'
const APPS = {
  admin: { out: 'dist/admin', config: 'liff/admin/vite.config.ts', sources: ['liff/admin', 'liff/shared'] },
  citizen: {
    out: 'dist/liff',
    config: 'liff/vite.config.ts',
    sources: ['liff/src', 'liff/shared', 'liff/index.html', 'liff/vite.config.ts'],
  },
} as const

function newest(path: string): number {
  const stat = statSync(path)
  if (!stat.isDirectory()) {
    return stat.mtimeMs
  }
  let latest = 0
  for (const entry of readdirSync(path)) {
    latest = Math.max(latest, newest(join(path, entry)))
  }
  return latest
}

function fresh(app: keyof typeof APPS): boolean {
  try {
    return statSync(join(APPS[app].out, '.built-at')).mtimeMs > Math.max(...APPS[app].sources.map(newest))
  } catch {
    return false
  }
}

async function buildOnce(app: keyof typeof APPS) {
  await withBuildLock(async () => {
    if (!fresh(app)) {
      await build({ configFile: APPS[app].config, logLevel: 'warn' })
      writeFileSync(join(APPS[app].out, '.built-at'), new Date().toISOString())
    }
  })
}

/**
 * Builds the officers' page once for every test file that serves it. Files run in parallel worker processes and
 * Vite empties dist/admin first, so a build while another file's browser loads the page would break it: a lock
 * directory (mkdir is atomic) lets one process build while the others wait, then they find the build fresh.
 */
export const buildAdminOnce = () => buildOnce('admin')

/** The same for the citizens' LIFF app (dist/liff). */
export const buildCitizenLiffOnce = () => buildOnce('citizen')

/** Runs `fn` while no other test file builds the pages (e.g. a test running `npm start`, which builds them). */
export async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  mkdirSync('dist', { recursive: true })
  for (;;) {
    try {
      mkdirSync(LOCK)
      break
    } catch {
      const since = statSync(LOCK, { throwIfNoEntry: false })?.mtimeMs ?? Date.now()
      if (Date.now() - since > 120_000) {
        rmSync(LOCK, { recursive: true, force: true }) // left by a killed run
      }
      await sleep(200)
    }
  }
  try {
    return await fn()
  } finally {
    rmSync(LOCK, { recursive: true, force: true })
  }
}
