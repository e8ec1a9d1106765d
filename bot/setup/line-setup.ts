/**
 * `npm run line:setup [-- --force]`: connects the LINE channel configured in the environment (or, with no channel,
 * the emulator of a running `npm start`). Safe to run again: see runLineSetup. Exit code 0 = all done.
 */
import { createDb, type DbHandle } from '../../db/client.js'
import { ConfigError, loadConfig } from '../config.js'
import { runLineSetup, SetupError } from './run-setup.js'

async function main(): Promise<number> {
  let config: ReturnType<typeof loadConfig>
  try {
    config = loadConfig()
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(`✘ ${err.message}`)
      return 2
    }
    throw err
  }
  // Postgres only: the embedded database is held by the running bot, and a second process must not open it.
  const dbHandle: DbHandle | undefined = config.databaseUrl
    ? await createDb({ databaseUrl: config.databaseUrl })
    : undefined
  try {
    const report = await runLineSetup({ config, db: dbHandle?.db, force: process.argv.includes('--force') })
    if (report.problems.length > 0) {
      console.error(`\n✘ line:setup finished with ${report.problems.length} problem(s):`)
      for (const p of report.problems) {
        console.error(`  - ${p}`)
      }
      return 1
    }
    console.log('\n✔ line:setup done')
    return 0
  } catch (err) {
    if (err instanceof SetupError) {
      console.error(`\n✘ line:setup failed at ${err.message}`)
      if (config.line.emulator) {
        console.error(`  No LINE channel is configured, so this talks to the emulator inside a running \`npm start\``)
        console.error(
          `  (${config.line.apiBaseUrl}). Start the bot first, or set LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN.`,
        )
      }
      return 1
    }
    throw err
  } finally {
    await dbHandle?.close()
  }
}

process.exitCode = await main().catch((err) => {
  console.error(`\n✘ line:setup failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`)
  return 1
})
