import { readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize, relative } from 'node:path'

export const ROOT = normalize(join(import.meta.dirname, '../../..'))
const SOURCE = /\.(ts|tsx)$/
const SPECIFIER = /(?:^|[\s;])(?:import|export)\s[^'"`]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g

/** Every .ts file below these folders (repo-relative, forward slashes), skipping what is not product code. */
export function sourceFiles(folders: string[], skip: (path: string) => boolean = () => false): string[] {
  const out: string[] = []
  const walk = (dir: string) => {
    for (const name of readdirSync(join(ROOT, dir))) {
      const path = `${dir}/${name}`
      if (skip(path)) {
        continue
      }
      if (statSync(join(ROOT, path)).isDirectory()) {
        walk(path)
      } else if (SOURCE.test(name)) {
        out.push(path)
      }
    }
  }
  for (const folder of folders) {
    walk(folder)
  }
  return out
}

export type Import = { from: string; to: string; spec: string; typeOnly: boolean }

/** The path aliases of the LIFF apps' Vite configs and tsconfigs, to repo paths. */
const ALIASES: Record<string, string> = { '@shared/': 'liff/shared/', '@contracts/': 'bot/contracts/' }

/** Every specifier a file imports from, packages included, as written. */
export function specifiersOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  return [...text.matchAll(SPECIFIER)].map((m) => m[1] ?? m[2] ?? '')
}

/**
 * The imports of a file from the project (relative, or through an alias), resolved to repo paths (`.js` in a
 * specifier names the `.ts` file).
 */
export function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8')
  const out: Import[] = []
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? ''
    const alias = Object.keys(ALIASES).find((a) => spec.startsWith(a))
    if (!spec.startsWith('.') && !alias) {
      continue
    }
    const target = alias
      ? `${ALIASES[alias]}${spec.slice(alias.length)}`
      : relative(ROOT, join(ROOT, dirname(file), spec)).replaceAll('\\', '/')
    const typeOnly = /^\s*(?:import|export)\s+type\s/.test(m[0].replace(/^[\s;]/, ''))
    out.push({ from: file, to: target.replace(/\.js$/, '.ts'), spec, typeOnly })
  }
  return out
}

/** Strongly connected components of more than one node (Tarjan): the cycles of a directed graph. */
export function cycles(edges: Map<string, Set<string>>): string[][] {
  let index = 0
  const idx = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const on = new Set<string>()
  const found: string[][] = []
  const visit = (v: string) => {
    idx.set(v, index)
    low.set(v, index)
    index++
    stack.push(v)
    on.add(v)
    for (const w of edges.get(v) ?? []) {
      if (!idx.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0))
      } else if (on.has(w)) {
        low.set(v, Math.min(low.get(v) ?? 0, idx.get(w) ?? 0))
      }
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = []
      let w: string | undefined
      do {
        w = stack.pop()
        if (w !== undefined) {
          on.delete(w)
          scc.push(w)
        }
      } while (w !== undefined && w !== v)
      if (scc.length > 1) {
        found.push(scc.sort())
      }
    }
  }
  for (const v of edges.keys()) {
    if (!idx.has(v)) {
      visit(v)
    }
  }
  return found
}
