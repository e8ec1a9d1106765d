import { formatDay } from '@contracts/dates.js'
import { closeToChat } from '@shared/lib/liff.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { CheckIcon } from '@shared/ui/icons.js'
import { useSession } from '../../lib/session.js'
import { ht } from './enrol-texts.js'
import type { HwReceipt } from './state.js'

/** After sending: the number large, the period in the Buddhist Era, what happens next, and the ways on. */
export function HwDone({ receipt }: { receipt: HwReceipt }) {
  const { lang, liff } = useSession()
  const from = formatDay(lang, receipt.startsOn, 'long')
  const to = formatDay(lang, receipt.endsOn, 'long')
  return (
    <>
      <div class="done" role="status">
        <span class="done-icon">
          <CheckIcon />
        </span>
        <p class="done-title">{ht(lang, receipt.outcome === 'extended' ? 'doneExtended' : 'doneReceived')}</p>
      </div>
      <Card>
        <p class="hint">{ht(lang, 'doneNumber')}</p>
        <p class="reference">{receipt.referenceNumber}</p>
        <p class="hint">{ht(lang, 'donePeriod')}</p>
        <p>
          <strong>
            {from} – {to}
          </strong>
        </p>
        <p>{receipt.approved ? ht(lang, 'doneApproved', { from }) : ht(lang, 'doneWaiting')}</p>
        <p class="hint">{ht(lang, 'doneChat')}</p>
        <div class="button-row">
          <Link class="button button-primary" to={`house-watch/${receipt.caseId}`}>
            {ht(lang, 'myWatch')}
          </Link>
          {liff.inClient ? (
            <button type="button" class="button button-secondary" onClick={() => closeToChat(liff)}>
              {ht(lang, 'backToChat')}
            </button>
          ) : null}
        </div>
      </Card>
    </>
  )
}
