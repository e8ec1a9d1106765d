import { type SQL, sql } from 'drizzle-orm'

/** A Postgres array literal as ONE parameter (any length, no parameter limit), quoted for any text. */
function literal(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replaceAll('\\', '\\\\').replaceAll('"', '\\"')}"`).join(',')}}`
}

export const textArray = (values: readonly string[]): SQL => sql`${literal(values)}::text[]`
export const uuidArray = (values: readonly string[]): SQL => sql`${literal(values)}::uuid[]`
