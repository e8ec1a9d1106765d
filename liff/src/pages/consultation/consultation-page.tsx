import type { ConsultationOpened, ConsultationStart } from '@contracts/liff-api.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { closeToChat } from '@shared/lib/liff.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { CheckIcon } from '@shared/ui/icons.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime, type Language, t } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'

type Topic = ConsultationStart['topics'][number]['topic']

/** The answer: the number, when to expect an answer, and that the conversation goes on in the chat. */
function Done({ lang, opened, onChat }: { lang: Language; opened: ConsultationOpened; onChat?: () => void }) {
  return (
    <Card title={t(lang, 'consultation.done')}>
      <p class="station-name">{t(lang, 'consultation.ref', { ref: opened.referenceNumber })}</p>
      {opened.outOfHours && opened.opensAt ? (
        <p>{t(lang, 'consultation.closedNow', { when: formatDateTime(lang, new Date(opened.opensAt)) })}</p>
      ) : null}
      {opened.expectedBy ? (
        <p>{t(lang, 'consultation.expect', { when: formatDateTime(lang, new Date(opened.expectedBy)) })}</p>
      ) : null}
      <p class="hint">{t(lang, 'consultation.inChat')}</p>
      {onChat ? (
        <button type="button" class="button button-primary" onClick={onChat}>
          {t(lang, 'consultation.toChat')}
        </button>
      ) : null}
    </Card>
  )
}

/**
 * Legal consultation from the LIFF app (issue #12, point 1): a topic and the question; the consultation is the same
 * as one started in the chat, and the conversation with the officer goes on there.
 */
export function ConsultationPage() {
  const { lang, liff } = useSession()
  const [start, setStart] = useState<ConsultationStart | null>(null)
  const [topic, setTopic] = useState<Topic | null>(null)
  const [question, setQuestion] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const [sending, setSending] = useState(false)
  const [opened, setOpened] = useState<ConsultationOpened | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  const toChat = liff.inClient ? () => closeToChat(liff) : undefined

  useEffect(() => {
    setError(null)
    api<ConsultationStart>('/api/liff/consultation').then(setStart, (err: unknown) => setError(asApiError(err)))
  }, [attempt])

  async function send(e: Event) {
    e.preventDefault()
    if (!topic) {
      setProblem(t(lang, 'consultation.pickTopic'))
      return
    }
    if (!question.trim()) {
      setProblem(t(lang, 'consultation.typeQuestion'))
      return
    }
    setProblem(null)
    setSending(true)
    setError(null)
    try {
      setOpened(await api<ConsultationOpened>('/api/liff/consultation', { method: 'POST', body: { topic, question } }))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setSending(false)
    }
  }

  const back = { to: '', label: t(lang, 'common.home') }
  if (opened) {
    return (
      <Shell lang={lang} title={t(lang, 'consultation.title')} back={back}>
        <Done lang={lang} opened={opened} onChat={toChat} />
      </Shell>
    )
  }
  return (
    <Shell lang={lang} title={t(lang, 'consultation.title')} back={back}>
      <p class="lead">{t(lang, 'consultation.intro')}</p>
      {start?.open ? (
        <Card>
          <p>{t(lang, 'consultation.open', { ref: start.open.referenceNumber })}</p>
          {toChat ? (
            <button type="button" class="button button-primary" onClick={toChat}>
              {t(lang, 'consultation.toChat')}
            </button>
          ) : null}
        </Card>
      ) : start ? (
        <form onSubmit={(e) => void send(e)} noValidate>
          <Card>
            <fieldset class="choices">
              <legend class="card-title">{t(lang, 'consultation.topic')}</legend>
              {start.topics.map((item) => (
                <label key={item.topic} class={`choice${topic === item.topic ? ' choice-selected' : ''}`}>
                  <input
                    type="radio"
                    name="topic"
                    value={item.topic}
                    checked={topic === item.topic}
                    onChange={() => setTopic(item.topic)}
                  />
                  <span class="choice-label">{lang === 'th' ? item.labelTh : item.labelEn}</span>
                  {topic === item.topic ? <CheckIcon /> : null}
                </label>
              ))}
            </fieldset>
            <div class="field">
              <label class="field-label" for="question">
                {t(lang, 'consultation.question')}
              </label>
              <p class="field-hint" id="question-hint">
                {t(lang, 'consultation.questionHint')}
              </p>
              <textarea
                id="question"
                class="input"
                rows={5}
                maxLength={2000}
                aria-describedby="question-hint"
                value={question}
                onInput={(e) => setQuestion((e.currentTarget as HTMLTextAreaElement).value)}
              />
            </div>
            <p class="hint">{t(lang, 'consultation.disclaimer')}</p>
            {problem ? (
              <p class="field-error" role="alert">
                {problem}
              </p>
            ) : null}
            <button type="submit" class="button button-primary" disabled={sending}>
              {t(lang, sending ? 'consultation.sending' : 'consultation.send')}
            </button>
          </Card>
        </form>
      ) : error ? null : (
        <p class="hint">{t(lang, 'common.loading')}</p>
      )}
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
    </Shell>
  )
}
