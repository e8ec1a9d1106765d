import { formatDay } from '@contracts/dates.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import type { Language } from '../../lib/i18n.js'
import { fetchFile, saveBlob } from './files.js'
import { hw } from './texts.js'
import type { WatchDetail } from './types.js'

const days = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/** The sticker PDF (served by the check-in part), saved from a fetch with the owner's token. */
export function StickerButton({ lang, caseId, reference }: { lang: Language; caseId: string; reference: string }) {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function download() {
    setBusy(true)
    setError(null)
    try {
      saveBlob(await fetchFile(`/api/liff/house-watch/${caseId}/sticker.pdf`), `sticker-${reference}.pdf`)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <>
      <button type="button" class="button button-secondary button-wide" onClick={download} disabled={busy}>
        {busy ? hw(lang, 'stickerLoading') : hw(lang, 'sticker')}
      </button>
      <p class="hint">{hw(lang, 'stickerHint')}</p>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </>
  )
}

/** "I'm home" (with a confirmation) and "extend by N days", up to the station's longest watch from today. */
export function WatchActions({
  lang,
  detail,
  onChange,
}: {
  lang: Language
  detail: WatchDetail
  onChange: (d: WatchDetail) => void
}) {
  const { watch } = detail
  const notify = useToast()
  const room = days(watch.endsOn, watch.extendUntil)
  const [asking, setAsking] = useState(false)
  const [extendBy, setExtendBy] = useState(String(Math.min(3, Math.max(room, 1))))
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)

  async function run(path: string, body: unknown, done: (d: WatchDetail) => string) {
    setBusy(true)
    setError(null)
    try {
      const d = await api<WatchDetail>(`/api/liff/house-watch/${watch.caseId}/${path}`, { method: 'POST', body })
      onChange(d)
      notify(done(d))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
      setAsking(false)
    }
  }

  return (
    <>
      <section class="watch-action" aria-labelledby="extend-title">
        <h2 id="extend-title" class="section-title">
          {hw(lang, 'extend')}
        </h2>
        {room > 0 ? (
          <form
            class="extend-form"
            onSubmit={(e) => {
              e.preventDefault()
              const n = Number(extendBy)
              void run('extend', { days: n }, (d) =>
                hw(lang, 'extendDone', { date: formatDay(lang, d.watch.endsOn, 'long') }),
              )
            }}
          >
            <label for="extend-days">{hw(lang, 'extendDays')}</label>
            <div class="extend-row">
              <input
                id="extend-days"
                type="number"
                inputMode="numeric"
                min={1}
                max={room}
                required
                value={extendBy}
                onInput={(e) => setExtendBy((e.target as HTMLInputElement).value)}
              />
              <button type="submit" class="button button-secondary" disabled={busy}>
                {hw(lang, 'extendButton')}
              </button>
            </div>
            <p class="hint">
              {hw(lang, 'extendHint', { date: formatDay(lang, watch.extendUntil, 'long'), max: watch.maxDays })}
            </p>
          </form>
        ) : (
          <p class="hint">{hw(lang, 'extendFull', { date: formatDay(lang, watch.endsOn, 'long') })}</p>
        )}
      </section>
      <section class="watch-action">
        <p class="hint">{hw(lang, 'homeHint')}</p>
        <button type="button" class="button button-primary button-wide" onClick={() => setAsking(true)} disabled={busy}>
          {hw(lang, 'home')}
        </button>
      </section>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <Dialog open={asking} title={hw(lang, 'home')} onClose={() => setAsking(false)}>
        <p>{hw(lang, 'homeAsk', { ref: watch.referenceNumber })}</p>
        <div class="button-row">
          <button
            type="button"
            class="button button-primary"
            disabled={busy}
            onClick={() => run('end', {}, () => hw(lang, 'homeDone'))}
          >
            {hw(lang, 'homeConfirm')}
          </button>
          <button type="button" class="button button-secondary" onClick={() => setAsking(false)}>
            {hw(lang, 'cancel')}
          </button>
        </div>
      </Dialog>
    </>
  )
}
