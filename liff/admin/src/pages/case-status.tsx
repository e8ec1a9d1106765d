import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useState } from 'preact/hooks'
import { statusLabel } from '../i18n/labels.js'
import { t } from '../lib/i18n.js'
import { useStatusPreview } from '../lib/preview.js'
import { useAdmin } from '../lib/session.js'
import type { CaseView } from '../lib/types.js'
import { useCaseAction } from './case-actions.js'

/**
 * Statuses whose message is the citizen's reason or question: the server refuses them without one
 * (bot/lost-documents/review/status-handlers.ts), so the page says so before the officer presses the button.
 */
const MESSAGE_REQUIRED: Record<string, readonly string[]> = {
  lost_document: ['awaiting_info', 'rejected', 'revoked'],
  // A refused house watch tells the owner why (bot/house-watch/enrol/status-handlers.ts).
  house_watch: ['rejected'],
}

/** Only the moves the server allows from here; an optional message, and what the citizen will receive. */
export function StatusCard({ view, onDone }: { view: CaseView; onDone: () => Promise<void> }) {
  const { lang, me, can } = useAdmin()
  const { busy, error, run } = useCaseAction(onDone)
  const preview = useStatusPreview(view.case, me, can('templates.edit'))
  const [status, setStatus] = useState('')
  const [message, setMessage] = useState('')
  const c = view.case
  if (view.allowedStatuses.length === 0) {
    return (
      <Card title={t(lang, 'case.changeStatus')}>
        <p class="hint">{t(lang, 'case.finalStatus')}</p>
      </Card>
    )
  }
  const text = status ? (view.statusPreviews?.[status] ?? preview(status, message)) : null
  const needsMessage = status !== '' && (MESSAGE_REQUIRED[c.kind] ?? []).includes(status)
  const missing = needsMessage && !message.trim()
  const hint = needsMessage
    ? 'case.statusMessageRequiredHint'
    : status
      ? 'case.statusMessageOptional'
      : 'case.statusMessageHint'
  async function submit(e: Event) {
    e.preventDefault()
    const body = message.trim() ? { status, message: message.trim() } : { status }
    if (await run(`/cases/${encodeURIComponent(c.id)}/status`, body, t(lang, 'case.statusChanged'))) {
      setStatus('')
      setMessage('')
    }
  }
  return (
    <Card title={t(lang, 'case.changeStatus')}>
      <form class="form" onSubmit={submit}>
        <fieldset class="choices">
          <legend class="visually-hidden">{t(lang, 'case.newStatus')}</legend>
          {view.allowedStatuses.map((s) => (
            <label key={s} class={`choice${status === s ? ' choice-selected' : ''}`}>
              <input type="radio" name="status" value={s} checked={status === s} onChange={() => setStatus(s)} />
              <span class="choice-label">{statusLabel(lang, s)}</span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span class="field-label">{t(lang, needsMessage ? 'case.statusMessageRequired' : 'case.statusMessage')}</span>
          <span class="field-hint">{t(lang, hint)}</span>
          <textarea
            rows={3}
            maxLength={1000}
            required={needsMessage}
            value={message}
            onInput={(e) => setMessage(e.currentTarget.value)}
          />
        </label>
        {status ? (
          <div class="preview" aria-live="polite">
            <p class="preview-label">
              {t(lang, text ? 'case.citizenWillGet' : 'case.citizenWillGetTemplate', {
                status: statusLabel(lang, status),
              })}
            </p>
            {text ? <p class="bubble">{text}</p> : null}
            {!text && message.trim() ? <p class="bubble">{message.trim()}</p> : null}
          </div>
        ) : null}
        {/* A refusal of what was typed is explained in words; the reference is for server errors only. */}
        {error ? (
          <ErrorNotice th={error.th} en={error.en} reqId={error.status >= 500 ? error.reqId : undefined} />
        ) : null}
        {missing ? <p class="field-hint">{t(lang, 'case.statusMessageMissing')}</p> : null}
        <button type="submit" class="button button-primary button-block" disabled={busy || !status || missing}>
          {t(lang, 'case.applyStatus')}
        </button>
      </form>
    </Card>
  )
}
