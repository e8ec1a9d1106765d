import { EVIDENCE_ACCEPT } from '@contracts/cameras-evidence.js'
import { type ApiError, apiErrorFrom, asApiError, networkError } from '@shared/lib/api.js'
import { createTranslator } from '@shared/lib/i18n.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useCallback, useEffect, useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { type Language, when } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { CaseEvent } from '../lib/types.js'
import './case-evidence.css'

const th = {
  title: 'หลักฐานจากกล้อง',
  empty: 'ยังไม่มีไฟล์หลักฐาน',
  hint: 'ไฟล์เป็นข้อมูลส่วนบุคคลของบุคคลอื่น ทุกการเปิดดูและส่งออกจะถูกบันทึกในลำดับการครอบครองหลักฐาน (chain of custody)',
  view: 'เปิดดู',
  download: 'ดาวน์โหลด',
  export: 'ส่งออกทั้งหมด (zip พร้อมรายการค่า SHA-256)',
  add: 'เพิ่มไฟล์ที่นำมามอบ',
  adding: 'กำลังส่ง…',
  limit: 'ไฟล์ละไม่เกิน {mb} MB: MP4, MOV, JPEG, PNG หรือ ZIP',
  camera: 'กล้อง',
  uploader: 'ผู้ส่ง',
  received: 'รับเมื่อ',
  size: 'ขนาด',
  citizen: 'เจ้าของกล้อง',
  officer: 'เจ้าหน้าที่',
  unknown: 'ไม่ทราบ',
  noCamera: '—',
  'event.received': 'ได้รับไฟล์หลักฐาน ({size})',
  'event.fromOwner': 'ได้รับไฟล์หลักฐานจากเจ้าของกล้อง ({size})',
  'event.viewed': 'เปิดดูไฟล์หลักฐาน',
  'event.exported': 'ส่งออกไฟล์หลักฐาน {count} ไฟล์ (zip)',
}
const en: Record<keyof typeof th, string> = {
  title: 'Camera evidence',
  empty: 'No evidence files yet',
  hint: "Files are third parties' personal data: every view and export is recorded on the chain of custody",
  view: 'View',
  download: 'Download',
  export: 'Export all (zip with a SHA-256 manifest)',
  add: 'Add a file brought to the station',
  adding: 'Sending…',
  limit: 'Up to {mb} MB a file: MP4, MOV, JPEG, PNG or ZIP',
  camera: 'Camera',
  uploader: 'Sent by',
  received: 'Received',
  size: 'Size',
  citizen: 'Camera owner',
  officer: 'Officer',
  unknown: 'Unknown',
  noCamera: '—',
  'event.received': 'Evidence file received ({size})',
  'event.fromOwner': "Evidence file received from the camera's owner ({size})",
  'event.viewed': 'Viewed an evidence file',
  'event.exported': 'Exported {count} evidence files (zip)',
}
const { t: et } = createTranslator({ th, en })

type EvidenceFile = {
  id: string
  fileName: string | null
  contentType: string
  sha256: string
  size: number
  receivedAt: string
  camera: { id: string; code: string; name: string } | null
  footageRequestId: string | null
  uploader: { type: 'citizen' | 'officer' | 'unknown'; name: string | null }
}
type EvidenceList = { referenceNumber: string; maxBytes: number; files: EvidenceFile[] }

const size = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`
const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

/** A custody entry of the case timeline ('evidence': received, viewed, exported), with the file's short hash. */
export function EvidenceEvent({ lang, e }: { lang: Language; e: CaseEvent }) {
  const action = str(e.data?.action) ?? 'received'
  const sha = str(e.data?.sha256)
  const title =
    action === 'exported'
      ? et(lang, 'event.exported', { count: Number(e.data?.count ?? 0) })
      : action === 'viewed'
        ? et(lang, 'event.viewed')
        : et(lang, e.data?.from === 'camera_owner' ? 'event.fromOwner' : 'event.received', {
            size: size(Number(e.data?.size ?? 0)),
          })
  return (
    <>
      <p class="event-title">{title}</p>
      {sha ? (
        <p class="event-sub evidence-sha" title={sha}>
          SHA-256 {sha.slice(0, 16)}…
        </p>
      ) : null}
    </>
  )
}

async function uploadEvidence(caseId: string, file: File): Promise<void> {
  let res: Response
  try {
    res = await fetch(`/api/admin/cases/${encodeURIComponent(caseId)}/evidence`, {
      method: 'POST',
      headers: {
        'content-type': file.type || 'application/octet-stream',
        'x-file-name': encodeURIComponent(file.name),
      },
      body: file,
      credentials: 'same-origin',
    })
  } catch {
    throw networkError()
  }
  if (!res.ok) {
    throw apiErrorFrom(res.status, await res.json().catch(() => null))
  }
}

/**
 * A case's evidence files (issue #15, point 5), for officers with evidence.read: each with its SHA-256, size,
 * sender, time and camera; view or download (each opening is recorded on the timeline), the zip export, and a file
 * an officer adds. Others see nothing of it.
 */
export function CaseEvidence({ caseId, onChange }: { caseId: string; onChange?: () => void }) {
  const { lang, can } = useAdmin()
  const allowed = can('evidence.read')
  const [list, setList] = useState<EvidenceList | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const load = useCallback(async () => {
    try {
      setList(await adminApi<EvidenceList>(`/cases/${encodeURIComponent(caseId)}/evidence`))
      setError(null)
    } catch (err) {
      setError(asApiError(err))
    }
  }, [caseId])
  useEffect(() => {
    if (allowed) {
      void load()
    }
  }, [load, allowed])
  if (!allowed) {
    return null
  }

  async function add(input: HTMLInputElement) {
    const file = input.files?.[0]
    input.value = ''
    if (!file) {
      return
    }
    setBusy(true)
    try {
      await uploadEvidence(caseId, file)
      await load()
      onChange?.()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  const base = `/api/admin/evidence`
  return (
    <Card title={et(lang, 'title')}>
      <div class="evidence" data-evidence={caseId}>
        <p class="hint">{et(lang, 'hint')}</p>
        {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => void load()} /> : null}
        {!list && !error ? <div class="loading" role="status" aria-label="…" /> : null}
        {list && list.files.length === 0 ? <p>{et(lang, 'empty')}</p> : null}
        {list && list.files.length > 0 ? (
          <ul class="evidence-list">
            {list.files.map((f) => (
              <li key={f.id} class="evidence-file">
                <p class="evidence-name">
                  {f.fileName ?? f.contentType} <span class="evidence-type">{f.contentType}</span>
                </p>
                <dl class="evidence-facts">
                  <div>
                    <dt>{et(lang, 'received')}</dt>
                    <dd>{when(lang, f.receivedAt)}</dd>
                  </div>
                  <div>
                    <dt>{et(lang, 'size')}</dt>
                    <dd>{size(f.size)}</dd>
                  </div>
                  <div>
                    <dt>{et(lang, 'camera')}</dt>
                    <dd>{f.camera ? `${f.camera.code} ${f.camera.name}` : et(lang, 'noCamera')}</dd>
                  </div>
                  <div>
                    <dt>{et(lang, 'uploader')}</dt>
                    <dd>
                      {et(lang, f.uploader.type)}
                      {f.uploader.name ? ` · ${f.uploader.name}` : ''}
                    </dd>
                  </div>
                  <div class="evidence-hash-row">
                    <dt>SHA-256</dt>
                    <dd>
                      <code class="evidence-hash">{f.sha256}</code>
                    </dd>
                  </div>
                </dl>
                <p class="evidence-actions">
                  <a
                    class="button button-secondary button-small"
                    href={`${base}/${f.id}/content`}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {et(lang, 'view')}
                  </a>
                  <a class="button button-secondary button-small" href={`${base}/${f.id}/content?download=1`} download>
                    {et(lang, 'download')}
                  </a>
                </p>
              </li>
            ))}
          </ul>
        ) : null}
        <div class="evidence-tools">
          {list && list.files.length > 0 ? (
            <a
              class="button button-primary"
              href={`/api/admin/cases/${encodeURIComponent(caseId)}/evidence.zip`}
              download
            >
              {et(lang, 'export')}
            </a>
          ) : null}
          <label class={`button button-secondary evidence-add${busy ? ' is-busy' : ''}`}>
            {busy ? et(lang, 'adding') : et(lang, 'add')}
            <input
              type="file"
              accept={EVIDENCE_ACCEPT}
              class="evidence-file-input"
              disabled={busy}
              onChange={(e) => void add(e.target as HTMLInputElement)}
            />
          </label>
          {list ? <p class="hint">{et(lang, 'limit', { mb: Math.round(list.maxBytes / 1024 / 1024) })}</p> : null}
        </div>
      </div>
    </Card>
  )
}
