import type { MyConsultation } from '@contracts/liff-api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ChevronIcon } from '@shared/ui/icons.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { ct } from './consultation-texts.js'

/** The citizen's legal consultations under "my reports": number, topic, status, when (nothing when there are none). */
export function MyConsultations() {
  const { lang } = useSession()
  const [items, setItems] = useState<MyConsultation[]>([])
  useEffect(() => {
    api<{ items: MyConsultation[] }>('/api/liff/my-consultations').then(
      (res) => setItems(res.items),
      () => setItems([]), // the lost-document list above says if the API is down
    )
  }, [])
  if (items.length === 0) {
    return null
  }
  return (
    <Card title={ct(lang, 'title')}>
      <p class="hint">{ct(lang, 'hint')}</p>
      <ul class="actions report-list">
        {items.map((c) => (
          <li key={c.id}>
            <Link class="action report-row" to={`my-consultations/${c.id}`}>
              <span class="action-text">
                <span class="action-label">{c.referenceNumber}</span>
                <span class={`status-badge status-${c.status}`}>{lang === 'th' ? c.statusTh : c.statusEn}</span>
                <span class="action-hint">{ct(lang, 'topic', { topic: lang === 'th' ? c.topicTh : c.topicEn })}</span>
                <span class="action-hint">
                  {ct(lang, 'asked', { date: formatDateTime(lang, new Date(c.createdAt)) })}
                </span>
              </span>
              <ChevronIcon />
            </Link>
          </li>
        ))}
      </ul>
    </Card>
  )
}
