import { useState } from 'preact/hooks'
import { ApiError, api, asApiError } from '../../lib/api.js'
import { tBoth } from '../../lib/i18n.js'
import { getIdToken } from '../../lib/liff.js'
import { useSession } from '../../lib/session.js'
import { Dialog } from '../../ui/dialog.js'
import { Card, ErrorNotice } from '../../ui/shell.js'
import { useToast } from '../../ui/toast.js'
import { rt } from './texts.js'

type Deletion = { dueBy: string; messageTh: string; messageEn: string }

/** PDPA: a copy of everything (a JSON file) and a deletion request, answered by the station within 30 days. */
export function MyData() {
  const { lang } = useSession()
  const notify = useToast()
  const [busy, setBusy] = useState(false)
  const [asking, setAsking] = useState(false)
  const [deletion, setDeletion] = useState<Deletion | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  async function download() {
    setBusy(true)
    setError(null)
    try {
      // A file download needs the bytes; the ID token goes in the header as for every API call.
      const res = await fetch('/api/liff/me/export', {
        headers: { authorization: `Bearer ${getIdToken() ?? ''}` },
        cache: 'no-store',
      })
      if (!res.ok) {
        const body = (await res.json().catch(() => undefined)) as
          | { error?: { code?: string; message?: string; messageTh?: string }; reqId?: string }
          | undefined
        const fallback = tBoth('error.server')
        throw new ApiError(
          res.status,
          body?.error?.code ?? 'http_error',
          body?.error?.messageTh ?? fallback.th,
          body?.error?.message ?? fallback.en,
          body?.reqId,
        )
      }
      const url = URL.createObjectURL(await res.blob())
      const a = document.createElement('a')
      a.href = url
      a.download = 'my-data.json'
      a.click()
      setTimeout(() => URL.revokeObjectURL(url), 10_000)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  async function requestDeletion() {
    setAsking(false)
    setError(null)
    try {
      const res = await api<Deletion>('/api/liff/me/deletion-request', { method: 'POST', body: {} })
      setDeletion(res)
      notify(lang === 'th' ? res.messageTh : res.messageEn)
    } catch (err) {
      setError(asApiError(err))
    }
  }

  return (
    <Card title={rt(lang, 'myData')}>
      <p class="hint">{rt(lang, 'myDataHint')}</p>
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={download} disabled={busy}>
          {rt(lang, busy ? 'exporting' : 'export')}
        </button>
        <button type="button" class="button button-secondary" onClick={() => setAsking(true)}>
          {rt(lang, 'deletion')}
        </button>
      </div>
      {deletion ? (
        <p class="notice" role="status">
          {lang === 'th' ? deletion.messageTh : deletion.messageEn}
        </p>
      ) : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <Dialog open={asking} title={rt(lang, 'deletion')} onClose={() => setAsking(false)}>
        <p>{rt(lang, 'deletionAsk')}</p>
        <div class="button-row">
          <button type="button" class="button button-primary" onClick={requestDeletion}>
            {rt(lang, 'deletionConfirm')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => setAsking(false)}>
            {rt(lang, 'cancel')}
          </button>
        </div>
      </Dialog>
    </Card>
  )
}
