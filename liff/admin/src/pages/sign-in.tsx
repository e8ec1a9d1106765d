import type { ApiError } from '@shared/lib/api.js'
import { closeToChat, type LiffSession } from '@shared/lib/liff.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { LockIcon, StationBadge } from '@shared/ui/icons.js'
import { useEffect, useState } from 'preact/hooks'
import { type Language, t } from '../lib/i18n.js'
import { LanguageButton } from '../ui/layout.js'

export type SignInState =
  | { phase: 'starting' }
  | { phase: 'failed'; error: ApiError }
  | { phase: 'no-access'; canRequestAccess: boolean }
  | { phase: 'pending'; canRequestAccess: boolean }
  | { phase: 'signed-out' }

type Props = {
  state: SignInState
  lang: Language
  setLang: (lang: Language) => void
  liff: LiffSession | null
  onRetry: () => void
  onRequestAccess: (note: string) => Promise<ApiError | null>
}

function AccessRequestForm({ lang, onRequestAccess }: Pick<Props, 'lang' | 'onRequestAccess'>) {
  const [note, setNote] = useState('')
  const [sending, setSending] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  async function submit(e: Event) {
    e.preventDefault()
    setSending(true)
    setError(await onRequestAccess(note.trim()))
    setSending(false)
  }
  return (
    <form class="form" onSubmit={submit}>
      <label class="field">
        <span class="field-label">{t(lang, 'signIn.noteLabel')}</span>
        <span class="field-hint">{t(lang, 'signIn.noteHint')}</span>
        <textarea rows={3} maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </label>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="submit" class="button button-primary button-block" disabled={sending}>
        {sending ? t(lang, 'common.sending') : t(lang, 'signIn.request')}
      </button>
    </form>
  )
}

function Body(props: Props) {
  const { state, lang, liff, onRetry } = props
  switch (state.phase) {
    case 'starting':
      return (
        <div class="signin-wait" role="status">
          <div class="loading" aria-hidden="true" />
          <p>{t(lang, 'signIn.starting')}</p>
        </div>
      )
    case 'failed':
      return <ErrorNotice th={state.error.th} en={state.error.en} reqId={state.error.reqId} onRetry={onRetry} />
    case 'no-access':
      return (
        <Card title={t(lang, 'signIn.noAccessTitle')}>
          <p>{t(lang, 'signIn.noAccessBody')}</p>
          {state.canRequestAccess ? <AccessRequestForm {...props} /> : <p>{t(lang, 'signIn.askAdmin')}</p>}
        </Card>
      )
    case 'pending':
      return (
        <Card title={t(lang, 'signIn.pendingTitle')}>
          <p role="status">{t(lang, 'signIn.pendingBody')}</p>
          <button type="button" class="button button-secondary button-block" onClick={onRetry}>
            {t(lang, 'signIn.checkAgain')}
          </button>
        </Card>
      )
    case 'signed-out':
      return (
        <Card title={t(lang, 'signIn.signedOutTitle')}>
          <p>{t(lang, 'signIn.signedOutBody')}</p>
          <div class="button-row">
            <button type="button" class="button button-primary" onClick={onRetry}>
              {t(lang, 'signIn.signInAgain')}
            </button>
            {liff?.inClient ? (
              <button type="button" class="button button-secondary" onClick={() => closeToChat(liff)}>
                {t(lang, 'signIn.close')}
              </button>
            ) : null}
          </div>
        </Card>
      )
  }
}

/** Before there is a session: signing in with LINE, not an officer yet (request access), pending, signed out. */
export function SignInScreen(props: Props) {
  const { lang, setLang } = props
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = `${t(lang, 'signIn.title')} · ${t(lang, 'app.name')}`
  }, [lang])
  return (
    <div class="signin">
      <header class="signin-header">
        <div class="signin-top">
          <LanguageButton lang={lang} setLang={setLang} />
        </div>
        <StationBadge label={t(lang, 'a11y.badge')} />
        <p class="signin-station">{t(lang, 'app.station')}</p>
      </header>
      <main id="main" class="signin-main">
        <h1 class="page-title signin-title">
          <LockIcon />
          <span>{t(lang, 'signIn.title')}</span>
        </h1>
        <p class="lead">{t(lang, 'signIn.lead')}</p>
        <Body {...props} />
      </main>
    </div>
  )
}
