import type { CameraImportResult } from '@contracts/camera-registry.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { useAdmin } from '../../lib/session.js'
import { ct } from './texts.js'

/** The CSV import: a file, "import the good rows" or all-or-nothing, then the result with each bad line's reason. */
export function ImportPanel({ onImported }: { onImported: () => void }) {
  const { lang } = useAdmin()
  const [file, setFile] = useState<File | null>(null)
  const [goodRows, setGoodRows] = useState(false)
  const [busy, setBusy] = useState(false)
  const [result, setResult] = useState<CameraImportResult | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  async function run(e: Event) {
    e.preventDefault()
    if (!file) {
      return
    }
    setBusy(true)
    setError(null)
    setResult(null)
    try {
      const csv = await file.text()
      const r = await adminApi<CameraImportResult>('/cameras/import', {
        method: 'POST',
        body: { csv, mode: goodRows ? 'good_rows' : 'all' },
      })
      setResult(r)
      if (r.saved) {
        onImported()
      }
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <form class="form camera-import" onSubmit={run}>
      <p class="field-hint">{ct(lang, 'importHint')}</p>
      <label class="field" for="camera-csv">
        <span class="field-label">{ct(lang, 'importFile')}</span>
        <input
          id="camera-csv"
          type="file"
          accept=".csv,text/csv"
          onChange={(e) => setFile((e.currentTarget as HTMLInputElement).files?.[0] ?? null)}
        />
      </label>
      <label class="check">
        <input type="checkbox" checked={goodRows} onChange={(e) => setGoodRows(e.currentTarget.checked)} />
        <span>
          {ct(lang, 'importGood')}
          <span class="field-hint">{ct(lang, 'importGoodHint')}</span>
        </span>
      </label>
      <div class="button-row-end">
        <button type="submit" class="button" disabled={!file || busy}>
          {ct(lang, busy ? 'importing' : 'importRun')}
        </button>
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} {...(error.reqId ? { reqId: error.reqId } : {})} /> : null}
      {result ? (
        <div class={result.saved ? 'notice-info' : 'notice-warn'} role="status">
          <p>
            {result.saved
              ? ct(lang, 'importDone', { created: result.created, updated: result.updated })
              : ct(lang, 'importNothing', { n: result.problems.length })}
          </p>
          {result.saved && result.problems.length > 0 ? (
            <p>{ct(lang, 'importSkipped', { n: result.problems.length })}</p>
          ) : null}
        </div>
      ) : null}
      {result && result.problems.length > 0 ? (
        <div class="camera-table-wrap">
          <table class="camera-table">
            <thead>
              <tr>
                <th scope="col">{ct(lang, 'line')}</th>
                <th scope="col">{ct(lang, 'code')}</th>
                <th scope="col">{ct(lang, 'reason')}</th>
              </tr>
            </thead>
            <tbody>
              {result.problems.map((p) => (
                <tr key={p.line}>
                  <td>{p.line}</td>
                  <td>{p.code ?? '—'}</td>
                  <td>{lang === 'th' ? p.reasonTh : p.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </form>
  )
}
