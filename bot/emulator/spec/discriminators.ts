export type JsonSchema = { [key: string]: unknown }

type Discriminator = { propertyName: string; mapping?: Record<string, string> }

export const BASE_SUFFIX = '__base'

/**
 * LINE's specs model polymorphism the OpenAPI 3.0 way: a base schema (`Message`) carries
 * `discriminator: { propertyName: 'type', mapping: { text: TextMessage, ... } }`, and each subtype inherits
 * with `allOf: [{ $ref: Message }, { ...own properties }]`.
 *
 * Plain JSON Schema ignores `discriminator`, so validating against `Message` would check only the base
 * properties; Ajv's `discriminator` option requires `oneOf` in the base, which LINE's specs do not use (and a
 * `oneOf` there would recurse, since each subtype refers back to the base). So we rewrite the schemas:
 * - `X__base` is a copy of the base without the discriminator (it does not dispatch);
 * - every `allOf` that inherits from `X` now points at `X__base` (a subtype must not dispatch back to itself);
 * - `X` itself becomes a dispatcher: the discriminator property is required and must be one of the mapping's
 *   keys (an unknown `type` is a 400), and one `if/then` per key applies exactly the mapped subtype, so the
 *   errors point at the real problem (`messages[0].text`) rather than at every alternative.
 */
export function resolveDiscriminators(schemas: Record<string, JsonSchema>, refPrefix: string) {
  const out: Record<string, JsonSchema> = structuredClone(schemas)
  const bases = Object.entries(schemas).filter(([, schema]) => isDiscriminator(schema.discriminator))

  for (const [name, schema] of bases) {
    const { discriminator, ...rest } = schema
    if (!isDiscriminator(discriminator)) {
      continue
    }
    out[`${name}${BASE_SUFFIX}`] = rest
    out[name] = dispatcher(discriminator, refPrefix)
  }

  const baseRefs = new Set(bases.map(([name]) => `${refPrefix}${name}`))
  for (const [name, schema] of Object.entries(out)) {
    if (!name.endsWith(BASE_SUFFIX)) {
      redirectInheritance(schema, baseRefs)
    }
  }
  return out
}

function dispatcher(d: Discriminator, refPrefix: string): JsonSchema {
  const prop = d.propertyName
  const mapping = d.mapping ?? {}
  const keys = Object.keys(mapping)
  return {
    type: 'object',
    required: [prop],
    properties: { [prop]: { type: 'string', enum: keys } },
    allOf: keys.map((key) => ({
      if: { properties: { [prop]: { const: key } }, required: [prop] },
      // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword; this object is never awaited
      then: { $ref: normaliseRef(mapping[key] ?? '', refPrefix) },
    })),
  }
}

// Mapping values may be full refs or bare schema names.
function normaliseRef(target: string, refPrefix: string): string {
  return target.startsWith('#') ? target : `${refPrefix}${target}`
}

function redirectInheritance(schema: JsonSchema, baseRefs: Set<string>): void {
  const allOf = schema.allOf
  if (!Array.isArray(allOf)) {
    return
  }
  for (const part of allOf) {
    if (isObject(part) && typeof part.$ref === 'string' && baseRefs.has(part.$ref)) {
      part.$ref = `${part.$ref}${BASE_SUFFIX}`
    }
  }
}

function isDiscriminator(value: unknown): value is Discriminator {
  return isObject(value) && typeof value.propertyName === 'string'
}

function isObject(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
