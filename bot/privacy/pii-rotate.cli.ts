// `npm run pii:rotate [-- --dry-run] [-- --batch-size=200]`: re-encrypts every encrypted column under
// PII_ENCRYPTION_KEY and recomputes the keyed hashes, reading old values with PII_ENCRYPTION_KEY_PREVIOUS.
// Idempotent and resumable: run it again after an interruption. README, Security and privacy: key rotation.

import { createDb } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { createSearchHasher } from '../cases/search-hash.js'
import { encryptedTables } from '../compose/encrypted-columns.js'
import { loadConfig } from '../config.js'
import { countPending, rotatePii } from './key-rotation.js'
import { createPiiCipher } from './pii-cipher.js'

const args = process.argv.slice(2)
const dryRun = args.includes('--dry-run')
const batchSize = Number(/^--batch-size=(\d+)$/.exec(args.find((a) => a.startsWith('--batch-size=')) ?? '')?.[1] ?? 200)

const config = loadConfig()
const cipher = createPiiCipher(config.piiEncryptionKey, config.piiPreviousKeys)
const tables = encryptedTables({ hasher: createSearchHasher(config.piiEncryptionKey, config.piiPreviousKeys) })
const handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, maxConnections: 2 })
let exitCode = 0
try {
  await runMigrations(handle)
  console.log(`current key: ${cipher.keyId}; previous keys: ${config.piiPreviousKeys.length}`)
  if (dryRun) {
    for (const { table, pending } of await countPending(handle.db, tables, cipher)) {
      console.log(`${table}: ${pending} rows to re-encrypt`)
    }
  } else {
    const reports = await rotatePii({ db: handle.db, cipher, tables, batchSize, say: (line) => console.log(line) })
    for (const r of reports) {
      console.log(`${r.table}: ${r.rotated} rows re-encrypted, ${r.failed.length} could not be decrypted`)
      for (const f of r.failed.slice(0, 20)) {
        console.log(`  ${f.key}: ${f.error}`)
      }
    }
    const left = (await countPending(handle.db, tables, cipher)).reduce((n, t) => n + t.pending, 0)
    if (left === 0) {
      console.log('done: every value is under the current key; PII_ENCRYPTION_KEY_PREVIOUS can be removed')
    } else {
      console.log(`${left} rows are still under another key: keep PII_ENCRYPTION_KEY_PREVIOUS and see above`)
      exitCode = 1
    }
  }
} finally {
  await handle.close()
}
process.exit(exitCode)
