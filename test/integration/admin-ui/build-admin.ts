import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { build } from 'vite'

const OUT = 'dist/admin'
const STAMP = join(OUT, '.built-at')
const LOCK = 'dist/.admin-build.lock'
const SOURCES = ['liff/admin', 'liff/shared']

function newest(dir: string): number {
  let latest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs)
  }
  return latest
}

function fresh(): boolean {
  try {
    return statSync(STAMP).mtimeMs > Math.max(...SOURCES.map(newest))
  } catch {
    return false
  }
}

/**
 * Builds the officers' page once for every test file that serves it. Files run in parallel worker processes and
 * Vite empties dist/admin first, so a build while another file's browser loads the page would break it: a lock
 * directory (mkdir is atomic) lets one process build while the others wait, then they find the build fresh.
 */
export async function buildAdminOnce() {
  await withBuildLock(async () => {
    if (!fresh()) {
      await build({ configFile: 'liff/admin/vite.config.ts', logLevel: 'warn' })
      writeFileSync(STAMP, new Date().toISOString())
    }
  })
}

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
