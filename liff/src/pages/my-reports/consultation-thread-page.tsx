import type { MyConsultationThread } from '@contracts/liff-api.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { closeToChat } from '@shared/lib/liff.js'
import { currentRoute } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime, type Language } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { ThreadFiles } from './consultation-files.js'
import { type ConsultationText, ct } from './consultation-texts.js'
import { rt } from './texts.js'
import './reports.css'
import './consultation-thread.css'

type Message = MyConsultationThread['messages'][number]

/** What a message without text was (a photo, a sticker…), as the citizen would call it. */
function mediaLabel(lang: Language, m: Message): string | null {
  if (m.text) {
    return null
  }
  const kind = ['image', 'video', 'audio', 'sticker', 'location'].includes(m.messageType) ? m.messageType : 'file'
  return ct(lang, `media.${kind}` as ConsultationText)
}

function Bubble({ lang, caseId, m }: { lang: Language; caseId: string; m: Message }) {
  const mine = m.from === 'citizen'
  const label = mediaLabel(lang, m)
  return (
    <li class={`bubble ${mine ? 'bubble-mine' : 'bubble-officer'}`}>
      <p class="bubble-who">{mine ? ct(lang, 'you') : (m.officer ?? ct(lang, 'officer'))}</p>
      {m.text ? <p class="bubble-text">{m.text}</p> : null}
      {label && m.files.length === 0 ? <p class="bubble-text bubble-media">{label}</p> : null}
      {m.files.length > 0 ? <ThreadFiles caseId={caseId} files={m.files} lang={lang} /> : null}
      <p class="bubble-when">{formatDateTime(lang, new Date(m.at))}</p>
    </li>
  )
}

/**
 * One of the citizen's consultations, read-only (issue #12): number, topic, status and the thread, both sides in
 * order, officers by rank and name. Answering goes on in the LINE chat, where the officer reads it.
 */
export function ConsultationThreadPage() {
  const { lang, liff } = useSession()
  const id = currentRoute().split('/')[1] ?? ''
  const [thread, setThread] = useState<MyConsultationThread | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    api<MyConsultationThread>(`/api/liff/my-consultations/${encodeURIComponent(id)}`).then(setThread, (err: unknown) =>
      setError(asApiError(err)),
    )
  }, [id])

  const back = { to: 'my-reports', label: rt(lang, 'title') }
  if (!thread) {
    return (
      <Shell lang={lang} title={ct(lang, 'title')} back={back}>
        {error ? (
          <ErrorNotice
            th={error.status === 404 ? ct('th', 'notFound') : error.th}
            en={error.status === 404 ? ct('en', 'notFound') : error.en}
            reqId={error.reqId}
          />
        ) : (
          <div class="loading" aria-hidden="true" />
        )}
      </Shell>
    )
  }
  const c = thread.consultation
  return (
    <Shell lang={lang} title={ct(lang, 'threadTitle', { ref: c.referenceNumber })} back={back}>
      <Card>
        <p class={`status-badge status-${c.status}`}>{lang === 'th' ? c.statusTh : c.statusEn}</p>
        <p class="thread-topic">{ct(lang, 'topic', { topic: lang === 'th' ? c.topicTh : c.topicEn })}</p>
        <p class="hint">{ct(lang, 'asked', { date: formatDateTime(lang, new Date(c.createdAt)) })}</p>
      </Card>
      {thread.messages.length === 0 ? (
        <p class="hint">{ct(lang, 'empty')}</p>
      ) : (
        <ol class="thread" aria-label={ct(lang, 'title')}>
          {thread.messages.map((m) => (
            <Bubble key={m.id} lang={lang} caseId={c.id} m={m} />
          ))}
        </ol>
      )}
      <Card>
        <p class="hint">{ct(lang, 'readOnly')}</p>
        {liff.inClient ? (
          <button type="button" class="button button-primary" onClick={() => closeToChat(liff)}>
            {ct(lang, 'toChat')}
          </button>
        ) : null}
      </Card>
    </Shell>
  )
}
