// `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded PGlite under DATA_DIR; with
// DATABASE_MIGRATION_URL, as that owner, then grants DATABASE_URL's role (bot/setup/db-migrate.ts).

import { DataDirBusyError } from '../../db/pglite-lock.js'
import { loadConfig } from '../config.js'
import { migrateDatabase } from './db-migrate.js'

const config = loadConfig()
try {
  await migrateDatabase({ ...config, say: (line) => console.log(line) })
} catch (err) {
  if (!(err instanceof DataDirBusyError)) {
    throw err
  }
  // The server that holds the folder applied the migrations when it started: nothing is left to do.
  console.error(`${err.message}\nเซิร์ฟเวอร์ที่รันอยู่ใช้ migration ให้แล้วตอนเริ่ม / the running server applied them at startup.`)
  process.exitCode = 1
}
