import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { PrivacyRequest, RefusalGround } from '../lib/types.js'

type Props = { request: PrivacyRequest; grounds: RefusalGround[]; onAnswered: () => void }

/** Erase, after a confirmation that says what goes and what stays: it cannot be undone. */
export function EraseButton({ request, onAnswered }: Omit<Props, 'grounds'>) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [open, setOpen] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function erase() {
    setBusy(true)
    setError(null)
    try {
      const res = await adminApi<{ removed: Record<string, number>; notified: boolean }>(
        `/privacy/requests/${encodeURIComponent(request.id)}/complete`,
        { method: 'POST', body: { confirm: true } },
      )
      const rows = Object.values(res.removed).reduce((a, b) => a + b, 0)
      notify(t(lang, res.notified ? 'privacy.completed' : 'privacy.notNotified', { rows }))
      setOpen(false)
      onAnswered()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" class="button button-danger" onClick={() => setOpen(true)}>
        {t(lang, 'privacy.complete')}
      </button>
      <Dialog open={open} title={t(lang, 'privacy.completeTitle')} onClose={() => setOpen(false)}>
        <p>{t(lang, 'privacy.completeBody')}</p>
        {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
        <div class="button-row button-row-end">
          <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>
            {t(lang, 'common.cancel')}
          </button>
          <button type="button" class="button button-danger" disabled={busy} onClick={() => void erase()}>
            {t(lang, 'privacy.completeConfirm')}
          </button>
        </div>
      </Dialog>
    </>
  )
}

/** Refuse on a legal ground with the officer's own explanation; the citizen receives both in LINE. */
export function RefuseButton({ request, grounds, onAnswered }: Props) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [open, setOpen] = useState(false)
  const [ground, setGround] = useState(grounds[0]?.code ?? '')
  const [explanation, setExplanation] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function submit(e: Event) {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const res = await adminApi<{ notified: boolean }>(`/privacy/requests/${encodeURIComponent(request.id)}/refuse`, {
        method: 'POST',
        body: { ground, explanation: explanation.trim() },
      })
      notify(t(lang, res.notified ? 'privacy.refused' : 'privacy.notNotified'))
      setOpen(false)
      onAnswered()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  const groundId = `ground-${request.id}`
  const textId = `explanation-${request.id}`
  return (
    <>
      <button type="button" class="button button-secondary" onClick={() => setOpen(true)}>
        {t(lang, 'privacy.refuse')}
      </button>
      <Dialog open={open} title={t(lang, 'privacy.refuseTitle')} onClose={() => setOpen(false)}>
        <form class="form" onSubmit={submit}>
          <label class="field" for={groundId}>
            <span class="field-label">{t(lang, 'privacy.ground')}</span>
            <select id={groundId} value={ground} onChange={(e) => setGround(e.currentTarget.value)}>
              {grounds.map((g) => (
                <option key={g.code} value={g.code}>
                  {g[lang]}
                </option>
              ))}
            </select>
          </label>
          <label class="field" for={textId}>
            <span class="field-label">{t(lang, 'privacy.explanation')}</span>
            <span class="field-hint">{t(lang, 'privacy.explanationHint')}</span>
            <textarea
              id={textId}
              rows={4}
              required
              minLength={10}
              maxLength={1000}
              value={explanation}
              onInput={(e) => setExplanation(e.currentTarget.value)}
            />
          </label>
          {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
          <div class="button-row button-row-end">
            <button type="button" class="button button-secondary" onClick={() => setOpen(false)}>
              {t(lang, 'common.cancel')}
            </button>
            <button type="submit" class="button button-primary" disabled={busy || explanation.trim().length < 10}>
              {t(lang, 'privacy.refuseConfirm')}
            </button>
          </div>
        </form>
      </Dialog>
    </>
  )
}
