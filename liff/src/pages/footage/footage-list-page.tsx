import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { ChevronIcon } from '@shared/ui/icons.js'
import { useSession } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'
import { Shell } from '../../ui/shell.js'
import { ft } from './texts.js'
import type { OwnerRequest } from './types.js'
import '../lost-document/form-parts.css'
import './footage.css'

/** "Footage requests for my cameras": open ones first by date, each opens its page (answer, upload). */
export function FootageListPage() {
  const { lang } = useSession()
  const {
    data: requests,
    error,
    retry,
  } = useLoad('/api/liff/footage-requests', (res: { requests: OwnerRequest[] }) => res.requests)

  return (
    <Shell lang={lang} title={ft(lang, 'listTitle')} back={{ to: '' }}>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={retry} /> : null}
      {!requests && !error ? <div class="loading" aria-hidden="true" /> : null}
      {requests && requests.length === 0 ? (
        <Card>
          <p>{ft(lang, 'empty')}</p>
          <p class="hint">{ft(lang, 'emptyHint')}</p>
        </Card>
      ) : null}
      {requests && requests.length > 0 ? (
        <ul class="actions footage-list">
          {requests.map((r) => (
            <li key={r.id}>
              <Link class="action" to={`footage/${r.id}`}>
                <span class="action-text">
                  <span class="action-label">
                    {r.referenceNumber} · {r.camera.name}
                  </span>
                  <span class={`status-badge footage-${r.status}`}>{lang === 'th' ? r.statusTh : r.statusEn}</span>
                  <span class="action-hint">{r.window[lang === 'th' ? 'th' : 'en']}</span>
                  {r.status === 'open' ? (
                    <span class={`action-hint${r.overdue ? ' footage-overdue' : ''}`}>
                      {ft(lang, 'deadline')} {r.deadline[lang === 'th' ? 'th' : 'en']}
                    </span>
                  ) : null}
                </span>
                <ChevronIcon />
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </Shell>
  )
}
