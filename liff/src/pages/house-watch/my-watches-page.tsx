import { formatDay } from '@contracts/dates.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { ChevronIcon } from '@shared/ui/icons.js'
import { useSession } from '../../lib/session.js'
import { useLoad } from '../../lib/use-load.js'
import { Shell } from '../../ui/shell.js'
import { hw } from './texts.js'
import type { OwnerWatch } from './types.js'
import '../lost-document/form-parts.css'
import './house-watch.css'

/** "My house watches": each with its status, period and visits, newest first; each opens its visit log. */
export function MyWatchesPage() {
  const { lang } = useSession()
  const {
    data: watches,
    error,
    retry,
  } = useLoad('/api/liff/house-watch/mine', (res: { watches: OwnerWatch[] }) => res.watches)

  return (
    <Shell lang={lang} title={hw(lang, 'listTitle')} back={{ to: '' }}>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={retry} /> : null}
      {!watches && !error ? <div class="loading" aria-hidden="true" /> : null}
      {watches && watches.length === 0 ? (
        <Card>
          <p>{hw(lang, 'empty')}</p>
          <p class="hint">{hw(lang, 'emptyHint')}</p>
        </Card>
      ) : null}
      {watches && watches.length > 0 ? (
        <ul class="actions watch-list">
          {watches.map((w) => (
            <li key={w.caseId}>
              <Link class="action watch-row" to={`house-watch/${w.caseId}`}>
                <span class="action-text">
                  <span class="action-label">{w.referenceNumber}</span>
                  <span class={`status-badge status-${w.status}`}>{lang === 'th' ? w.statusTh : w.statusEn}</span>
                  <span class="action-hint">
                    {hw(lang, 'periodValue', { from: formatDay(lang, w.startsOn), to: formatDay(lang, w.endsOn) })}
                  </span>
                  <span class="action-hint">
                    {w.visitCount > 0 ? hw(lang, 'visitsCount', { count: w.visitCount }) : hw(lang, 'noVisits')}
                  </span>
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
