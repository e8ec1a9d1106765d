import { FOOTAGE_ANSWERS, type FootageAnswer } from '@contracts/cameras.js'
import { EVIDENCE_ACCEPT, evidenceTooLargeText } from '@contracts/cameras-evidence.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { currentRoute } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime, type Language } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { ft } from './texts.js'
import type { OwnerRequestDetail } from './types.js'
import { uploadFile } from './upload.js'
import '../lost-document/form.css'
import '../lost-document/form-parts.css'
import '../my-reports/reports.css'
import './footage.css'

const mb = (bytes: number) => Math.round(bytes / 1024 / 1024)
const side = (lang: Language) => (lang === 'th' ? 'th' : 'en')

/** The owner's answer: four buttons and an optional note. */
function AnswerForm({
  lang,
  detail,
  onDone,
}: {
  lang: Language
  detail: OwnerRequestDetail
  onDone: (d: OwnerRequestDetail) => void
}) {
  const notify = useToast()
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function answer(a: FootageAnswer) {
    setBusy(true)
    setError(null)
    try {
      const d = await api<OwnerRequestDetail>(`/api/liff/footage-requests/${detail.request.id}/answer`, {
        method: 'POST',
        body: { answer: a, note: note.trim() || null },
      })
      onDone(d)
      notify(ft(lang, 'answered'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <section aria-labelledby="answer-title">
      <h2 id="answer-title" class="section-title">
        {ft(lang, 'answerTitle')}
      </h2>
      <p class="hint">{ft(lang, 'answerHint')}</p>
      <label class="footage-note" for="footage-note">
        {ft(lang, 'note')}
        <textarea
          id="footage-note"
          rows={2}
          maxLength={500}
          value={note}
          onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)}
        />
      </label>
      <div class="footage-answers">
        {FOOTAGE_ANSWERS.map((a) => (
          <button
            key={a}
            type="button"
            class={`button ${a === 'have_it' ? 'button-primary' : 'button-secondary'}`}
            aria-pressed={detail.request.status === a}
            disabled={busy}
            onClick={() => void answer(a)}
          >
            {ft(lang, `answer.${a}`)}
          </button>
        ))}
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </section>
  )
}

/** The upload: the limit stated, the file sent as it is with a progress bar; too large → "bring it to the station". */
function UploadForm({ lang, detail, onDone }: { lang: Language; detail: OwnerRequestDetail; onDone: () => void }) {
  const notify = useToast()
  const { request, upload } = detail
  const [progress, setProgress] = useState<{ name: string; fraction: number } | null>(null)
  const [tooLarge, setTooLarge] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function send(input: HTMLInputElement) {
    const file = input.files?.[0]
    input.value = ''
    if (!file) {
      return
    }
    setError(null)
    setTooLarge(file.size > upload.maxBytes)
    if (file.size > upload.maxBytes) {
      return
    }
    setProgress({ name: file.name, fraction: 0 })
    try {
      await uploadFile(`/api/liff/footage-requests/${request.id}/files`, file, (fraction) =>
        setProgress({ name: file.name, fraction }),
      )
      notify(ft(lang, 'sent'))
      onDone()
    } catch (err) {
      const e = asApiError(err)
      setTooLarge(e.status === 413)
      setError(e.status === 413 ? null : e)
    } finally {
      setProgress(null)
    }
  }
  const big = evidenceTooLargeText(request.referenceNumber, mb(upload.maxBytes))
  return (
    <section aria-labelledby="upload-title">
      <h2 id="upload-title" class="section-title">
        {ft(lang, 'uploadTitle')}
      </h2>
      <p class="footage-limit">{ft(lang, 'uploadLimit', { mb: mb(upload.maxBytes) })}</p>
      <p class="hint">{ft(lang, 'uploadHint')}</p>
      <label class={`button button-primary button-wide footage-choose${progress ? ' is-busy' : ''}`}>
        {ft(lang, 'choose')}
        <input
          type="file"
          accept={EVIDENCE_ACCEPT}
          class="footage-file-input"
          disabled={progress !== null}
          onChange={(e) => void send(e.target as HTMLInputElement)}
        />
      </label>
      {progress ? (
        <div class="footage-progress" role="status">
          <p>{ft(lang, 'sending', { name: progress.name, pct: Math.round(progress.fraction * 100) })}</p>
          <progress max={100} value={Math.round(progress.fraction * 100)} />
        </div>
      ) : null}
      {tooLarge ? (
        <div class="notice notice-error" role="alert">
          <p>{big.th}</p>
          <p lang="en">{big.en}</p>
        </div>
      ) : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="notice notice-info footage-big">
        <p>
          <strong>{ft(lang, 'bigTitle')}</strong> {ft(lang, 'bigHint', { ref: request.referenceNumber })}
        </p>
      </div>
    </section>
  )
}

/**
 * A footage request addressed to the citizen's camera (issue #15, point 4; the LINE message links here,
 * `/footage/<id>`): the case's reference, camera, time window (BE), what is asked and by when; the answer; the upload.
 */
export function FootagePage() {
  const { lang } = useSession()
  const id = currentRoute().split('/')[1] ?? ''
  const [detail, setDetail] = useState<OwnerRequestDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    api<OwnerRequestDetail>(`/api/liff/footage-requests/${encodeURIComponent(id)}`).then(setDetail, (err: unknown) =>
      setError(asApiError(err)),
    )
  }, [id, attempt])

  const back = { to: 'footage', label: ft(lang, 'listTitle') }
  if (!detail) {
    const missing = error && (error.status === 404 || error.status === 400)
    return (
      <Shell lang={lang} title={ft(lang, 'listTitle')} back={back}>
        {error ? (
          <ErrorNotice
            th={missing ? ft('th', 'notFound') : error.th}
            en={missing ? ft('en', 'notFound') : error.en}
            reqId={error.reqId}
            onRetry={missing ? undefined : () => setAttempt((n) => n + 1)}
          />
        ) : (
          <div class="loading" aria-hidden="true" />
        )}
      </Shell>
    )
  }
  const r = detail.request
  return (
    <Shell lang={lang} title={ft(lang, 'detailTitle', { ref: r.referenceNumber })} back={back}>
      <div class="footage-layout">
        <Card>
          <p class={`status-badge footage-${r.status}`}>{lang === 'th' ? r.statusTh : r.statusEn}</p>
          <dl class="details">
            <div class="detail-row">
              <dt>{ft(lang, 'reference')}</dt>
              <dd class="footage-ref">{r.referenceNumber}</dd>
            </div>
            <div class="detail-row">
              <dt>{ft(lang, 'camera')}</dt>
              <dd>
                {r.camera.name} ({r.camera.code})
                {r.camera.covers ? <span class="hint"> · {r.camera.covers}</span> : null}
              </dd>
            </div>
            <div class="detail-row">
              <dt>{ft(lang, 'window')}</dt>
              <dd>{r.window[side(lang)]}</dd>
            </div>
            <div class="detail-row">
              <dt>{ft(lang, 'ask')}</dt>
              <dd>{r.ask}</dd>
            </div>
            <div class="detail-row">
              <dt>{ft(lang, 'deadline')}</dt>
              <dd>
                {r.deadline[side(lang)]}
                {r.overdue ? <span class="footage-overdue"> · {ft(lang, 'overdue')}</span> : null}
              </dd>
            </div>
            {r.answerNote ? (
              <div class="detail-row">
                <dt>{ft(lang, 'yourNote')}</dt>
                <dd>{r.answerNote}</dd>
              </div>
            ) : null}
          </dl>
        </Card>
        <div>
          {r.canAnswer ? (
            <Card>
              <AnswerForm lang={lang} detail={detail} onDone={setDetail} />
            </Card>
          ) : null}
          {r.canUpload ? (
            <Card>
              <UploadForm lang={lang} detail={detail} onDone={() => setAttempt((n) => n + 1)} />
            </Card>
          ) : (
            <Card>
              <p>{ft(lang, 'closed')}</p>
            </Card>
          )}
          {r.files.length > 0 ? (
            <Card title={ft(lang, 'filesTitle')}>
              <ul class="footage-files">
                {r.files.map((f) => (
                  <li key={f.id}>
                    <span>
                      {ft(lang, 'received', { date: formatDateTime(lang, new Date(f.receivedAt)) })} ·{' '}
                      {(f.size / 1024 / 1024).toFixed(1)} MB
                    </span>
                    <code class="footage-hash" title={f.sha256}>
                      {ft(lang, 'hash')} {f.sha256}
                    </code>
                  </li>
                ))}
              </ul>
            </Card>
          ) : null}
        </div>
      </div>
    </Shell>
  )
}
