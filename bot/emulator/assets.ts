import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Files that ship beside the emulator's code (LINE's specs, the simulator page). When the code runs from a tsc
 * build in dist/, those files were not copied, so fall back to the source tree under the working directory.
 */
export function emulatorAsset(relative: string): string {
  const beside = fileURLToPath(new URL(relative, import.meta.url))
  if (existsSync(beside)) {
    return beside
  }
  const fromCwd = join(process.cwd(), 'bot', 'emulator', relative)
  return existsSync(fromCwd) ? fromCwd : beside
}
