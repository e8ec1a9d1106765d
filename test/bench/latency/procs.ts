/**
 * The processes under test and the fake LINE, each its own Node process, talked to only through env, HTTP and
 * stdout, so the bench keeps working while bot/ is restructured.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { setTimeout as sleep } from 'node:timers/promises'

export type BotRole = 'all' | 'web' | 'worker'

export type Proc = {
  proc: ChildProcess
  pid: number
  /** The last few KB of its output (for the error message when it dies) and how many lines it wrote. */
  tail: () => string
  lines: () => number
  stop: () => Promise<void>
}

function start(args: string[], env: Record<string, string | undefined>): Proc {
  // node --import tsx (not the tsx CLI, which forks a second node): /proc/<pid> is then the process doing the work.
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], {
    env: env as NodeJS.ProcessEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let tail = ''
  let lines = 0
  const onData = (chunk: Buffer) => {
    const text = chunk.toString()
    tail = (tail + text).slice(-4000)
    for (const c of text) {
      if (c === '\n') {
        lines += 1
      }
    }
  }
  proc.stdout?.on('data', onData)
  proc.stderr?.on('data', onData)
  return {
    proc,
    pid: proc.pid ?? 0,
    tail: () => tail,
    lines: () => lines,
    stop: () =>
      new Promise((resolve) => {
        if (proc.exitCode !== null || proc.signalCode !== null) {
          resolve()
          return
        }
        const hard = setTimeout(() => proc.kill('SIGKILL'), 20_000)
        proc.once('exit', () => {
          clearTimeout(hard)
          resolve()
        })
        proc.kill('SIGTERM')
      }),
  }
}

async function waitFor(p: Proc, what: string, ready: () => Promise<boolean>, timeoutMs = 90_000) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (p.proc.exitCode !== null) {
      throw new Error(`${what} exited ${p.proc.exitCode}:\n${p.tail()}`)
    }
    if (await ready().catch(() => false)) {
      return
    }
    await sleep(200)
  }
  throw new Error(`${what} not ready after ${timeoutMs / 1000} s:\n${p.tail()}`)
}

/** The fake LINE Platform; resolves with its URL once it listens. */
export async function startFakeLine(latencyMs: number): Promise<Proc & { url: string }> {
  const p = start(['test/bench/fake-line.ts', '--latency', String(latencyMs)], { ...process.env })
  let port = 0
  p.proc.stdout?.on('data', (chunk: Buffer) => {
    port ||= Number(/fake-line listening (\d+)/.exec(chunk.toString())?.[1] ?? 0)
  })
  await waitFor(p, 'fake LINE', async () => port > 0, 30_000)
  return { ...p, url: `http://127.0.0.1:${port}` }
}

/**
 * `bot/main.ts <role>`, as `npm start` (all) and `start:web` / `start:worker` run it (the LIFF build is skipped).
 * Roles with HTTP are ready when /readyz answers 200 (database and queue reachable). A lone worker has no port and
 * logs nothing at warn, so it is returned at once; the drain stage times it from its first answer.
 */
export async function startBot(role: BotRole, env: Record<string, string | undefined>, port?: number): Promise<Proc> {
  const p = start(['bot/main.ts', role], env)
  if (role !== 'worker' && port) {
    await waitFor(p, `bot (${role})`, async () => (await fetch(`http://127.0.0.1:${port}/readyz`)).status === 200)
  }
  return p
}
