/**
 * The camera registry from a CSV file, for whoever runs the server:
 *   npm run cameras:import -- FILE [--station CODE] [--good-rows]
 * e.g. `npm run cameras:import -- bot/cameras/seed/rayong-cameras.csv` (the zone's 416 sample cameras).
 * Same rules as POST /api/admin/cameras/import: a re-import updates by code; by default nothing is saved when a row
 * is bad (each bad line is printed with its reason); --good-rows saves the good ones. Audited with actor 'cli'.
 * Uses the server's configuration (DATABASE_URL or the embedded PGlite in DATA_DIR: stop the server first).
 */
import { readFileSync } from 'node:fs'
import { eq } from 'drizzle-orm'
import { createDb } from '../../../db/client.js'
import { runMigrations } from '../../../db/migrate.js'
import { stations } from '../../../db/schema/index.js'
import { recordAudit } from '../../audit/audit.service.js'
import { loadConfig } from '../../config.js'
import { createCameraRegistry } from './registry.service.js'

const USAGE = 'usage: npm run cameras:import -- FILE [--station CODE] [--good-rows]'

async function main(argv: string[]): Promise<number> {
  const goodRows = argv.includes('--good-rows')
  const at = argv.indexOf('--station')
  const stationCode = at >= 0 ? (argv[at + 1] ?? '') : 'RYG'
  const file = argv.find((a, i) => !a.startsWith('--') && (at < 0 || i !== at + 1))
  if (!file) {
    console.error(USAGE)
    return 2
  }
  const text = readFileSync(file, 'utf8')
  const config = loadConfig()
  const handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    await runMigrations(handle)
    const [station] = await handle.db.select().from(stations).where(eq(stations.code, stationCode)).limit(1)
    if (!station) {
      console.error(`no station with code ${stationCode}`)
      return 1
    }
    const registry = createCameraRegistry({
      db: handle.db,
      audit: { record: recordAudit },
      cipher: {
        decrypt: () => {
          throw new Error('not used by the import')
        },
      },
      myCamerasUrl: '',
    })
    const result = await registry.importCsv(
      { actor: 'cli', officerId: null, stationId: station.id },
      text,
      goodRows ? 'good_rows' : 'all',
    )
    for (const p of result.problems) {
      console.error(`line ${p.line}${p.code ? ` (${p.code})` : ''}: ${p.reason}`)
    }
    if (!result.saved) {
      console.error(`nothing saved (${result.problems.length} bad rows); fix them or pass --good-rows`)
      return 1
    }
    const stats = await registry.stats(station.id)
    console.log(`created ${result.created}, updated ${result.updated}, skipped ${result.problems.length}`)
    console.log(
      `${station.code}: ${stats.total} cameras: police ${stats.byOwnerType.police}, agency ${stats.byOwnerType.agency}, private ${stats.byOwnerType.private}`,
    )
    return 0
  } finally {
    await handle.close()
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.message : err)
    process.exitCode = 1
  },
)
