import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { rename, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { Bus } from './bus.js'
import { isSnapshot, type Snapshot } from './snapshot.js'

type Log = { warn(o: object, m?: string): void }

export const SNAPSHOT_FILE = 'state.json'

/**
 * Reads `<dir>/state.json`. A file this version cannot read (hand-edited, from another version) is moved aside,
 * never deleted, and the emulator starts empty: a newcomer's `npm start` must not fail on it.
 */
export function readSnapshot(dir: string, log: Log): Snapshot | undefined {
  const file = join(dir, SNAPSHOT_FILE)
  if (!existsSync(file)) {
    return undefined
  }
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'))
    if (isSnapshot(parsed)) {
      return parsed
    }
  } catch {
    // fall through: unreadable
  }
  const aside = `${file}.unreadable-${Date.now()}`
  renameSync(file, aside)
  log.warn({ file: aside }, 'line emulator: could not read the saved simulator state; starting empty')
  return undefined
}

/**
 * Writes the snapshot a moment after each change (users, groups, messages, menus), and once more on close. Each
 * write goes to a temporary file renamed over the old one, so a crash mid-write leaves the previous snapshot.
 */
export function createSnapshotWriter(opts: {
  dir: string
  bus: Bus
  take: () => Snapshot
  log: Log
  debounceMs?: number
}) {
  const { dir, bus, take, log, debounceMs = 400 } = opts
  const file = join(dir, SNAPSHOT_FILE)
  mkdirSync(dir, { recursive: true })
  let timer: NodeJS.Timeout | undefined
  let writing: Promise<void> = Promise.resolve()

  async function write() {
    const temp = `${file}.${process.pid}.tmp`
    try {
      await writeFile(temp, JSON.stringify(take()))
      await rename(temp, file)
    } catch (err) {
      log.warn({ err }, 'line emulator: could not save the simulator state')
    }
  }

  /** Writes now, after any write in flight (writes never overlap). */
  function flush(): Promise<void> {
    clearTimeout(timer)
    timer = undefined
    writing = writing.then(write)
    return writing
  }

  const stop = bus.on((event) => {
    // The loading animation is not state worth a write; everything else is.
    if (event.type !== 'loading' && !timer) {
      timer = setTimeout(() => void flush(), debounceMs)
      timer.unref()
    }
  })

  return {
    file,
    flush,
    async close() {
      stop()
      await flush()
    },
  }
}
