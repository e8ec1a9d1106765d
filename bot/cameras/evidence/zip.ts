import { Readable } from 'node:stream'
import { strToU8, Zip, ZipPassThrough } from 'fflate'
import { formatDateTime } from '../../contracts/dates.js'
import type { EvidenceExport, EvidenceView } from './evidence.service.js'

const EXTENSIONS: Record<string, string> = {
  'video/mp4': 'mp4',
  'video/quicktime': 'mov',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'application/zip': 'zip',
}

/** The name of a file inside the zip: its number, then its own name (or the type's extension), safe on any disk. */
export function entryName(index: number, f: Pick<EvidenceView, 'fileName' | 'contentType'>): string {
  const ext = EXTENSIONS[f.contentType] ?? 'bin'
  const base = (f.fileName ?? `evidence.${ext}`).replace(/[^\p{L}\p{M}\p{N}._-]+/gu, '_').slice(0, 100)
  const named = /\.[\p{L}\p{N}]{1,5}$/u.test(base) ? base : `${base}.${ext}`
  return `files/${String(index + 1).padStart(3, '0')}-${named}`
}

export type ManifestEntry = {
  file: string
  sha256: string
  size: number
  contentType: string
  camera: string | null
  footageRequestId: string | null
  receivedAt: string
  receivedAtBangkok: string
  uploader: string
}

function uploaderText(f: EvidenceView): string {
  const who = f.uploader.type === 'citizen' ? 'citizen' : f.uploader.type === 'officer' ? 'officer' : 'unknown'
  return f.uploader.name ? `${who}: ${f.uploader.name}` : who
}

export function manifestOf(x: Pick<EvidenceExport, 'referenceNumber' | 'exportedAt' | 'exportedBy' | 'files'>) {
  const entries: ManifestEntry[] = x.files.map((f, i) => ({
    file: entryName(i, f),
    sha256: f.sha256,
    size: f.size,
    contentType: f.contentType,
    camera: f.camera ? `${f.camera.code} ${f.camera.name}` : null,
    footageRequestId: f.footageRequestId,
    receivedAt: f.receivedAt,
    receivedAtBangkok: formatDateTime('th', new Date(f.receivedAt)),
    uploader: uploaderText(f),
  }))
  return {
    case: x.referenceNumber,
    exportedAt: x.exportedAt.toISOString(),
    exportedBy: x.exportedBy,
    algorithm: 'SHA-256 of the bytes as received',
    files: entries,
  }
}

function csvCell(v: string | number | null): string {
  const s = v === null ? '' : String(v)
  // A cell a spreadsheet would run as a formula is quoted with a leading apostrophe.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

export function manifestCsv(entries: ManifestEntry[]): string {
  const head = [
    'file',
    'sha256',
    'size',
    'content_type',
    'camera',
    'footage_request_id',
    'received_at',
    'received_at_bangkok',
    'uploader',
  ]
  const lines = entries.map((e) =>
    [
      e.file,
      e.sha256,
      e.size,
      e.contentType,
      e.camera,
      e.footageRequestId,
      e.receivedAt,
      e.receivedAtBangkok,
      e.uploader,
    ]
      .map(csvCell)
      .join(','),
  )
  // A BOM so that spreadsheet programs read the Thai as UTF-8.
  return `\uFEFF${[head.join(','), ...lines].join('\r\n')}\r\n`
}

/**
 * The export as a zip stream: the files stored as they are (video and pictures are compressed already; the bytes in
 * the zip are the bytes hashed), then manifest.json and manifest.csv. One file's bytes in memory at a time.
 */
export function evidenceZip(x: EvidenceExport): Readable {
  async function* chunks(): AsyncGenerator<Uint8Array> {
    const out: Uint8Array[] = []
    let failure: Error | null = null
    const zip = new Zip((err, data) => {
      if (err) {
        failure = err
      } else {
        out.push(data)
      }
    })
    const drain = function* () {
      if (failure) {
        throw failure
      }
      yield* out.splice(0, out.length)
    }
    const add = (name: string, bytes: Uint8Array, mtime: Date) => {
      const entry = new ZipPassThrough(name)
      entry.mtime = mtime
      zip.add(entry)
      entry.push(bytes, true)
    }
    const manifest = manifestOf(x)
    for (const [i, f] of x.files.entries()) {
      add(entryName(i, f), await x.bytesOf(f.attachmentId), new Date(f.receivedAt))
      yield* drain()
    }
    add('manifest.json', strToU8(`${JSON.stringify(manifest, null, 2)}\n`), x.exportedAt)
    add('manifest.csv', strToU8(manifestCsv(manifest.files)), x.exportedAt)
    zip.end()
    yield* drain()
  }
  return Readable.from(chunks())
}
