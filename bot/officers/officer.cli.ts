/**
 * Officers from the command line, for whoever runs the server (first admins, lock-outs):
 *   npm run officer -- add <lineUserId> <role> [displayName] [--station CODE]
 *   npm run officer -- list [--station CODE]
 *   npm run officer -- disable <lineUserId>
 * Uses the same configuration as the server (DATABASE_URL or the embedded PGlite in DATA_DIR); every change is
 * written to the audit log with actor 'cli'.
 */

import { createDb } from '../../db/client.js'
import { runMigrations } from '../../db/migrate.js'
import { DataDirBusyError } from '../../db/pglite-lock.js'
import { OFFICER_ROLES, type Officer, type OfficerRole } from '../../db/schema/index.js'
import { recordAudit } from '../audit/audit.service.js'
import { ConfigError, loadConfig } from '../config.js'
import { AppError } from '../errors.js'
import { createOfficers, DEFAULT_STATION_CODE } from './officers.service.js'
import { createSessions } from './session.service.js'

const USAGE = `usage:
  npm run officer -- add <lineUserId> <role> [displayName] [--station CODE]
  npm run officer -- list [--station CODE]
  npm run officer -- disable <lineUserId>
roles: ${OFFICER_ROLES.join(', ')}`
const LINE_USER_ID = /^U[0-9a-f]{32}$/

class UsageError extends Error {}
class BusyError extends Error {}

/** The server holds the embedded database: what to do instead, Thai first (the one thing a newcomer needs here). */
function busyAdvice(err: DataDirBusyError, config: { publicBaseUrl: string; emulator: boolean }): string {
  const simulator = `${config.publicBaseUrl}/emulator`
  return [
    err.message,
    '',
    'ทำแทนได้ดังนี้:',
    ...(config.emulator ? [`  • เปิดตัวจำลอง ${simulator} เลือกผู้ใช้ แล้วกด "ตั้งเป็นแอดมิน" (ใช้ได้ขณะเซิร์ฟเวอร์รันอยู่)`] : []),
    '  • หยุดเซิร์ฟเวอร์ (Ctrl+C ในหน้าต่างที่รัน npm start) แล้วรันคำสั่งนี้อีกครั้ง',
    '  • หรือใส่ LINE user ID ใน BOOTSTRAP_ADMIN_LINE_USER_IDS แล้วเริ่มเซิร์ฟเวอร์ใหม่',
    'Instead:',
    ...(config.emulator
      ? [`  • open the simulator at ${simulator}, pick the user and press "Make admin" (works while the server runs)`]
      : []),
    '  • stop the server (Ctrl+C where npm start runs), then run this command again',
    '  • or put the LINE user ID in BOOTSTRAP_ADMIN_LINE_USER_IDS and restart the server',
  ].join('\n')
}

function parseArgs(argv: string[]) {
  const positional: string[] = []
  let station = DEFAULT_STATION_CODE
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? ''
    if (arg === '--station') {
      station = argv[++i] ?? ''
    } else if (arg.startsWith('--station=')) {
      station = arg.slice('--station='.length)
    } else {
      positional.push(arg)
    }
  }
  const [command, ...rest] = positional
  return { command, rest, station }
}

/** A plain table: the officer's terminal may not be wide, so only what identifies and matters. */
export function officerTable(rows: Officer[], stationCodes: Map<string, string>): string {
  const header = ['LINE user ID', 'role', 'active', 'station', 'name']
  const body = rows.map((o) => [
    o.lineUserId,
    o.role,
    o.active ? 'yes' : 'no',
    stationCodes.get(o.stationId) ?? '?',
    o.fullName ? `${o.displayName} (${o.fullName})` : o.displayName,
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n')
}

async function main(argv: string[]): Promise<string> {
  const { command, rest, station } = parseArgs(argv)
  if (command !== 'add' && command !== 'list' && command !== 'disable') {
    throw new UsageError(command ? `unknown command "${command}"` : 'no command')
  }
  const [lineUserId, role, ...nameParts] = rest
  if (command !== 'list' && !LINE_USER_ID.test(lineUserId ?? '')) {
    throw new UsageError('lineUserId must look like U followed by 32 hex digits')
  }
  if (command === 'add' && !OFFICER_ROLES.includes(role as OfficerRole)) {
    throw new UsageError(`role must be one of: ${OFFICER_ROLES.join(', ')}`)
  }
  const config = loadConfig()
  let handle: Awaited<ReturnType<typeof createDb>>
  try {
    handle = await createDb({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  } catch (err) {
    if (err instanceof DataDirBusyError) {
      throw new BusyError(busyAdvice(err, { publicBaseUrl: config.publicBaseUrl, emulator: config.line.emulator }))
    }
    throw err
  }
  try {
    await runMigrations(handle)
    const officers = createOfficers({ sessions: createSessions() })
    return await handle.db.transaction(async (tx) => {
      const st = await officers.stationByCode(tx, station)
      const codes = new Map([[st.id, st.code]])
      if (command === 'list') {
        const rows = await officers.listByStation(tx, st.id)
        return rows.length ? officerTable(rows, codes) : `no officers at ${st.code}`
      }
      if (command === 'add') {
        const { officer, created } = await officers.upsert(tx, {
          stationId: st.id,
          lineUserId: lineUserId ?? '',
          displayName: nameParts.join(' ') || 'Officer',
          role: role as OfficerRole,
        })
        const action = created ? 'officer.create' : 'officer.update'
        await recordAudit(tx, {
          actor: 'cli',
          action,
          stationId: st.id,
          entityType: 'officer',
          entityId: officer.id,
          details: { role },
        })
        return `${created ? 'added' : 'updated'}:\n${officerTable([officer], codes)}`
      }
      const { after } = await officers.disableByLineUserId(tx, lineUserId ?? '')
      await recordAudit(tx, {
        actor: 'cli',
        action: 'officer.disable',
        stationId: after.stationId,
        entityType: 'officer',
        entityId: after.id,
      })
      return `disabled (sessions revoked):\n${officerTable([after], new Map([[after.stationId, after.stationId === st.id ? st.code : '?']]))}`
    })
  } finally {
    await handle.close()
  }
}

main(process.argv.slice(2)).then(
  (out) => {
    console.log(out)
  },
  (err: unknown) => {
    if (err instanceof UsageError) {
      console.error(`${err.message}\n\n${USAGE}`)
      process.exitCode = 2
    } else if (err instanceof ConfigError || err instanceof AppError || err instanceof BusyError) {
      console.error(err.message)
      process.exitCode = 1
    } else {
      console.error(err)
      process.exitCode = 1
    }
  },
)
