import { type ApiError, asApiError } from '@shared/lib/api.js'
import { navigate } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { KIND_LABELS } from '../../i18n/labels.js'
import { adminApi } from '../../lib/api.js'
import { t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import type { CaseDetail, Officer } from '../../lib/types.js'
import { ClaimButton, useCaseAction } from '../case-actions.js'

type Props = { c: CaseDetail; closed: boolean; onDone: () => Promise<void> }

const CONVERT_KINDS = ['lost_document', 'sos'] as const

/** Summary (optional) and whether it goes to the citizen: POST /api/admin/consultations/:id/close. */
function CloseForm({ c, onClose, onDone }: { c: CaseDetail; onClose: () => void; onDone: () => Promise<void> }) {
  const { lang } = useAdmin()
  const { busy, error, run } = useCaseAction(onDone)
  const [summary, setSummary] = useState('')
  const [send, setSend] = useState(false)
  return (
    <form
      class="form"
      onSubmit={async (e) => {
        e.preventDefault()
        const body = summary.trim() ? { summary: summary.trim(), sendSummary: send } : {}
        if (await run(`/consultations/${encodeURIComponent(c.id)}/close`, body, t(lang, 'action.closed'))) {
          onClose()
        }
      }}
    >
      <label class="field">
        <span class="field-label">{t(lang, 'action.summary')}</span>
        <span class="field-hint">{t(lang, 'action.summaryHint')}</span>
        <textarea rows={4} maxLength={2000} value={summary} onInput={(e) => setSummary(e.currentTarget.value)} />
      </label>
      <label class="check">
        <input
          type="checkbox"
          checked={send}
          disabled={!summary.trim()}
          onChange={(e) => setSend(e.currentTarget.checked)}
        />
        <span>{t(lang, 'action.sendSummary')}</span>
      </label>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="button-row button-row-end">
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t(lang, 'common.cancel')}
        </button>
        <button type="submit" class="button button-primary" disabled={busy}>
          {t(lang, 'action.closeConfirm')}
        </button>
      </div>
    </form>
  )
}

/** A lost-document report or an SOS case, the thread kept as its history; then the new case opens. */
function ConvertForm({ c, onClose }: { c: CaseDetail; onClose: () => void }) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [kind, setKind] = useState<(typeof CONVERT_KINDS)[number]>('lost_document')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  return (
    <form
      class="form"
      onSubmit={async (e) => {
        e.preventDefault()
        setBusy(true)
        setError(null)
        try {
          const res = await adminApi<{ caseId: string }>(`/consultations/${encodeURIComponent(c.id)}/convert`, {
            method: 'POST',
            body: { kind },
          })
          notify(t(lang, 'action.converted'))
          onClose()
          navigate(`cases/${encodeURIComponent(res.caseId)}`)
        } catch (err) {
          setError(asApiError(err))
          setBusy(false)
        }
      }}
    >
      <p>{t(lang, 'action.convertBody')}</p>
      <fieldset class="segmented">
        <legend class="visually-hidden">{t(lang, 'action.convertTo')}</legend>
        {CONVERT_KINDS.map((k) => (
          <label key={k} class={`segment${kind === k ? ' is-on' : ''}`}>
            <input type="radio" name="convert-kind" checked={kind === k} onChange={() => setKind(k)} />
            <span>{KIND_LABELS[k][lang]}</span>
          </label>
        ))}
      </fieldset>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="button-row button-row-end">
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t(lang, 'common.cancel')}
        </button>
        <button type="submit" class="button button-danger" disabled={busy}>
          {t(lang, 'action.convertConfirm')}
        </button>
      </div>
    </form>
  )
}

/** Hand the consultation to another officer with a note (the existing assign, with `note`). */
function TransferForm({ c, onDone }: { c: CaseDetail; onDone: () => Promise<void> }) {
  const { lang, can } = useAdmin()
  const { busy, error, run } = useCaseAction(onDone)
  const [officers, setOfficers] = useState<Officer[]>([])
  const [pick, setPick] = useState('')
  const [note, setNote] = useState('')
  useEffect(() => {
    if (can('officers.manage')) {
      adminApi<{ items: Officer[] }>('/officers').then(
        (r) => setOfficers(r.items.filter((o) => o.active && o.id !== c.assignee?.id)),
        () => {},
      )
    }
  }, [can, c.assignee?.id])
  if (officers.length === 0) {
    return null
  }
  return (
    <form
      class="form transfer-form"
      onSubmit={async (e) => {
        e.preventDefault()
        const body = note.trim() ? { officerId: pick, note: note.trim() } : { officerId: pick }
        if (pick && (await run(`/cases/${encodeURIComponent(c.id)}/assign`, body, t(lang, 'action.transferred')))) {
          setPick('')
          setNote('')
        }
      }}
    >
      <label class="field">
        <span class="field-label">{t(lang, 'action.transfer')}</span>
        <select value={pick} onChange={(e) => setPick(e.currentTarget.value)}>
          <option value="">{t(lang, 'case.pickOfficer')}</option>
          {officers.map((o) => (
            <option key={o.id} value={o.id}>
              {o.fullName ?? o.displayName}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span class="field-label">{t(lang, 'action.transferNote')}</span>
        <textarea rows={2} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="submit" class="button button-secondary" disabled={busy || !pick}>
        {t(lang, 'action.transferConfirm')}
      </button>
    </form>
  )
}

/** Claim or let go, transfer with a note, close with a summary, turn into another kind of case. */
export function ConsultationActions({ c, closed, onDone }: Props) {
  const { lang, me } = useAdmin()
  const { busy, error, run } = useCaseAction(onDone)
  const [dialog, setDialog] = useState<'close' | 'convert' | null>(null)
  const mine = c.assignee?.id === me.officer.id
  return (
    <Card title={t(lang, 'action.title')}>
      <div class="button-row con-actions">
        <ClaimButton caseId={c.id} mine={mine} busy={busy} run={run} />
        {closed ? null : (
          <>
            <button type="button" class="button button-secondary" onClick={() => setDialog('close')}>
              {t(lang, 'action.close')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => setDialog('convert')}>
              {t(lang, 'action.convert')}
            </button>
          </>
        )}
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <TransferForm c={c} onDone={onDone} />
      <Dialog open={dialog === 'close'} title={t(lang, 'action.closeTitle')} onClose={() => setDialog(null)}>
        {dialog === 'close' ? <CloseForm c={c} onClose={() => setDialog(null)} onDone={onDone} /> : null}
      </Dialog>
      <Dialog open={dialog === 'convert'} title={t(lang, 'action.convertTitle')} onClose={() => setDialog(null)}>
        {dialog === 'convert' ? <ConvertForm c={c} onClose={() => setDialog(null)} /> : null}
      </Dialog>
    </Card>
  )
}
