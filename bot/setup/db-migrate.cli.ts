// `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded PGlite under DATA_DIR.

import { createDb } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { DataDirBusyError } from '../../db/pglite-lock.js'
import { loadConfig } from '../config.js'

const config = loadConfig()
try {
  const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  await runMigrations(handle)
  await handle.close()
  console.log(`migrations applied (${handle.kind})`)
} catch (err) {
  if (!(err instanceof DataDirBusyError)) {
    throw err
  }
  // The server that holds the folder applied the migrations when it started: nothing is left to do.
  console.error(`${err.message}\nเซิร์ฟเวอร์ที่รันอยู่ใช้ migration ให้แล้วตอนเริ่ม / the running server applied them at startup.`)
  process.exitCode = 1
}
