import { type ChildProcess, spawn } from 'node:child_process'
import { createServer } from 'node:net'

/** A free TCP port on loopback. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address()
      const port = typeof address === 'object' && address ? address.port : 0
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

/** Runs `bot/main.ts <role>` in its own Node process, as production does; resolves once it has started. */
export function spawnRole(role: 'worker' | 'web', env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts', role], {
      env: { ...process.env, LOG_LEVEL: 'info', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    const timer = setTimeout(() => reject(new Error(`${role} did not start:\n${output}`)), 30_000)
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-4000)
      if (output.includes('"msg":"starting:')) {
        clearTimeout(timer)
        resolve(proc)
      }
    }
    proc.stdout?.on('data', onData)
    proc.stderr?.on('data', onData)
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${role} exited ${code}:\n${output}`))
    })
  })
}

/** A private redis-server on its own port, so a test can stop and restart it without touching anyone else's. */
export async function startPrivateRedis(port?: number) {
  const p = port ?? (await freePort())
  const proc = spawn('redis-server', ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  })
  await new Promise((r) => setTimeout(r, 300))
  return {
    url: `redis://127.0.0.1:${p}`,
    port: p,
    stop: () => killHard(proc),
  }
}

export function killHard(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) {
      resolve()
      return
    }
    proc.once('exit', () => resolve())
    proc.kill('SIGKILL')
  })
}
