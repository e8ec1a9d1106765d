// `npm run db:migrate`: applies migrations to DATABASE_URL, or to the embedded PGlite under DATA_DIR; with
// DATABASE_MIGRATION_URL, as that owner, then grants DATABASE_URL's role (bot/setup/db-migrate.ts).

import { loadConfig } from '../config.js'
import { migrateDatabase } from './db-migrate.js'

const config = loadConfig()
await migrateDatabase({ ...config, say: (line) => console.log(line) })
