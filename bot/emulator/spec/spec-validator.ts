import { readFileSync } from 'node:fs'
import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv'
import addFormats from 'ajv-formats'
import { parse } from 'yaml'
import { emulatorAsset } from '../assets.js'
import { type JsonSchema, resolveDiscriminators } from './discriminators.js'

export type ErrorDetail = { message: string; property: string }

const COMPONENTS = '#/components/schemas/'
const DEFINITIONS = '#/definitions/'

/**
 * Validates JSON against the schemas of one of LINE's OpenAPI files (after the discriminator rewrite).
 * Compiling takes a moment, so each spec is compiled once per process and shared by all emulators.
 */
export function createSpecValidator(specFile: string) {
  const doc = parse(readFileSync(emulatorAsset(`openapi/${specFile}`), 'utf8')) as JsonSchema
  const components = (doc.components as JsonSchema | undefined)?.schemas as Record<string, JsonSchema>
  const resolved = resolveDiscriminators(components, COMPONENTS)
  const id = `https://line-emulator.invalid/${specFile}`
  // Ajv's draft-07 uses `definitions`; rewriting the refs lets one schema document hold all components.
  const definitions = JSON.parse(JSON.stringify(resolved).replaceAll(`"${COMPONENTS}`, `"${DEFINITIONS}`))

  // strictTypes/strictRequired stay off: LINE's specs put `properties` in allOf parts without `type: object`.
  const ajv = new Ajv({ allErrors: true, verbose: true, strictTypes: false, strictRequired: false })
  ajv.addVocabulary(['example', 'externalDocs', 'x-enum-descriptions', 'x-enum-varnames'])
  addFormats.default(ajv)
  ajv.addFormat('int32', { type: 'number', validate: (n: number) => Number.isInteger(n) && Math.abs(n) <= 2 ** 31 })
  ajv.addFormat('int64', { type: 'number', validate: (n: number) => Number.isInteger(n) })
  ajv.addFormat('double', { type: 'number', validate: () => true })
  ajv.addFormat('float', { type: 'number', validate: () => true })
  ajv.addFormat('binary', { type: 'string', validate: () => true })
  ajv.addSchema({ $id: id, definitions })

  const compiled = new Map<string, ValidateFunction>()
  function validator(schemaName: string): ValidateFunction {
    let fn = compiled.get(schemaName)
    if (!fn) {
      fn = ajv.getSchema(`${id}${DEFINITIONS}${schemaName}`)
      if (!fn) {
        throw new Error(`${specFile} has no schema ${schemaName}`)
      }
      compiled.set(schemaName, fn)
    }
    return fn
  }

  function validate(schemaName: string, value: unknown): ErrorDetail[] {
    const fn = validator(schemaName)
    return fn(value) ? [] : toDetails(fn.errors ?? [])
  }

  return { validate, operations: operations(doc) }
}

export type SpecValidator = ReturnType<typeof createSpecValidator>

export type OperationInfo = { bodySchema?: string; bodyRequired: boolean; acceptsRetryKey: boolean }

/** Per operation ('POST /v2/bot/message/push'): its JSON body schema, and whether it takes X-Line-Retry-Key. */
function operations(doc: JsonSchema): Map<string, OperationInfo> {
  const out = new Map<string, OperationInfo>()
  const paths = (doc.paths ?? {}) as Record<string, Record<string, JsonSchema>>
  for (const [path, ops] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const body = op.requestBody as JsonSchema | undefined
      const content = body?.content as Record<string, { schema?: { $ref?: string } }> | undefined
      const ref = content?.['application/json']?.schema?.$ref
      const params = Array.isArray(op.parameters) ? (op.parameters as JsonSchema[]) : []
      out.set(`${method.toUpperCase()} ${path}`, {
        ...(ref?.startsWith(COMPONENTS) ? { bodySchema: ref.slice(COMPONENTS.length) } : {}),
        bodyRequired: body?.required === true,
        acceptsRetryKey: params.some((p) => p.in === 'header' && String(p.name).toLowerCase() === 'x-line-retry-key'),
      })
    }
  }
  return out
}

const cache = new Map<string, SpecValidator>()
export function specValidator(specFile: 'messaging-api.yml' | 'webhook.yml'): SpecValidator {
  let v = cache.get(specFile)
  if (!v) {
    v = createSpecValidator(specFile)
    cache.set(specFile, v)
  }
  return v
}

/** Ajv's errors in LINE's `details` shape: `messages[0].quickReply.items` plus a message in LINE's wording. */
export function toDetails(errors: ErrorObject[]): ErrorDetail[] {
  const out: ErrorDetail[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    // `if` only says "the then-branch failed"; the then-branch's own errors are the useful ones.
    if (e.keyword === 'if') {
      continue
    }
    const missing = e.keyword === 'required' ? String((e.params as { missingProperty: string }).missingProperty) : ''
    const property = toProperty(e.instancePath, missing)
    const detail = { message: wording(e), property }
    const key = `${detail.property}\n${detail.message}`
    if (!seen.has(key)) {
      seen.add(key)
      out.push(detail)
    }
  }
  return out
}

export function toProperty(instancePath: string, child = ''): string {
  const parts = instancePath.split('/').slice(1)
  if (child) {
    parts.push(child)
  }
  let out = ''
  for (const raw of parts) {
    const part = raw.replaceAll('~1', '/').replaceAll('~0', '~')
    out += /^\d+$/.test(part) ? `[${part}]` : out ? `.${part}` : part
  }
  return out
}

function wording(e: ErrorObject): string {
  const schema = (e.parentSchema ?? {}) as Record<string, unknown>
  switch (e.keyword) {
    case 'required':
      return 'must be specified'
    case 'minItems':
    case 'maxItems':
      return `Size must be between ${schema.minItems ?? 0} and ${schema.maxItems ?? 'unbounded'}`
    case 'minLength':
    case 'maxLength':
      return `Length must be between ${schema.minLength ?? 0} and ${schema.maxLength ?? 'unbounded'}`
    case 'minimum':
    case 'maximum':
      return `must be between ${schema.minimum ?? '-inf'} and ${schema.maximum ?? 'inf'}`
    case 'enum':
      return `must be one of the following values: [${(schema.enum as unknown[]).join(', ')}]`
    case 'type':
      return `must be ${(e.params as { type: string }).type}`
    case 'format':
      return `invalid ${(e.params as { format: string }).format}`
    case 'pattern':
      return `must match ${(e.params as { pattern: string }).pattern}`
    default:
      return e.message ?? 'invalid'
  }
}
