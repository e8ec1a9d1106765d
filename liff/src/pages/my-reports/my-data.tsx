import { type ApiError, apiErrorFrom, asApiError } from '@shared/lib/api.js'
import { getIdToken } from '@shared/lib/liff.js'
import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { useSession } from '../../lib/session.js'
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
        throw apiErrorFrom(res.status, await res.json().catch(() => undefined), 'error.server')
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
