import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { useSession } from '../../lib/session.js'
import { rt } from './texts.js'

type Deletion = { dueBy: string; messageTh: string; messageEn: string }

/**
 * PDPA on "my reports": see everything the OA holds (s.30, the my-data page with its files) and ask for erasure
 * (s.33), answered by the station in LINE within 30 days. The toast says it was sent; the notice says the rest.
 */
export function MyData() {
  const { lang } = useSession()
  const notify = useToast()
  const [asking, setAsking] = useState(false)
  const [deletion, setDeletion] = useState<Deletion | null>(null)
  const [error, setError] = useState<ApiError | null>(null)

  async function requestDeletion() {
    setAsking(false)
    setError(null)
    try {
      const res = await api<Deletion>('/api/liff/me/deletion-request', { method: 'POST', body: {} })
      setDeletion(res)
      notify(rt(lang, 'deletionSent'))
    } catch (err) {
      setError(asApiError(err))
    }
  }

  return (
    <Card title={rt(lang, 'myData')}>
      <p class="hint">{rt(lang, 'myDataHint')}</p>
      <div class="button-row">
        <Link class="button button-secondary" to="my-data">
          {rt(lang, 'export')}
        </Link>
        <button type="button" class="button button-secondary" onClick={() => setAsking(true)}>
          {rt(lang, 'deletion')}
        </button>
      </div>
      {deletion ? (
        <p class="notice notice-info" role="status">
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
