import { type ChildProcess, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { connect } from 'node:net'
import { networkInterfaces, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { freePort, killHard } from '../../helpers/processes.js'

// What .env.example ships (the LINE variables empty) plus whatever this run needs; nothing inherited decides the mode.
const BLANK = { LINE_CHANNEL_SECRET: '', LINE_CHANNEL_ACCESS_TOKEN: '', HOST: '', DATABASE_URL: '', REDIS_URL: '' }

function runMain(env: Record<string, string>) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts', 'web'], {
    env: { ...process.env, LOG_LEVEL: 'info', NODE_ENV: '', ...BLANK, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const collect = (chunk: Buffer) => {
    output += chunk.toString()
  }
  proc.stdout?.on('data', collect)
  proc.stderr?.on('data', collect)
  const exited = new Promise<number | null>((resolve) => proc.on('exit', (code) => resolve(code)))
  return { proc, exited, output: () => output }
}

function canConnect(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 })
    socket.once('connect', () => {
      socket.destroy()
      resolve(true)
    })
    socket.once('error', () => resolve(false))
    socket.once('timeout', () => {
      socket.destroy()
      resolve(false)
    })
  })
}

describe('startup: no LINE emulator by accident', () => {
  const dirs: string[] = []
  const procs: ChildProcess[] = []
  afterAll(async () => {
    await Promise.all(procs.map(killHard))
    for (const dir of dirs) {
      rmSync(dir, { recursive: true, force: true })
    }
  })

  it('with nothing configured it starts the emulator on 127.0.0.1 only, and the log says so', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rsz-startup-'))
    dirs.push(dataDir)
    const port = await freePort()
    const run = runMain({ PORT: String(port), DATA_DIR: dataDir })
    procs.push(run.proc)
    await expect
      .poll(run.output, { timeout: 100_000, interval: 200 })
      .toContain(`listening on 127.0.0.1:${port}: emulator mode listens on this machine only`)
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200)
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((a) => a && a.family === 'IPv4' && !a.internal)
    if (lan) {
      expect(await canConnect(lan.address, port), `reachable at ${lan.address}`).toBe(false)
    }
  }, 120_000) // a cold start (tsx, PGlite migrations, the emulator) takes over 45 s on a loaded 2-core machine

  it('NODE_ENV=production without a channel exits 1 naming the LINE variables and the demo secrets', async () => {
    const run = runMain({ NODE_ENV: 'production', PORT: String(await freePort()) })
    procs.push(run.proc)
    expect(await run.exited).toBe(1)
    for (const name of ['LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN', 'PII_ENCRYPTION_KEY', 'SESSION_SECRET']) {
      expect(run.output()).toContain(name)
    }
    expect(run.output()).not.toContain('listening')
  })
})
