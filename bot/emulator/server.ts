import Fastify from 'fastify'
import { createLineEmulator, type LineEmulator, type LineEmulatorOptions } from './index.js'

export type RunningLineEmulator = LineEmulator & {
  /** Base URL of the fake LINE Platform, e.g. http://127.0.0.1:43121 (use it as apiBaseURL and dataApiBaseURL). */
  url: string
  close(): Promise<void>
}

/** Runs the emulator on its own HTTP server (tests use port 0 for a free port). */
export async function startLineEmulator(
  opts: LineEmulatorOptions & { port?: number; host?: string },
): Promise<RunningLineEmulator> {
  const { port = 0, host = '127.0.0.1', ...emulatorOpts } = opts
  const emulator = createLineEmulator(emulatorOpts)
  // Open SSE streams are ended in preClose; anything else idle is closed with the server.
  const app = Fastify({ logger: false, forceCloseConnections: true })
  await app.register(emulator.plugin)
  await app.listen({ port, host })
  const address = app.server.address()
  const actualPort = typeof address === 'object' && address ? address.port : port
  const shownHost = host.includes(':') ? `[${host}]` : host
  return {
    ...emulator,
    url: `http://${shownHost === '0.0.0.0' ? '127.0.0.1' : shownHost}:${actualPort}`,
    close: () => app.close(),
  }
}
