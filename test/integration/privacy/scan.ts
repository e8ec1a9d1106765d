import { eq, sql } from 'drizzle-orm'
import { type Db, queryRows } from '../../../db/client.js'
import { inboundEvents, outboundMessages } from '../../../db/schema/index.js'
import type { Stack } from '../../helpers/stack.js'
import { chatDriver } from '../../unit/lost-documents/chat-driver.js'
import { daysAgo } from '../../unit/lost-documents/fixtures.js'

export type Hit = { table: string; column: string; needle: string }

/**
 * Every text, character, JSON and array column of every table of the public schema (a generic scan of
 * information_schema: a table added tomorrow is scanned too), searched for each needle in plain text.
 */
export async function findPlainText(db: Db, needles: readonly string[]): Promise<Hit[]> {
  const columns = await queryRows<{ table_name: string; column_name: string }>(
    db,
    sql`select c.table_name, c.column_name from information_schema.columns c
        join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
        where c.table_schema = 'public' and t.table_type = 'BASE TABLE'
          and (c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY'))`,
  )
  const hits: Hit[] = []
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const [row] = await queryRows<{ n: number | string }>(
        db,
        sql`select count(*) as n from ${sql.identifier(table)} where ${sql.identifier(column)}::text like ${`%${needle}%`}`,
      )
      if (Number(row?.n ?? 0) > 0) {
        hits.push({ table, column, needle })
      }
    }
  }
  return hits
}

/** How many tables and columns the scan looks at (the scan must not pass by looking at nothing). */
export async function scannedColumns(db: Db): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    db,
    sql`select count(*) as n from information_schema.columns
        where table_schema = 'public' and data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY')`,
  )
  return Number(row?.n ?? 0)
}

/** Until every inbox event is processed and every outbox row has left (the worker runs in the background). */
export async function untilQuiet(s: Stack, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [a] = await s.db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(inboundEvents)
      .where(eq(inboundEvents.status, 'pending'))
    const [b] = await s.db.db
      .select({ n: sql<number>`count(*)::int` })
      .from(outboundMessages)
      .where(eq(outboundMessages.status, 'pending'))
    if (Number(a?.n) === 0 && Number(b?.n) === 0) {
      return
    }
    if (Date.now() > deadline) {
      throw new Error(`still pending: ${a?.n} inbox, ${b?.n} outbox`)
    }
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** A whole lost-document report in the chat, typing the ID number and the phone. Returns the receipt's text. */
export async function reportInChat(
  s: Stack,
  userId: string,
  p: { name: string; id: string; phone: string; story: string },
) {
  const c = chatDriver(s, userId)
  await c.postback('a=ld&x=chat')
  await c.text(p.name)
  await c.postback('a=ld&x=idt&v=thai_id')
  await c.text(p.id)
  await c.postback('a=ld&x=dob', { date: '1980-01-01' })
  await c.text(p.phone)
  for (const a of ['1', 'ข้าม', 'ข้าม', 'ข้าม', 'ข้าม', 'ท่าประดู่', 'เมืองระยอง', 'ระยอง']) {
    await c.text(a)
  }
  await c.text('21000', 2)
  await c.postback('a=ld&x=doc&v=other')
  await c.postback('a=ld&x=more&v=0')
  await c.postback('a=ld&x=at', { datetime: daysAgo(1) }, 2)
  await c.text('ตลาดเทศบาล')
  await c.text(p.story)
  await c.postback('a=ld&x=consent&v=1')
  const receipt = await c.postback('a=ld&x=declare')
  return { chat: c, receipt: receipt.text }
}
