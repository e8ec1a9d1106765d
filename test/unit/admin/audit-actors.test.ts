import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { actorLabel } from '../../../liff/admin/src/i18n/actors.js'

// Issue #8, point 8 (verification on `npm start`): a PDF opened from its signed link was listed in the audit log
// as done by "link", a code in the middle of the Thai page. Every actor the server writes has words in both languages.
const root = fileURLToPath(new URL('../../../', import.meta.url))

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : d.name.endsWith('.ts') ? [join(dir, d.name)] : [],
  )
}

const actors = new Set(
  [...sources('bot'), ...sources('jobs')].flatMap((file) =>
    [...readFileSync(join(root, file), 'utf8').matchAll(/\bactor: '([a-z_]+)'/g)].map((m) => m[1] as string),
  ),
)

it('every actor the server writes to the audit log is named in Thai and English', () => {
  expect([...actors]).toEqual(expect.arrayContaining(['officer', 'system', 'link', 'cli', 'line_user']))
  for (const actor of actors) {
    expect(actorLabel('th', actor), actor).not.toBe(actor)
    expect(actorLabel('en', actor), actor).not.toBe(actor)
  }
  expect(actorLabel('th', 'link')).toBe('ผู้เปิดลิงก์ดาวน์โหลด')
})
