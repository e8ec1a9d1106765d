// `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded PGlite under DATA_DIR.

import { createDb } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { loadConfig } from '../config.js'

const config = loadConfig()
const handle = createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
await runMigrations(handle)
await handle.close()
console.log(`migrations applied (${handle.kind})`)
