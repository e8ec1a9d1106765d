import {
  type CheckInOutcome,
  isFinding,
  VISIT_RESULT_LABELS,
  VISIT_RESULTS,
  type VisitResult,
} from '@contracts/house-watch.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import { canScan, type Fix, scanQr, shrinkPhoto, usePosition } from './device.js'
import { Outcome } from './outcome.js'
import './scan.css'

type Target = { qr: string } | { code: string }

/** The sticker's address opens this page with ?qr=… (a phone's own camera, or LINE's scanner outside this page). */
function targetFromAddress(): Target | null {
  const qr = new URLSearchParams(window.location.search).get('qr')
  return qr ? { qr } : null
}

function GpsLine({ fix, retry }: { fix: Fix; retry: () => void }) {
  const { lang } = useAdmin()
  return (
    <div class={`gps gps-${fix.state}`} role="status">
      <span class="field-label">{t(lang, 'scan.gps')}</span>
      <p>
        {fix.state === 'fix'
          ? t(lang, 'scan.gpsFix', { m: fix.position.accuracy })
          : t(lang, fix.state === 'waiting' ? 'scan.gpsWaiting' : 'scan.gpsNone')}
      </p>
      {fix.state === 'none' ? (
        <button type="button" class="button button-secondary" onClick={retry}>
          {t(lang, 'scan.gpsRetry')}
        </button>
      ) : null}
    </div>
  )
}

function PickPoint({ onPick }: { onPick: (t: Target) => void }) {
  const { lang } = useAdmin()
  const [code, setCode] = useState('')
  const [failed, setFailed] = useState(false)
  const scannable = canScan()
  async function scan() {
    setFailed(false)
    try {
      const value = await scanQr()
      if (value) {
        onPick({ qr: value })
      }
    } catch {
      setFailed(true)
    }
  }
  return (
    <Card>
      <button type="button" class="button button-primary scan-button" disabled={!scannable} onClick={scan}>
        {t(lang, 'scan.button')}
      </button>
      {!scannable ? <p class="hint">{t(lang, 'scan.unavailable')}</p> : null}
      {failed ? <p class="hint scan-failed">{t(lang, 'scan.failed')}</p> : null}
      <form
        class="form scan-code"
        onSubmit={(e) => {
          e.preventDefault()
          if (code.trim()) {
            onPick({ code: code.trim() })
          }
        }}
      >
        <label class="field" for="scan-code">
          <span class="field-label">{t(lang, 'scan.code')}</span>
          <input
            id="scan-code"
            value={code}
            autocomplete="off"
            autocapitalize="characters"
            maxLength={40}
            placeholder="RB-007"
            onInput={(e) => setCode(e.currentTarget.value)}
          />
          <span class="field-hint">{t(lang, 'scan.codeHint')}</span>
        </label>
        <button type="submit" class="button button-secondary" disabled={!code.trim()}>
          {t(lang, 'scan.useCode')}
        </button>
      </form>
    </Card>
  )
}

function VisitForm({
  target,
  fix,
  onDone,
  onChange,
}: {
  target: Target
  fix: Fix
  onDone: (o: CheckInOutcome) => void
  onChange: (error: ApiError | null) => void
}) {
  const { lang } = useAdmin()
  const [result, setResult] = useState<VisitResult>('normal')
  const [note, setNote] = useState('')
  const [photo, setPhoto] = useState<{ base64: string; preview: string } | null>(null)
  const [photoBad, setPhotoBad] = useState(false)
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)

  async function submit(e: Event) {
    e.preventDefault()
    setSending(true)
    setError(null)
    try {
      const outcome = await adminApi<CheckInOutcome>('/patrol/check-ins', {
        method: 'POST',
        body: {
          ...target,
          position: fix.state === 'fix' ? fix.position : null,
          result,
          ...(note.trim() ? { note: note.trim() } : {}),
          ...(photo ? { photo: photo.base64 } : {}),
        },
      })
      onDone(outcome)
    } catch (err) {
      const apiError = asApiError(err)
      // The point itself is wrong (unknown, ended, reissued): back to picking one, with the reason.
      if (
        apiError.status === 404 ||
        apiError.status === 409 ||
        apiError.status === 410 ||
        apiError.code === 'qr_invalid'
      ) {
        onChange(apiError)
      } else {
        setError(apiError)
      }
    } finally {
      setSending(false)
    }
  }

  return (
    <Card>
      <p class="scan-target">
        <strong>{'qr' in target ? t(lang, 'scan.scanned') : t(lang, 'scan.typed', { code: target.code })}</strong>
        <button type="button" class="button button-secondary button-small" onClick={() => onChange(null)}>
          {t(lang, 'scan.change')}
        </button>
      </p>
      <form class="form" onSubmit={submit}>
        <fieldset class="field">
          <legend class="field-label">{t(lang, 'scan.result')}</legend>
          <div class="result-chips">
            {VISIT_RESULTS.map((r) => (
              <button
                key={r}
                type="button"
                class={`chip${r === 'normal' ? ' chip-normal' : ''}`}
                aria-pressed={result === r}
                onClick={() => setResult(r)}
              >
                {VISIT_RESULT_LABELS[r][lang]}
              </button>
            ))}
          </div>
        </fieldset>
        {isFinding(result) ? <p class="notice notice-info">{t(lang, 'scan.findingWarn')}</p> : null}
        <label class="field" for="scan-note">
          <span class="field-label">{t(lang, 'scan.note')}</span>
          <textarea
            id="scan-note"
            rows={3}
            maxLength={1000}
            value={note}
            onInput={(e) => setNote(e.currentTarget.value)}
          />
          <span class="field-hint">{t(lang, 'scan.noteHint')}</span>
        </label>
        <div class="field">
          <span class="field-label">{t(lang, 'scan.photo')}</span>
          {photo ? (
            <div class="scan-photo">
              <img src={photo.preview} alt={t(lang, 'scan.photo')} />
              <button type="button" class="button button-secondary" onClick={() => setPhoto(null)}>
                {t(lang, 'scan.photoRemove')}
              </button>
            </div>
          ) : (
            <label class="button button-secondary scan-photo-pick">
              {t(lang, 'scan.photoTake')}
              <input
                type="file"
                accept="image/*"
                capture="environment"
                onChange={(e) => {
                  const file = e.currentTarget.files?.[0]
                  setPhotoBad(false)
                  if (file) {
                    shrinkPhoto(file).then(setPhoto, () => setPhotoBad(true))
                  }
                }}
              />
            </label>
          )}
          <span class="field-hint">{photoBad ? t(lang, 'scan.photoBad') : t(lang, 'scan.photoHint')}</span>
        </div>
        {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
        <button type="submit" class="button button-primary button-block" disabled={sending}>
          {sending ? t(lang, 'common.sending') : t(lang, 'scan.submit')}
        </button>
      </form>
    </Card>
  )
}

/**
 * Patrol check-in (issue #13, point 5; patrol.check_in): scan the sticker with LINE's scanner or type its code, the
 * phone's position with its accuracy, the result (normal or a finding) with a note and a photo, then what was
 * recorded: the point, the distance and whether it was near, and whether it was the same visit as a scan just before.
 */
export function PatrolScanPage() {
  const { lang } = useAdmin()
  const { fix, retry } = usePosition()
  const [target, setTarget] = useState<Target | null>(targetFromAddress)
  const [outcome, setOutcome] = useState<CheckInOutcome | null>(null)
  const [problem, setProblem] = useState<ApiError | null>(null)
  return (
    <Layout title={t(lang, 'scan.title')}>
      {outcome ? (
        <Outcome
          o={outcome}
          onNext={() => {
            setOutcome(null)
            setTarget(null)
          }}
        />
      ) : (
        <>
          <p class="hint">{t(lang, 'scan.intro')}</p>
          <GpsLine fix={fix} retry={retry} />
          {problem ? <ErrorNotice th={problem.th} en={problem.en} reqId={problem.reqId} /> : null}
          {target ? (
            <VisitForm
              key={JSON.stringify(target)}
              target={target}
              fix={fix}
              onDone={setOutcome}
              onChange={(err) => {
                setProblem(err)
                setTarget(null)
              }}
            />
          ) : (
            <PickPoint
              onPick={(t) => {
                setProblem(null)
                setTarget(t)
              }}
            />
          )}
        </>
      )}
    </Layout>
  )
}
