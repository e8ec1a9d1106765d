import { formatAddress } from '@contracts/lost-documents/address-format.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { currentRoute } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { formatDateTime, type Language } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import type { ReportDetail } from '../lost-document/types.js'
import { type ReportsText, rt } from './texts.js'
import '../lost-document/form.css'
import '../lost-document/form-parts.css'
import './reports.css'

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div class="detail-row">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  )
}

function when(lang: Language, r: ReportDetail) {
  const from = formatDateTime(lang, new Date(r.lostFrom))
  return r.lostTo ? `${from} – ${formatDateTime(lang, new Date(r.lostTo))}` : from
}

/** One report: status, the record when issued, what was reported (numbers masked) and its progress. */
export function ReportDetailPage() {
  const { lang } = useSession()
  const id = currentRoute().split('/')[1] ?? ''
  const [report, setReport] = useState<ReportDetail | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    api<{ report: ReportDetail }>(`/api/liff/my-reports/${encodeURIComponent(id)}`).then(
      (res) => setReport(res.report),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [id])

  const title = report ? rt(lang, 'detailTitle', { ref: report.referenceNumber }) : rt(lang, 'title')
  if (!report) {
    return (
      <Shell lang={lang} title={title} back={{ to: 'my-reports', label: rt(lang, 'title') }}>
        {error ? (
          <ErrorNotice
            th={error.status === 404 ? rt('th', 'notFound') : error.th}
            en={error.status === 404 ? rt('en', 'notFound') : error.en}
            reqId={error.reqId}
          />
        ) : (
          <div class="loading" aria-hidden="true" />
        )}
      </Shell>
    )
  }
  const name = (i: { nameTh: string; nameEn: string }) => (lang === 'th' ? i.nameTh : i.nameEn)
  return (
    <Shell lang={lang} title={title} back={{ to: 'my-reports', label: rt(lang, 'title') }}>
      <Card>
        <p class={`status-badge status-${report.status}`}>{lang === 'th' ? report.statusTh : report.statusEn}</p>
        {report.status === 'awaiting_info' ? <p class="notice notice-info">{rt(lang, 'replyInChat')}</p> : null}
        {report.pdfUrl ? (
          <div class="button-row">
            <a class="button button-primary" href={report.pdfUrl} target="_blank" rel="noopener noreferrer">
              {rt(lang, 'downloadPdf')}
            </a>
          </div>
        ) : null}
        {!report.issued && report.held.some((h) => h.reasonTh) ? (
          <ul class="reasons">
            {report.held.map((h) => (
              <li key={h.position}>
                <strong>{name(h)}</strong>: {lang === 'th' ? h.reasonTh : h.reasonEn}
              </li>
            ))}
          </ul>
        ) : null}
        <dl class="details">
          <Row
            label={rt(lang, 'documents')}
            value={report.items.map((i) => `${name(i)}${i.number ? ` ${i.number}` : ''}`).join('\n')}
          />
          <Row label={rt(lang, 'when')} value={when(lang, report)} />
          <Row label={rt(lang, 'where')} value={report.placeText} />
          <Row label={rt(lang, 'story')} value={report.circumstances} />
          <Row label={rt(lang, 'declarant')} value={report.declarantName} />
          <Row label={rt(lang, 'idNumber')} value={report.idNumber} />
          <Row label={rt(lang, 'phone')} value={report.phone} />
          <Row label={rt(lang, 'address')} value={formatAddress(lang, report.address)} />
        </dl>
      </Card>
      <Card title={rt(lang, 'history')}>
        <ol class="timeline">
          {report.history.map((h, i) => (
            <li key={i}>
              <p class="timeline-when">{formatDateTime(lang, new Date(h.at))}</p>
              <p class="timeline-what">
                {rt(lang, `event.${h.type}` as ReportsText)}
                {h.status ? `: ${lang === 'th' ? h.statusTh : h.statusEn}` : ''}
              </p>
              {h.body ? <p class="timeline-body">{h.body}</p> : null}
              {!h.body && h.media ? <p class="timeline-body">{rt(lang, `media.${h.media}`)}</p> : null}
            </li>
          ))}
        </ol>
      </Card>
    </Shell>
  )
}
