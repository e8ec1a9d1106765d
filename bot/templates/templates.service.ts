import { and, eq } from 'drizzle-orm'
import type { Tx } from '../../db/client.js'
import { CASE_KINDS, type CaseKind, LANGUAGES, type Language, messageTemplates } from '../../db/schema/index.js'
import { statusesOf } from '../cases/statuses.js'
import { BadRequestError } from '../errors.js'
import { defaultTemplate } from './defaults.js'
import { renderTemplate, templateValues, unknownPlaceholders } from './render.js'

export type TemplateKey = { kind: CaseKind; status: string; language: Language }
export type TemplateItem = TemplateKey & { body: string; isDefault: boolean }

/** LINE takes 5,000 characters per text message; leave room for the officer's message. */
export const MAX_TEMPLATE_LENGTH = 2_000

export function checkTemplateKey(key: TemplateKey) {
  if (!statusesOf(key.kind).includes(key.status)) {
    throw new BadRequestError(`${key.kind} has no status ${key.status}`, 'ไม่มีสถานะนี้สำหรับบริการนี้', {
      statuses: statusesOf(key.kind),
    })
  }
}

export function checkTemplateBody(body: string) {
  const unknown = unknownPlaceholders(body)
  if (unknown.length > 0) {
    throw new BadRequestError(
      `unknown placeholders: ${unknown.map((n) => `{${n}}`).join(', ')}`,
      'มีตัวแทนข้อความที่ระบบไม่รู้จัก',
      { unknown },
    )
  }
}

/**
 * Status messages to citizens: the code defaults (defaults.ts), overridden per station by what its admins saved.
 * The cases side calls `render` inside the transaction that changes the status and writes the outbox row.
 */
export function createTemplates() {
  async function overrides(tx: Tx, stationId: string, kind?: CaseKind) {
    const where = kind
      ? and(eq(messageTemplates.stationId, stationId), eq(messageTemplates.kind, kind))
      : eq(messageTemplates.stationId, stationId)
    const rows = await tx.select().from(messageTemplates).where(where)
    return new Map(rows.map((r) => [`${r.kind}/${r.status}/${r.language}`, r.body]))
  }

  /** Every kind × status × language, each with the text in force and whether it is the code default. */
  async function list(tx: Tx, stationId: string, kind?: CaseKind): Promise<TemplateItem[]> {
    const saved = await overrides(tx, stationId, kind)
    const items: TemplateItem[] = []
    for (const k of kind ? [kind] : CASE_KINDS) {
      for (const status of statusesOf(k)) {
        for (const language of LANGUAGES) {
          const body = saved.get(`${k}/${status}/${language}`)
          items.push({
            kind: k,
            status,
            language,
            body: body ?? defaultTemplate(k, status, language),
            isDefault: !body,
          })
        }
      }
    }
    return items
  }

  async function get(tx: Tx, stationId: string, key: TemplateKey): Promise<TemplateItem> {
    const [row] = await tx
      .select({ body: messageTemplates.body })
      .from(messageTemplates)
      .where(
        and(
          eq(messageTemplates.stationId, stationId),
          eq(messageTemplates.kind, key.kind),
          eq(messageTemplates.status, key.status),
          eq(messageTemplates.language, key.language),
        ),
      )
      .limit(1)
    return { ...key, body: row?.body ?? defaultTemplate(key.kind, key.status, key.language), isDefault: !row }
  }

  /** Saves the station's text; `null` goes back to the code default. Returns the text now in force. */
  async function save(tx: Tx, args: { stationId: string; key: TemplateKey; body: string | null; updatedBy: string }) {
    checkTemplateKey(args.key)
    const before = await get(tx, args.stationId, args.key)
    const match = and(
      eq(messageTemplates.stationId, args.stationId),
      eq(messageTemplates.kind, args.key.kind),
      eq(messageTemplates.status, args.key.status),
      eq(messageTemplates.language, args.key.language),
    )
    if (args.body === null) {
      await tx.delete(messageTemplates).where(match)
    } else {
      checkTemplateBody(args.body)
      const values = { stationId: args.stationId, ...args.key, body: args.body, updatedBy: args.updatedBy }
      await tx
        .insert(messageTemplates)
        .values(values)
        .onConflictDoUpdate({
          target: [
            messageTemplates.stationId,
            messageTemplates.kind,
            messageTemplates.status,
            messageTemplates.language,
          ],
          set: { body: args.body, updatedBy: args.updatedBy, updatedAt: new Date() },
        })
    }
    return { before, after: await get(tx, args.stationId, args.key) }
  }

  /** The message a citizen gets for a status change, in their language. */
  async function render(
    tx: Tx,
    input: TemplateKey & {
      station: { id: string; nameTh: string; nameEn: string }
      reference: string
      message?: string | undefined
      at?: Date | undefined
    },
  ): Promise<string> {
    const { body } = await get(tx, input.station.id, input)
    return renderTemplate(body, templateValues(input))
  }

  return { list, get, save, render }
}
export type Templates = ReturnType<typeof createTemplates>

/**
 * The templates as the cases side's `StatusMessage` ((input, tx) => text): the station's text for the status, or the
 * default, filled in. Structural, so bot/cases needs no import from here.
 */
export function createStatusMessage(templates: Pick<Templates, 'render'> = createTemplates()) {
  return (input: Parameters<Templates['render']>[1], tx: Tx): Promise<string> => templates.render(tx, input)
}
