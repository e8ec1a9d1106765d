import type { ConsultationAnswers } from '@contracts/liff-api.js'
import { Card } from '@shared/ui/card.js'
import { type Language, t } from '../../lib/i18n.js'

/**
 * The topic's common answers, shown before the question as in the chat (issue #12, point 2): the station's, in its
 * order, in the citizen's language; "this answered my question" ends there, "still need an officer" goes on.
 */
export function CommonAnswers(props: {
  lang: Language
  topic: string
  answers: ConsultationAnswers['answers']
  busy: boolean
  onVerdict: (sufficed: boolean) => void
}) {
  const { lang, answers, busy, onVerdict } = props
  return (
    <>
      <p class="lead">{t(lang, 'consultation.answersIntro', { topic: props.topic })}</p>
      {answers.map((a) => (
        <Card key={a.id} title={lang === 'th' ? a.titleTh : a.titleEn}>
          <p class="answer-body">{lang === 'th' ? a.bodyTh : a.bodyEn}</p>
        </Card>
      ))}
      <Card>
        <p>{t(lang, 'consultation.answersPrompt')}</p>
        <div class="button-row">
          <button type="button" class="button button-primary" disabled={busy} onClick={() => onVerdict(true)}>
            {t(lang, 'consultation.sufficed')}
          </button>
          <button type="button" class="button button-secondary" disabled={busy} onClick={() => onVerdict(false)}>
            {t(lang, 'consultation.more')}
          </button>
        </div>
      </Card>
    </>
  )
}
