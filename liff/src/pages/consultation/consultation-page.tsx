import type { ConsultationAnswers, ConsultationOpened, ConsultationStart } from '@contracts/liff-api.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { closeToChat } from '@shared/lib/liff.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import type { ComponentChildren } from 'preact'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime, type Language, t } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { CommonAnswers } from './common-answers.js'
import { TopicChoices } from './topic-choices.js'
import './consultation.css'

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

/** Where the citizen is: the topic, its common answers, the question, or thanked (the answers sufficed). */
type Step = 'topic' | 'answers' | 'question' | 'thanks'

/**
 * Legal consultation from the LIFF app (issue #12, points 1 and 2): a topic, its common answers first (as in the
 * chat; "this answered my question" ends there, "still need an officer" goes on), then the question. The
 * consultation is the same as one started in the chat, and the conversation with the officer goes on there.
 */
export function ConsultationPage() {
  const { lang, liff } = useSession()
  const [start, setStart] = useState<ConsultationStart | null>(null)
  const [step, setStep] = useState<Step>('topic')
  const [topic, setTopic] = useState<Topic | null>(null)
  const [shown, setShown] = useState<ConsultationAnswers | null>(null)
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

  /** One request at a time, its failure said on the page (the step stays). */
  async function busy(work: () => Promise<void>) {
    setSending(true)
    setError(null)
    try {
      await work()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setSending(false)
    }
  }

  function next(e: Event) {
    e.preventDefault()
    if (!topic) {
      setProblem(t(lang, 'consultation.pickTopic'))
      return
    }
    setProblem(null)
    void busy(async () => {
      const got = await api<ConsultationAnswers>('/api/liff/consultation/answers', { method: 'POST', body: { topic } })
      setShown(got)
      setStep(got.answers.length > 0 ? 'answers' : 'question')
    })
  }

  function verdict(sufficed: boolean) {
    void busy(async () => {
      const body = { outcome: shown?.outcome, sufficed }
      await api('/api/liff/consultation/answers/verdict', { method: 'POST', body })
      setStep(sufficed ? 'thanks' : 'question')
    })
  }

  function send(e: Event) {
    e.preventDefault()
    if (!question.trim()) {
      setProblem(t(lang, 'consultation.typeQuestion'))
      return
    }
    setProblem(null)
    const body = { topic, question, ...(shown?.outcome ? { outcome: shown.outcome } : {}) }
    void busy(async () => setOpened(await api<ConsultationOpened>('/api/liff/consultation', { method: 'POST', body })))
  }

  const back = { to: '', label: t(lang, 'common.home') }
  const label = (item: ConsultationStart['topics'][number]) => (lang === 'th' ? item.labelTh : item.labelEn)
  const chosen = start?.topics.find((i) => i.topic === topic)
  const problemNote = problem ? (
    <p class="field-error" role="alert">
      {problem}
    </p>
  ) : null
  let content: ComponentChildren = null
  if (opened) {
    content = <Done lang={lang} opened={opened} onChat={toChat} />
  } else if (start?.open) {
    content = (
      <Card>
        <p>{t(lang, 'consultation.open', { ref: start.open.referenceNumber })}</p>
        {toChat ? (
          <button type="button" class="button button-primary" onClick={toChat}>
            {t(lang, 'consultation.toChat')}
          </button>
        ) : null}
      </Card>
    )
  } else if (start && step === 'topic') {
    content = (
      <form onSubmit={next} noValidate>
        <Card>
          <TopicChoices lang={lang} topics={start.topics} topic={topic} onChoose={setTopic} />
          <p class="hint">{t(lang, 'consultation.disclaimer')}</p>
          {problemNote}
          <button type="submit" class="button button-primary" disabled={sending}>
            {t(lang, sending ? 'common.loading' : 'consultation.next')}
          </button>
        </Card>
      </form>
    )
  } else if (start && step === 'answers' && shown && chosen) {
    content = (
      <CommonAnswers lang={lang} topic={label(chosen)} answers={shown.answers} busy={sending} onVerdict={verdict} />
    )
  } else if (start && step === 'thanks') {
    content = (
      <Card>
        <p>{t(lang, 'consultation.thanks')}</p>
      </Card>
    )
  } else if (start && step === 'question' && chosen) {
    content = (
      <form onSubmit={send} noValidate>
        <Card>
          <div class="chosen-topic">
            <strong>{t(lang, 'consultation.chosen', { topic: label(chosen) })}</strong>
            <button type="button" class="button button-secondary" onClick={() => setStep('topic')}>
              {t(lang, 'consultation.changeTopic')}
            </button>
          </div>
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
          {problemNote}
          <button type="submit" class="button button-primary" disabled={sending}>
            {t(lang, sending ? 'consultation.sending' : 'consultation.send')}
          </button>
        </Card>
      </form>
    )
  } else if (!error) {
    content = <p class="hint">{t(lang, 'common.loading')}</p>
  }
  return (
    <Shell lang={lang} title={t(lang, 'consultation.title')} back={back}>
      {step === 'topic' && !opened ? <p class="lead">{t(lang, 'consultation.intro')}</p> : null}
      {content}
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
    </Shell>
  )
}
