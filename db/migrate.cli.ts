// `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded PGlite under DATA_DIR.
import { loadConfig } from '../bot/config.js'
import { createDb } from './client.js'
import { runMigrations } from './migrate.js'

const config = loadConfig()
const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
await runMigrations(handle)
await handle.close()
console.log(`migrations applied (${handle.kind})`)
