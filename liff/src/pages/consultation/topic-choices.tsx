import type { ConsultationStart } from '@contracts/liff-api.js'
import { CheckIcon } from '@shared/ui/icons.js'
import { type Language, t } from '../../lib/i18n.js'

type Item = ConsultationStart['topics'][number]

/** The station's topics as one choice each, in its order. */
export function TopicChoices(props: {
  lang: Language
  topics: Item[]
  topic: Item['topic'] | null
  onChoose: (topic: Item['topic']) => void
}) {
  const { lang, topics, topic, onChoose } = props
  return (
    <fieldset class="choices">
      <legend class="card-title">{t(lang, 'consultation.topic')}</legend>
      {topics.map((item) => (
        <label key={item.topic} class={`choice${topic === item.topic ? ' choice-selected' : ''}`}>
          <input
            type="radio"
            name="topic"
            value={item.topic}
            checked={topic === item.topic}
            onChange={() => onChoose(item.topic)}
          />
          <span class="choice-label">{lang === 'th' ? item.labelTh : item.labelEn}</span>
          {topic === item.topic ? <CheckIcon /> : null}
        </label>
      ))}
    </fieldset>
  )
}
