import type { CameraView } from '@contracts/camera-registry.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { useVerify } from './detail.js'
import { ct } from './texts.js'

/** Citizens' registrations waiting for an officer (cameras.edit): verify, or reject with a reason. */
export function PendingQueue({ version, onChanged }: { version: number; onChanged: () => void }) {
  const { lang } = useAdmin()
  const [items, setItems] = useState<CameraView[] | null>(null)
  const verify = useVerify(onChanged)
  useEffect(() => {
    const ctl = new AbortController()
    adminApi<{ items: CameraView[] }>('/cameras?verification=pending&limit=100', { signal: ctl.signal })
      .then((r) => setItems(r.items))
      .catch(() => {
        if (!ctl.signal.aborted) {
          setItems([])
        }
      })
    return () => ctl.abort()
  }, [version])
  if (!items || items.length === 0) {
    return null
  }
  return (
    <Card title={`${ct(lang, 'queue')} (${items.length})`}>
      {verify.error ? <ErrorNotice th={verify.error.th} en={verify.error.en} /> : null}
      <ul class="row-list">
        {items.map((c) => (
          <li key={c.id} class="row-card">
            <p class="row-title">
              {c.code} · {c.name}
            </p>
            <p class="row-note">
              {c.ownerName ?? '—'} · {c.covers ?? '—'}
              {c.retentionDays !== null ? ` · ${ct(lang, 'retentionValue', { n: c.retentionDays })}` : ''}
            </p>
            <p class="hint">
              {ct(lang, 'registered', { date: when(lang, c.createdAt) })} · {c.latitude.toFixed(5)},{' '}
              {c.longitude.toFixed(5)}
            </p>
            <div class="row-actions">
              <button type="button" class="button" onClick={() => verify.decide(c, 'verify')}>
                {ct(lang, 'verify')}
              </button>
              <button type="button" class="button button-secondary" onClick={() => verify.decide(c, 'reject')}>
                {ct(lang, 'reject')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </Card>
  )
}
