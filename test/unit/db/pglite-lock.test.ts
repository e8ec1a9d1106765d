import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataDirBusyError, lockDataDir } from '../../../db/pglite-lock.js'

let dir: string
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'rsz-lock-'))
})
afterEach(() => {
  rmSync(dir, { recursive: true, force: true })
})

const lockFile = () => join(dir, 'pglite.lock')
const holder = (pid: number, host = hostname()) =>
  JSON.stringify({ pid, host, startedAt: new Date().toISOString(), command: 'bot/main.ts all' })

describe('the PGlite folder lock', () => {
  it('is taken, refused to a second opener, and released', () => {
    const release = lockDataDir(dir, 'bot/main.ts all')
    expect(JSON.parse(readFileSync(lockFile(), 'utf8'))).toMatchObject({ pid: process.pid, command: 'bot/main.ts all' })
    let busy: unknown
    try {
      lockDataDir(dir, 'bot/officers/officer.cli.ts add')
    } catch (err) {
      busy = err
    }
    expect(busy).toBeInstanceOf(DataDirBusyError)
    const message = (busy as Error).message
    expect(message).toContain('กำลังถูกใช้โดยโปรเซสอื่น')
    expect(message).toContain('in use by another process')
    expect(message).toContain(`pid ${process.pid}`)
    release()
    expect(existsSync(lockFile())).toBe(false)
    lockDataDir(dir)() // free again
  })

  it('refuses while another live process holds it', async () => {
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(lockFile(), holder(other.pid ?? 0))
      expect(() => lockDataDir(dir)).toThrow(DataDirBusyError)
    } finally {
      other.kill('SIGKILL')
      await new Promise((r) => other.once('exit', r))
    }
    // The holder died without releasing (kill -9): the lock is stale and taken over.
    const release = lockDataDir(dir)
    expect(JSON.parse(readFileSync(lockFile(), 'utf8')).pid).toBe(process.pid)
    release()
  })

  it('takes over a lock naming our own pid that this process never took (a restarted container)', () => {
    writeFileSync(lockFile(), holder(process.pid))
    const release = lockDataDir(dir)
    release()
    expect(existsSync(lockFile())).toBe(false)
  })

  it('does not steal a lock held from another machine (a shared volume)', () => {
    writeFileSync(lockFile(), holder(1, 'another-host.invalid'))
    expect(() => lockDataDir(dir)).toThrow(DataDirBusyError)
  })
})
