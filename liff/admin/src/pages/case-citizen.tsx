import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { EyeIcon, LockIcon } from '@shared/ui/icons.js'
import { useState } from 'preact/hooks'
import { fieldLabel } from '../i18n/labels.js'
import { adminApi } from '../lib/api.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { CaseDetail } from '../lib/types.js'

/** The server asks for at least 3 characters; a useful reason is a few words. */
const MIN_REASON = 5

type RevealProps = { caseId: string; field: string; onRevealed: (value: string) => void; onClose: () => void }

/** The reason asked before a reveal (the citizen card's fields, a masked timeline entry); the reveal is audited. */
export function RevealForm({ caseId, field, onRevealed, onClose }: RevealProps) {
  const { lang } = useAdmin()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function submit(e: Event) {
    e.preventDefault()
    setBusy(true)
    try {
      const res = await adminApi<{ value: string }>(`/cases/${encodeURIComponent(caseId)}/reveal`, {
        method: 'POST',
        body: { field, reason: reason.trim() },
      })
      onRevealed(res.value)
    } catch (err) {
      setError(asApiError(err))
      setBusy(false)
    }
  }
  return (
    <form class="form" onSubmit={submit}>
      <p class="notice notice-info">
        <LockIcon /> {t(lang, 'reveal.audited')}
      </p>
      <label class="field">
        <span class="field-label">{t(lang, 'reveal.reason')}</span>
        <span class="field-hint">{t(lang, 'reveal.reasonHint')}</span>
        <textarea
          rows={3}
          required
          minLength={MIN_REASON}
          maxLength={500}
          value={reason}
          onInput={(e) => setReason(e.currentTarget.value)}
        />
      </label>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      {reason.trim().length < MIN_REASON ? (
        <p class="field-hint" aria-live="polite">
          {t(lang, 'reveal.reasonShort', { n: MIN_REASON })}
        </p>
      ) : null}
      <div class="button-row button-row-end">
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t(lang, 'common.cancel')}
        </button>
        <button type="submit" class="button button-primary" disabled={busy || reason.trim().length < MIN_REASON}>
          {t(lang, 'reveal.submit')}
        </button>
      </div>
    </form>
  )
}

/** The citizen, masked. Officers whose role may reveal give a reason first; every reveal is audited. */
export function CitizenCard({ c }: { c: CaseDetail }) {
  const { lang, can } = useAdmin()
  const [asking, setAsking] = useState<string | null>(null)
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  const citizen = c.citizen
  const masked: Record<string, string> = citizen?.displayName ? { displayName: citizen.displayName } : {}
  // Fields the report's cards show (under their own labels: a passport number is not a national ID) stay there.
  const elsewhere = new Set((c.sections ?? []).flatMap((s) => s.facts.flatMap((f) => (f.field ? [f.field] : []))))
  const fields = [...new Set([...Object.keys(masked), ...c.revealable])].filter(
    (f) => !elsewhere.has(f) && !/^document(_\d+|Numbers)$/.test(f),
  )
  const mayReveal = can('cases.reveal_pii')
  return (
    <Card title={t(lang, 'case.citizen')}>
      {citizen ? null : <p class="hint">{t(lang, 'case.noCitizen')}</p>}
      {citizen?.followState === 'blocked' ? <p class="notice notice-warn">{t(lang, 'case.blocked')}</p> : null}
      <dl class="facts">
        {fields.map((field) => (
          <div key={field} class="fact-row">
            <dt>{fieldLabel(lang, field)}</dt>
            <dd>
              <span class={revealed[field] ? 'revealed' : 'masked'}>
                {revealed[field] ?? masked[field] ?? '••••••'}
              </span>
              {!revealed[field] && mayReveal && c.revealable.includes(field) ? (
                <button type="button" class="button button-secondary button-small" onClick={() => setAsking(field)}>
                  <EyeIcon />
                  <span>{t(lang, 'reveal.button')}</span>
                  <span class="visually-hidden">{fieldLabel(lang, field)}</span>
                </button>
              ) : null}
            </dd>
          </div>
        ))}
        {citizen ? (
          <div class="fact-row">
            <dt>{t(lang, 'case.citizenLanguage')}</dt>
            <dd>{citizen.language === 'th' ? 'ไทย' : 'English'}</dd>
          </div>
        ) : null}
      </dl>
      <Dialog
        open={asking !== null}
        title={t(lang, 'reveal.title', { field: asking ? fieldLabel(lang, asking) : '' })}
        onClose={() => setAsking(null)}
      >
        {asking ? (
          <RevealForm
            caseId={c.id}
            field={asking}
            onClose={() => setAsking(null)}
            onRevealed={(value) => {
              setRevealed((r) => ({ ...r, [asking]: value }))
              setAsking(null)
            }}
          />
        ) : null}
      </Dialog>
    </Card>
  )
}
