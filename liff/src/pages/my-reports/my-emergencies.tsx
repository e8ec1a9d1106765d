import type { MyEmergency } from '@contracts/liff-api.js'
import { Card } from '@shared/ui/card.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { rt } from './texts.js'

type Emergency = MyEmergency

/** The citizen's SOS cases under "my reports": number, status, when (nothing shown when there are none). */
export function MyEmergencies() {
  const { lang } = useSession()
  const [items, setItems] = useState<Emergency[]>([])
  useEffect(() => {
    api<{ items: Emergency[] }>('/api/liff/my-emergencies').then(
      (res) => setItems(res.items),
      () => setItems([]), // the lost-document list above says if the API is down
    )
  }, [])
  if (items.length === 0) {
    return null
  }
  return (
    <Card title={rt(lang, 'emergencies')}>
      <p class="hint">{rt(lang, 'emergenciesHint')}</p>
      <ul class="emergency-list">
        {items.map((e) => (
          <li key={e.id} class="emergency-row" data-testid="emergency-row">
            <span class="emergency-ref">{e.referenceNumber}</span>
            <span class={`status-badge status-${e.status}`}>{lang === 'th' ? e.statusTh : e.statusEn}</span>
            <span class="action-hint">
              {rt(lang, 'reported', { date: formatDateTime(lang, new Date(e.createdAt)) })}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  )
}
