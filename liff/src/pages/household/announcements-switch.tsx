import type { MyHousehold } from '@contracts/households.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import type { Language } from '../../lib/i18n.js'
import { hh } from './texts.js'
import './household.css'

/**
 * The settings page's announcements on/off (issue #14: the same switch as "ไม่รับข่าวสาร" / "รับข่าวสาร" in the chat,
 * honoured at once) and the link to "My household".
 */
export function AnnouncementsSwitch({ lang }: { lang: Language }) {
  const notify = useToast()
  const [off, setOff] = useState<boolean | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    api<MyHousehold>('/api/liff/household').then(
      (m) => setOff(m.announcementsOff),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [])
  const toggle = async (on: boolean) => {
    setBusy(true)
    setError(null)
    try {
      const out = await api<{ announcementsOff: boolean }>('/api/liff/announcements', {
        method: 'PUT',
        body: { off: !on },
      })
      setOff(out.announcementsOff)
      notify(hh(lang, out.announcementsOff ? 'switchOff' : 'switchOn'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <Card title={hh(lang, 'switchTitle')}>
      <label class={`hh-switch${off === false ? ' hh-switch-on' : ''}`} for="f-announcements">
        <input
          id="f-announcements"
          type="checkbox"
          role="switch"
          aria-checked={off === false}
          checked={off === false}
          disabled={off === null || busy}
          aria-describedby="announcements-hint"
          onChange={(e) => void toggle((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{hh(lang, 'switchLabel')}</span>
      </label>
      <p id="announcements-hint" class="hint">
        {hh(lang, 'switchHint')}
      </p>
      <Link class="button button-secondary button-wide" to="household">
        {hh(lang, 'myHousehold')}
      </Link>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </Card>
  )
}
