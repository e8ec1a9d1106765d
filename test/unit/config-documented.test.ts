import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

// Issue #8, point 9: README's configuration table and .env.example list every variable bot/config.ts reads
// (TRUST_PROXY was missing from README). The names are read from the schema's source, so a new variable fails here
// until it is documented.
const read = (path: string) => readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
const source = read('bot/config.ts')
const schema = source.slice(source.indexOf('const schema = z'), source.indexOf('.superRefine('))
const variables = [...schema.matchAll(/^ {4}([A-Z][A-Z0-9_]+):/gm)].map((m) => m[1] as string)

describe('every variable bot/config.ts reads is documented', () => {
  it('the schema is found and names the variables', () => {
    expect(variables).toEqual(expect.arrayContaining(['PORT', 'DATABASE_URL', 'TRUST_PROXY', 'RETENTION_RUN_HOUR']))
    expect(variables.length).toBeGreaterThan(25)
  })

  it("in README's configuration table", () => {
    const readme = read('README.md')
    const table = readme.slice(readme.indexOf('## Configuration'))
    const rows = table.split('\n').filter((line) => line.startsWith('| `'))
    const missing = variables.filter((v) => !rows.some((row) => row.split('|')[1]?.includes(`\`${v}\``)))
    expect(missing).toEqual([])
  })

  it('in .env.example, one line each', () => {
    const example = read('.env.example')
    const missing = variables.filter((v) => !new RegExp(`^#?\\s*${v}=`, 'm').test(example))
    expect(missing).toEqual([])
  })
})
