import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'

/** Who holds a PGlite folder: written once, atomically, when a process opens it. */
export type LockHolder = { pid: number; host: string; startedAt: string; command: string }

/**
 * PGlite is Postgres in this process's memory, writing its files directly: a second process opening the same folder
 * does not wait or fail cleanly, it corrupts it (or aborts with `RuntimeError: Aborted()`). So whoever opens the
 * folder says so in a lock file, and everyone else refuses. The message is for a person at a terminal.
 */
export class DataDirBusyError extends Error {
  override name = 'DataDirBusyError'
  constructor(
    readonly dataDir: string,
    readonly lockFile: string,
    readonly holder: LockHolder,
  ) {
    super(
      [
        `ฐานข้อมูลในตัว (PGlite) ใน ${dataDir} กำลังถูกใช้โดยโปรเซสอื่น (pid ${holder.pid}, ${holder.command}) ` +
          'เปิดพร้อมกันสองโปรเซสไม่ได้',
        `The embedded database (PGlite) in ${dataDir} is in use by another process (pid ${holder.pid}, ` +
          `${holder.command}); two processes cannot open it at once.`,
        `(ถ้าไม่มีโปรเซสนั้นแล้ว ลบไฟล์ / if that process is gone, delete: ${lockFile})`,
      ].join('\n'),
    )
  }
}

/** Lock files this process holds: a stale file naming our own pid (a container restarted as pid 1) is not ours. */
const held = new Set<string>()

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
  } catch (err) {
    // EPERM: it exists but belongs to someone else; ESRCH: gone.
    if ((err as NodeJS.ErrnoException).code !== 'EPERM') {
      return false
    }
  }
  try {
    // After a reboot the pid may belong to anything: only a Node process can be holding a PGlite folder.
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('node')
  } catch {
    return true // no /proc (macOS): trust the signal check
  }
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>
    return typeof parsed.pid === 'number' ? (parsed as LockHolder) : undefined
  } catch {
    return undefined
  }
}

function isStale(file: string, holder: LockHolder | undefined): boolean {
  if (!holder) {
    return true // unreadable: the file is created complete (link), so this is not a half-written lock
  }
  if (holder.host !== hostname()) {
    return false // another machine on a shared volume: we cannot tell, so we do not steal it
  }
  if (holder.pid === process.pid) {
    return !held.has(file)
  }
  return !isAlive(holder.pid)
}

/**
 * Takes `DATA_DIR/pglite.lock` or throws DataDirBusyError. A lock left by a process that died (kill -9, power cut)
 * is taken over. Returns the release function (also run at process exit, in case close() never comes).
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): () => void {
  const file = join(dataDir, 'pglite.lock')
  const me: LockHolder = { pid: process.pid, host: hostname(), startedAt: new Date().toISOString(), command }
  const temp = `${file}.${process.pid}.tmp`
  writeFileSync(temp, JSON.stringify(me))
  try {
    for (let attempt = 0; ; attempt++) {
      try {
        // link() creates the name only if it does not exist, with its content already complete: atomic.
        linkSync(temp, file)
        break
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') {
          throw err
        }
        const holder = readHolder(file)
        if (attempt >= 2 || !isStale(file, holder)) {
          throw new DataDirBusyError(dataDir, file, holder ?? { ...me, pid: -1, command: '?' })
        }
        unlinkSync(file)
      }
    }
  } finally {
    unlinkSync(temp)
  }
  held.add(file)
  const release = () => {
    process.off('exit', release)
    if (!held.delete(file)) {
      return
    }
    try {
      if (readHolder(file)?.pid === process.pid) {
        unlinkSync(file)
      }
    } catch {
      // already gone
    }
  }
  process.on('exit', release)
  return release
}
