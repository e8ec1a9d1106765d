import { type ChildProcess, spawn } from 'node:child_process'
import { buildAdminOnce, buildCitizenLiffOnce } from '../../helpers/liff-build.js'

export type RunningServer = { proc: ChildProcess; output: () => string; stop(): Promise<number | null> }

/**
 * `npm start` as the README says, with the embedded defaults (no DATABASE_URL, no REDIS_URL, no LINE channel): what
 * it runs once the pages are built (`tsx bot/main.ts all`), in its own process group. The pages are built the way
 * every browser test builds them (once, under the build lock): `npm start`'s own rebuild would empty dist/ under
 * another test file's browser. Resolves once the log says the simulator is ready.
 */
export async function npmStart(env: Record<string, string>): Promise<RunningServer> {
  const childEnv: Record<string, string | undefined> = { ...process.env, LOG_LEVEL: 'info', ...env }
  for (const name of ['DATABASE_URL', 'REDIS_URL', 'LINE_CHANNEL_SECRET', 'LINE_CHANNEL_ACCESS_TOKEN']) {
    delete childEnv[name]
  }
  let output = ''
  await buildCitizenLiffOnce()
  await buildAdminOnce()
  const started = await new Promise<ChildProcess>((resolve, reject) => {
    const proc = spawn(process.execPath, ['--import', 'tsx', 'bot/main.ts', 'all'], {
      env: childEnv,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    const timer = setTimeout(() => reject(new Error(`npm start did not get ready:\n${output}`)), 90_000)
    const onData = (chunk: Buffer) => {
      output = (output + chunk.toString()).slice(-20_000)
      if (output.includes('LINE emulator: open')) {
        clearTimeout(timer)
        resolve(proc)
      }
    }
    proc.stdout?.on('data', onData)
    proc.stderr?.on('data', onData)
    proc.on('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`npm start exited ${code}:\n${output}`))
    })
  })
  return {
    proc: started,
    output: () => output,
    /** Ctrl+C, as a person stops it: SIGINT to the whole group, then wait for it to finish closing. */
    stop: () =>
      new Promise((resolve) => {
        if (started.exitCode !== null || started.signalCode !== null) {
          resolve(started.exitCode)
          return
        }
        started.removeAllListeners('exit')
        started.once('exit', (code) => resolve(code))
        process.kill(-(started.pid ?? 0), 'SIGINT')
      }),
  }
}
