import { and, asc, eq, getTableColumns, gt, isNotNull, notLike, or, type SQL, sql } from 'drizzle-orm'
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core'
import type { Db, Tx } from '../../db/client.js'
import type { PiiCipher } from './pii-cipher.js'

/** A keyed-hash column kept beside an encrypted one: recomputed from the plaintext under the current key. */
export type HashOf = { column: PgColumn; purpose: string; normalise?: (plain: string) => string }

export type EncryptedColumn = {
  encrypted: PgColumn
  /** For a jsonb column: the top-level field holding the ciphertext (one field per jsonb column). */
  field?: string
  /** The plaintext is bytes (a photo, a file), not UTF-8 text: PiiCipher.encryptBytes / decryptBytes. */
  binary?: true
  hash?: HashOf
}

/**
 * One table's encrypted values, as `npm run pii:rotate` sees them. `after` re-derives anything else the row's
 * plaintext feeds (e.g. the case's search hashes), in the same transaction as the re-encryption; `plain` is keyed by
 * the column's property name (`idNumberEnc`), or `property.field` for a jsonb field.
 */
export type EncryptedTable = {
  name: string
  table: PgTable
  /** Unique and ordered: batches resume after the last key done. */
  key: PgColumn
  columns: EncryptedColumn[]
  /** At most this many rows per batch, whatever the run's batch size (rows of megabytes: attachments). */
  maxBatchSize?: number
  /** `plain` holds the text columns' plaintext (binary columns are left out). */
  after?: (tx: Tx, row: { key: string; plain: Record<string, string | null> }, cipher: PiiCipher) => Promise<void>
}

export type RotationReport = { table: string; rotated: number; failed: { key: string; error: string }[] }

function propertyOf(table: PgTable, column: PgColumn): string {
  const found = Object.entries(getTableColumns(table)).find(([, c]) => c === column)
  if (!found) {
    throw new Error(`column ${column.name} is not a column of this table`)
  }
  return found[0]
}

const storedValue = (c: EncryptedColumn): PgColumn | SQL =>
  c.field ? sql<string | null>`(${c.encrypted} ->> ${c.field})` : c.encrypted
const nameOf = (table: PgTable, c: EncryptedColumn) =>
  c.field ? `${propertyOf(table, c.encrypted)}.${c.field}` : propertyOf(table, c.encrypted)

/** Rows with any encrypted value not yet under the current key (v1 values, or v2 under another key). */
function notCurrent(spec: EncryptedTable, cipher: PiiCipher): SQL {
  const pattern = `${cipher.currentPrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
  const stale = spec.columns.map((c) => and(isNotNull(storedValue(c)), notLike(storedValue(c), pattern)))
  return or(...stale) ?? sql`false`
}

/** How many rows of each table still need `pii:rotate`. */
export async function countPending(db: Db, tables: readonly EncryptedTable[], cipher: PiiCipher) {
  const out: { table: string; pending: number }[] = []
  for (const spec of tables) {
    const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(spec.table).where(notCurrent(spec, cipher))
    out.push({ table: spec.name, pending: Number(row?.n ?? 0) })
  }
  return out
}

type Plain = string | Buffer | null

/** The new values of one row: every ciphertext under the current key, every keyed hash recomputed. */
function rewritten(spec: EncryptedTable, cipher: PiiCipher, plain: Plain[]): Record<string, unknown> {
  const set: Record<string, unknown> = {}
  spec.columns.forEach((c, i) => {
    const value = plain[i] ?? null
    const encrypted =
      value === null ? null : typeof value === 'string' ? cipher.encrypt(value) : cipher.encryptBytes(value)
    const prop = propertyOf(spec.table, c.encrypted)
    set[prop] = c.field
      ? sql`jsonb_set(${c.encrypted}, ${`{${c.field}}`}::text[], to_jsonb(${encrypted}::text))`
      : encrypted
    if (c.hash) {
      const normalised = typeof value !== 'string' ? '' : (c.hash.normalise ?? String)(value)
      // As the writer does: nothing left to hash after normalising means no hash.
      set[propertyOf(spec.table, c.hash.column)] = normalised ? cipher.keyedHash(c.hash.purpose, normalised) : null
    }
  })
  return set
}

export type RotateOptions = {
  db: Db
  cipher: PiiCipher
  tables: readonly EncryptedTable[]
  batchSize?: number
  /** Stop after this many batches (a test interrupts a run this way; the next run resumes). */
  maxBatches?: number
  say?: (line: string) => void
}

/**
 * Re-encrypts every encrypted value under the current key and recomputes its keyed hashes, in batches of
 * `batchSize` rows, one transaction each (rows locked, re-read, rewritten). Rows already under the current key are
 * never selected, so a run is idempotent, and one stopped half-way resumes where it stopped. A value that does not
 * decrypt (a key missing from PII_ENCRYPTION_KEY_PREVIOUS) is skipped and reported, never rewritten.
 */
export async function rotatePii({ db, cipher, tables, batchSize = 200, maxBatches, say }: RotateOptions) {
  const reports: RotationReport[] = []
  let batches = 0
  for (const spec of tables) {
    const report: RotationReport = { table: spec.name, rotated: 0, failed: [] }
    reports.push(report)
    const names = spec.columns.map((c) => nameOf(spec.table, c))
    const size = Math.min(batchSize, spec.maxBatchSize ?? batchSize)
    const selected = Object.fromEntries(spec.columns.map((c, i) => [`c${i}`, storedValue(c)]))
    let after: string | undefined
    for (;;) {
      if (maxBatches !== undefined && batches >= maxBatches) {
        return reports
      }
      const last = await db.transaction(async (tx) => {
        const rows = (await tx
          .select({ key: spec.key, ...selected })
          .from(spec.table)
          .where(and(notCurrent(spec, cipher), after === undefined ? undefined : gt(spec.key, after)))
          .orderBy(asc(spec.key))
          .limit(size)
          .for('update')) as Record<string, string | null>[]
        for (const row of rows) {
          const key = String(row.key)
          let plain: Plain[]
          try {
            plain = spec.columns.map((c, i) => {
              const value = row[`c${i}`]
              if (value === null || value === undefined) {
                return null
              }
              return c.binary ? cipher.decryptBytes(value) : cipher.decrypt(value)
            })
          } catch (err) {
            report.failed.push({ key, error: err instanceof Error ? err.message : String(err) })
            continue
          }
          await tx
            .update(spec.table)
            .set(rewritten(spec, cipher, plain))
            .where(eq(spec.key, key))
          const text = names.flatMap((n, i) => (spec.columns[i]?.binary ? [] : [[n, plain[i] ?? null] as const]))
          await spec.after?.(tx, { key, plain: Object.fromEntries(text) as Record<string, string | null> }, cipher)
          report.rotated++
        }
        return rows.at(-1)?.key ?? undefined
      })
      batches++
      if (last === undefined || last === null) {
        break
      }
      after = String(last)
      say?.(`${spec.name}: ${report.rotated} rows re-encrypted so far`)
    }
  }
  return reports
}
