import { closeToChat } from '@shared/lib/liff.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { CheckIcon } from '@shared/ui/icons.js'
import { formatDateTime } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { ft } from './texts.js'
import type { ReportSummary } from './types.js'

/** After sending: the number large, what happens next, the PDF when issued, and the ways on. */
export function Done({ report }: { report: ReportSummary }) {
  const { lang, liff } = useSession()
  const next = report.issued ? 'doneIssued' : report.status === 'visit_station' ? 'doneVisit' : 'doneReview'
  return (
    <>
      <div class="done" role="status">
        <span class="done-icon">
          <CheckIcon />
        </span>
        <p class="done-title">{ft(lang, 'doneTitle')}</p>
      </div>
      <Card>
        <p class="hint">{ft(lang, 'doneNumber')}</p>
        <p class="reference">{report.referenceNumber}</p>
        <p class={`status-badge status-${report.status}`}>{lang === 'th' ? report.statusTh : report.statusEn}</p>
        <p class="hint">{formatDateTime(lang, new Date(report.createdAt))}</p>
        <ul class="plain-list">
          {report.items.map((i) => (
            <li key={i.position}>
              {lang === 'th' ? i.nameTh : i.nameEn}
              {i.number ? ` ${i.number}` : ''}
            </li>
          ))}
        </ul>
        <p>{ft(lang, next)}</p>
        {!report.issued && report.held.length > 0 ? (
          <ul class="reasons">
            {report.held.map((h) => (
              <li key={h.position}>
                <strong>{lang === 'th' ? h.nameTh : h.nameEn}</strong>: {lang === 'th' ? h.reasonTh : h.reasonEn}
              </li>
            ))}
          </ul>
        ) : null}
        <p class="hint">{ft(lang, 'doneChat')}</p>
        <div class="button-row">
          {report.pdfUrl ? (
            <a class="button button-primary" href={report.pdfUrl} target="_blank" rel="noopener noreferrer">
              {ft(lang, 'downloadPdf')}
            </a>
          ) : null}
          <Link class="button button-secondary" to={`my-reports/${report.id}`}>
            {ft(lang, 'myReports')}
          </Link>
          {liff.inClient ? (
            <button type="button" class="button button-secondary" onClick={() => closeToChat(liff)}>
              {ft(lang, 'backToChat')}
            </button>
          ) : null}
        </div>
      </Card>
    </>
  )
}
