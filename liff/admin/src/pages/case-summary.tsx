import { Card } from '@shared/ui/card.js'
import { PaperclipIcon } from '@shared/ui/icons.js'
import { MapView } from '@shared/ui/map/index.js'
import { type Language, num, t, when } from '../lib/i18n.js'
import type { AttachmentMeta, CaseDetail } from '../lib/types.js'
import { KindBadge, OverdueBadge, StatusBadge, UrgentBadge } from '../ui/badges.js'

function Attachments({ lang, items }: { lang: Language; items: AttachmentMeta[] }) {
  return (
    <ul class="attachments" aria-label={t(lang, 'case.attachments')}>
      {items.map((a) => {
        const href = `/api/admin/attachments/${encodeURIComponent(a.id)}`
        const name = a.fileName ?? t(lang, 'timeline.attachment')
        return (
          <li key={a.id}>
            <a class="attachment" href={href} download={a.fileName ?? true}>
              {a.contentType.startsWith('image/') ? <img src={href} alt={name} loading="lazy" /> : <PaperclipIcon />}
              <span>{`${name} · ${num(lang, Math.max(1, Math.round(a.size / 1024)))} KB`}</span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}

/** What the case is, when it came, who has it; the summary is citizen text and shown as text. */
export function CaseSummary({ lang, c, myId }: { lang: Language; c: CaseDetail; myId: string }) {
  const assignee = c.assignee
    ? c.assignee.id === myId
      ? t(lang, 'case.assignedToMe')
      : c.assignee.displayName
    : t(lang, 'case.unassigned')
  return (
    <Card>
      <div class="case-badges">
        <KindBadge lang={lang} kind={c.kind} />
        <StatusBadge lang={lang} status={c.status} />
        {c.priority === 'urgent' ? <UrgentBadge lang={lang} /> : null}
        {c.overdue ? <OverdueBadge lang={lang} /> : null}
      </div>
      {c.summary ? <p class="case-detail-summary">{c.summary}</p> : null}
      <dl class="facts">
        <dt>{t(lang, 'case.created')}</dt>
        <dd>{when(lang, c.createdAt)}</dd>
        <dt>{t(lang, 'case.due')}</dt>
        <dd>{when(lang, c.dueAt)}</dd>
        <dt>{t(lang, 'case.assignee')}</dt>
        <dd>{assignee}</dd>
        {c.firstResponseAt ? (
          <>
            <dt>{t(lang, 'case.firstResponse')}</dt>
            <dd>{when(lang, c.firstResponseAt)}</dd>
          </>
        ) : null}
        {c.resolvedAt ? (
          <>
            <dt>{t(lang, 'case.resolved')}</dt>
            <dd>{when(lang, c.resolvedAt)}</dd>
          </>
        ) : null}
      </dl>
      {c.attachments.length > 0 ? <Attachments lang={lang} items={c.attachments} /> : null}
      {c.kind === 'house_watch' && c.location ? (
        // The enrolled house's pin (issue #13): where patrols go and where the QR sticker is.
        <MapView
          lang={lang}
          center={{ lat: c.location.latitude, lng: c.location.longitude }}
          zoom={17}
          markers={[
            { id: c.id, lat: c.location.latitude, lng: c.location.longitude, label: c.referenceNumber, kind: 'house' },
          ]}
          fitToMarkers={false}
          height="240px"
        />
      ) : null}
      {c.location ? (
        <a
          class="button button-secondary"
          href={`https://www.google.com/maps/search/?api=1&query=${c.location.latitude},${c.location.longitude}`}
          target="_blank"
          rel="noopener noreferrer"
        >
          {t(lang, 'case.map')}
        </a>
      ) : null}
    </Card>
  )
}
