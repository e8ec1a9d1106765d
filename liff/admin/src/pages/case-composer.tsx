import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { LockIcon, SendIcon } from '@shared/ui/icons.js'
import { useEffect, useRef, useState } from 'preact/hooks'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { useCaseAction } from './case-actions.js'

type Mode = 'message' | 'note'

/** Write to the citizen (sent in LINE) or an internal note (never sent): one box, a clear switch between the two. */
type Props = { caseId: string; blocked: boolean; onDone: () => Promise<void> }

export function Composer({ caseId, blocked, onDone }: Props) {
  const { lang } = useAdmin()
  const { busy, error, run } = useCaseAction(onDone)
  const [mode, setMode] = useState<Mode>('message')
  const [text, setText] = useState('')
  const note = mode === 'note'
  const box = useRef<HTMLTextAreaElement>(null)
  // "ติดต่อกลับทาง LINE" on the station group's SOS alert opens the case with ?reply=1: straight to the message box.
  useEffect(() => {
    if (new URLSearchParams(window.location.search).get('reply') === '1') {
      box.current?.scrollIntoView({ block: 'center' })
      box.current?.focus({ preventScroll: true })
    }
  }, [])
  async function submit(e: Event) {
    e.preventDefault()
    const body = text.trim()
    if (!body) {
      return
    }
    const path = `/cases/${encodeURIComponent(caseId)}/${note ? 'notes' : 'messages'}`
    if (await run(path, { body }, t(lang, note ? 'composer.noteSaved' : 'composer.sent'))) {
      setText('')
    }
  }
  return (
    <Card title={t(lang, 'composer.title')}>
      <form class={`form composer${note ? ' composer-note' : ''}`} onSubmit={submit}>
        <fieldset class="segmented">
          <legend class="visually-hidden">{t(lang, 'composer.mode')}</legend>
          {(['message', 'note'] as const).map((m) => (
            <label key={m} class={`segment${mode === m ? ' is-on' : ''}`}>
              <input type="radio" name="composer-mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
              <span>{t(lang, m === 'note' ? 'composer.note' : 'composer.message')}</span>
            </label>
          ))}
        </fieldset>
        <label class="field">
          <span class="field-label">{t(lang, note ? 'composer.noteLabel' : 'composer.messageLabel')}</span>
          <span class="field-hint">
            {note ? <LockIcon /> : null}
            {t(lang, note ? 'composer.noteHint' : 'composer.messageHint')}
          </span>
          <textarea
            ref={box}
            id="reply"
            rows={4}
            maxLength={note ? 4000 : 2000}
            value={text}
            onInput={(e) => setText(e.currentTarget.value)}
          />
        </label>
        {blocked && !note ? <p class="notice notice-warn">{t(lang, 'case.blocked')}</p> : null}
        {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
        <button type="submit" class="button button-primary button-block" disabled={busy || !text.trim()}>
          <SendIcon />
          <span>{t(lang, note ? 'composer.saveNote' : 'composer.send')}</span>
        </button>
      </form>
    </Card>
  )
}
