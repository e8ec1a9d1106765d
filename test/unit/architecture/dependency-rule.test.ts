import { describe, expect, it } from 'vitest'
import { cycles, type Import, importsOf, sourceFiles, specifiersOf } from './imports.js'

/**
 * The dependency rule of README's Architecture section, checked on every import of bot/, jobs/ and db/:
 * - bot/contracts/ (types, constants and rules shared with the LIFF apps) imports only bot/contracts/, and anyone
 *   may import it;
 * - db/ imports only db/ and bot/contracts/; jobs/queues.ts (the job contracts) imports nothing of ours;
 * - the kernel (bot/config, errors, logger, i18n/, line/, http/, pdf/) imports only db/, the job contracts and the kernel;
 * - a domain folder (bot/<domain>/) imports db/, jobs/queues.ts and jobs/after-commit.ts, the kernel, its own
 *   files, and only the top-level files of another domain (its subfolders are internals);
 * - job processors (jobs/*.job.ts) import what a domain may, plus jobs/' infrastructure;
 * - the composition root (bot/main.ts, bot/app.ts, bot/compose/) and CLIs (*.cli.ts, bot/setup/line-setup.ts,
 *   bot/richmenu/generate-images.ts) may import any product code; only bot/main.ts starts the LINE emulator;
 * - no product code imports tests, and no two folders import each other, directly or round a longer cycle;
 * - the LIFF apps (liff/src/, liff/admin/) import their own files, liff/shared/ (@shared) and bot/contracts/
 *   (@contracts) only: never each other, never other server code, never by a `../../../` path; liff/shared/ imports
 *   only itself and bot/contracts/.
 */
const KERNEL = new Set(['config.ts', 'errors.ts', 'logger.ts', 'i18n', 'line', 'http', 'pdf'])
const ENTRY = /(\.cli\.ts|^bot\/setup\/line-setup\.ts|^bot\/richmenu\/generate-images\.ts)$/

type Place =
  | { kind: 'db' | 'contract' | 'contracts' | 'jobs' | 'job' | 'root' | 'entry' | 'emulator' | 'test' | 'other' }
  | { kind: 'kernel' | 'domain'; name: string; top: boolean }

function placeOf(path: string): Place {
  const parts = path.split('/')
  if (parts[0] === 'test') {
    return { kind: 'test' }
  }
  if (parts[0] === 'db') {
    return { kind: 'db' }
  }
  if (parts[0] === 'jobs') {
    return path === 'jobs/queues.ts' ? { kind: 'contract' } : { kind: path.endsWith('.job.ts') ? 'job' : 'jobs' }
  }
  if (parts[0] !== 'bot' || parts.length < 2) {
    return { kind: 'other' }
  }
  const name = parts[1] ?? ''
  if (name === 'contracts') {
    return { kind: 'contracts' }
  }
  if (ENTRY.test(path)) {
    return { kind: 'entry' }
  }
  if (path === 'bot/main.ts' || path === 'bot/app.ts' || name === 'compose') {
    return { kind: 'root' }
  }
  if (name === 'emulator') {
    return { kind: 'emulator' }
  }
  return { kind: KERNEL.has(name) ? 'kernel' : 'domain', name, top: parts.length === 3 }
}

const SHARED = new Set(['db', 'contract', 'contracts'])

/** Why this import breaks the rule, or undefined when it keeps it. */
function breach({ from, to }: Pick<Import, 'from' | 'to'>): string | undefined {
  const a = placeOf(from)
  const b = placeOf(to)
  if (b.kind === 'test') {
    return 'product code imports a test file'
  }
  if (a.kind === 'contracts') {
    return b.kind === 'contracts' ? undefined : 'bot/contracts/ imports only bot/contracts/ (the LIFF apps bundle it)'
  }
  if (b.kind === 'emulator') {
    return a.kind === 'emulator' || from === 'bot/main.ts' ? undefined : 'only bot/main.ts starts the LINE emulator'
  }
  if (a.kind === 'root' || a.kind === 'entry') {
    return undefined
  }
  if (a.kind === 'db') {
    return b.kind === 'db' || b.kind === 'contracts' ? undefined : 'db/ imports only db/ and bot/contracts/'
  }
  if (a.kind === 'contract') {
    return 'jobs/queues.ts imports nothing of the project'
  }
  if (b.kind === 'root' || b.kind === 'entry') {
    return 'only the composition root builds services (bot/compose, bot/app.ts, bot/main.ts)'
  }
  const afterCommit = to === 'jobs/after-commit.ts'
  if (a.kind === 'emulator') {
    return b.kind === 'kernel' || SHARED.has(b.kind) ? undefined : 'the emulator imports only the kernel'
  }
  if (a.kind === 'jobs') {
    return b.kind === 'kernel' || b.kind === 'jobs' || SHARED.has(b.kind)
      ? undefined
      : 'jobs infrastructure imports no domain'
  }
  if (b.kind === 'job') {
    return 'a job processor is wired by the composition root only'
  }
  if (b.kind === 'jobs' && !afterCommit && a.kind !== 'job') {
    return 'bot/ may use jobs/queues.ts and jobs/after-commit.ts, not the queue implementation'
  }
  if (a.kind === 'kernel') {
    if (b.kind === 'domain') {
      return `the kernel (${a.name}) imports no domain (${b.name})`
    }
    return undefined
  }
  if (b.kind === 'domain' && !b.top && !(a.kind === 'domain' && a.name === b.name)) {
    return `${to} is an internal of ${b.name}: import a top-level file of bot/${b.name}/`
  }
  return undefined
}

/** Which LIFF app a file belongs to (liff/shared/ is both apps' kit). */
function liffAppOf(path: string): 'citizen' | 'admin' | 'shared' | undefined {
  if (path.startsWith('liff/src/')) {
    return 'citizen'
  }
  if (path.startsWith('liff/admin/')) {
    return 'admin'
  }
  return path.startsWith('liff/shared/') ? 'shared' : undefined
}

/** Why this import of a LIFF file breaks the rule, or undefined when it keeps it. */
function liffBreach({ from, to, spec }: Pick<Import, 'from' | 'to' | 'spec'>): string | undefined {
  if (spec.startsWith('../../../')) {
    return 'no `../../../` in the LIFF apps: import @shared/... or @contracts/...'
  }
  if (to.startsWith('bot/contracts/') || to.startsWith('liff/shared/')) {
    return undefined
  }
  const [a, b] = [liffAppOf(from), liffAppOf(to)]
  if (b === undefined) {
    return 'a LIFF app imports no server code but bot/contracts/ (@contracts/...)'
  }
  return a === b ? undefined : `the ${a} app does not import the ${b} app: what both use goes in liff/shared/`
}

const product = sourceFiles(['bot', 'jobs', 'db'], (p) => p === 'bot/emulator/ui' || p === 'db/migrations')
const imports = product.flatMap(importsOf)

describe('the dependency rule', () => {
  it('reads every product file and its imports (the scan works)', () => {
    expect(product.length).toBeGreaterThan(150)
    expect(imports.length).toBeGreaterThan(500)
  })

  it('every import keeps the rule', () => {
    const broken = imports.flatMap((i) => {
      const why = breach(i)
      return why ? [`${i.from} → ${i.spec}: ${why}`] : []
    })
    expect(broken, broken.join('\n')).toEqual([])
  })

  it('no cycle between folders (domains, kernel modules, jobs, db)', () => {
    const folderOf = (path: string) => {
      const p = placeOf(path)
      return 'name' in p ? `bot/${p.name}` : p.kind
    }
    const edges = new Map<string, Set<string>>()
    for (const i of imports) {
      const [a, b] = [folderOf(i.from), folderOf(i.to)]
      if (a !== b && !['root', 'entry', 'job'].includes(a)) {
        edges.set(a, (edges.get(a) ?? new Set()).add(b))
      }
    }
    const found = cycles(edges)
    expect(found, found.map((c) => c.join(' ⇄ ')).join('\n')).toEqual([])
  })

  it('the LIFF apps import only their own files, liff/shared/ and bot/contracts/', () => {
    const liff = sourceFiles(['liff']).filter((p) => liffAppOf(p))
    expect(liff.length).toBeGreaterThan(80)
    const broken = liff.flatMap(importsOf).flatMap((i) => {
      const why = liffBreach(i)
      return why ? [`${i.from} → ${i.spec}: ${why}`] : []
    })
    expect(broken, broken.join('\n')).toEqual([])
  })

  it('bot/contracts/ imports no package and no other project code (it is bundled into the LIFF apps)', () => {
    const contracts = sourceFiles(['bot/contracts'])
    expect(contracts.length).toBeGreaterThan(4)
    const outside = contracts.flatMap((file) => {
      const inside = new Set(importsOf(file).flatMap((i) => (i.to.startsWith('bot/contracts/') ? [i.spec] : [])))
      return specifiersOf(file).flatMap((spec) => (inside.has(spec) ? [] : [`${file} → ${spec}`]))
    })
    expect(outside, outside.join('\n')).toEqual([])
  })

  it('catches what it should (the checker itself)', () => {
    expect(breach({ from: 'bot/contracts/cases.ts', to: 'db/schema/cases.ts' })).toMatch(/contracts/)
    expect(breach({ from: 'db/schema/cases.ts', to: 'bot/contracts/cases.ts' })).toBe(undefined)
    const liff = (from: string, spec: string, to: string) => liffBreach({ from, spec, to })
    expect(liff('liff/admin/src/app.tsx', '../../src/app.js', 'liff/src/app.ts')).toMatch(/citizen app/)
    expect(liff('liff/src/app.tsx', '../admin/src/app.js', 'liff/admin/src/app.ts')).toMatch(/admin app/)
    expect(liff('liff/src/a/b/c.tsx', '../../../../bot/cases/views.js', 'bot/cases/views.ts')).toMatch(/\.\.\//)
    expect(liff('liff/src/app.tsx', '../../bot/cases/views.js', 'bot/cases/views.ts')).toMatch(/server code/)
    expect(liff('liff/shared/ui/page.tsx', '../../admin/src/app.js', 'liff/admin/src/app.ts')).toMatch(/shared/)
    expect(liff('liff/admin/src/lib/types.ts', '@contracts/cases.js', 'bot/contracts/cases.ts')).toBe(undefined)
    expect(liff('liff/src/app.tsx', '@shared/ui/icons.js', 'liff/shared/ui/icons.ts')).toBe(undefined)
    expect(breach({ from: 'db/client.ts', to: 'bot/config.ts' })).toMatch(/db\//)
    expect(breach({ from: 'bot/cases/inbox.ts', to: 'bot/lost-documents/record/pdf.ts' })).toMatch(/internal/)
    expect(breach({ from: 'bot/cases/inbox.ts', to: 'bot/emulator/index.ts' })).toMatch(/emulator/)
    expect(breach({ from: 'bot/cases/inbox.ts', to: 'test/helpers/stack.ts' })).toMatch(/test/)
    expect(breach({ from: 'bot/cases/inbox.ts', to: 'bot/compose/index.ts' })).toMatch(/composition root/)
    expect(breach({ from: 'bot/line/outbox.ts', to: 'bot/cases/inbox.ts' })).toMatch(/kernel/)
    expect(breach({ from: 'bot/lost-documents/record/pdf.ts', to: 'bot/lost-documents/verify/verify.page.ts' })).toBe(
      undefined,
    )
    expect(
      cycles(
        new Map([
          ['a', new Set(['b'])],
          ['b', new Set(['c'])],
          ['c', new Set(['a'])],
        ]),
      ),
    ).toEqual([['a', 'b', 'c']])
  })
})
