import { Link } from '@shared/lib/router.js'
import { type Language, t, when } from '../lib/i18n.js'
import type { CaseListItem } from '../lib/types.js'
import { KindBadge, OverdueBadge, PinnedBadge, StatusBadge, UrgentBadge } from '../ui/badges.js'
import { ConsultationFlags } from './consultation/inbox-flags.js'

type Props = { lang: Language; item: CaseListItem; fresh: boolean; myId: string }

/** One case in the inbox. The summary and the name are citizen text: rendered as text, never as HTML. */
export function CaseRow({ lang, item, fresh, myId }: Props) {
  const urgent = item.priority === 'urgent'
  const assignee = item.assignee
    ? item.assignee.id === myId
      ? t(lang, 'case.assignedToMe')
      : item.assignee.displayName
    : t(lang, 'case.unassigned')
  return (
    <li class={`case-row${urgent ? ' is-urgent' : ''}${item.pinned ? ' is-pinned' : ''}${fresh ? ' is-fresh' : ''}`}>
      <Link class="case-link" to={`cases/${encodeURIComponent(item.id)}`}>
        <span class="case-top">
          <span class="case-ref">{item.referenceNumber}</span>
          {item.pinned ? <PinnedBadge lang={lang} /> : null}
          {fresh ? <span class="flag flag-new">{t(lang, 'inbox.new')}</span> : null}
          {urgent ? <UrgentBadge lang={lang} /> : null}
          {item.overdue ? <OverdueBadge lang={lang} /> : null}
          <ConsultationFlags lang={lang} item={item} />
        </span>
        <span class="case-badges">
          <KindBadge lang={lang} kind={item.kind} />
          <StatusBadge lang={lang} status={item.status} />
        </span>
        {item.summary ? <span class="case-summary">{item.summary}</span> : null}
        <span class="case-meta">
          {item.citizenName ? <span>{item.citizenName}</span> : null}
          <span class={item.assignee ? '' : 'is-unassigned'}>{assignee}</span>
          <time dateTime={item.createdAt}>{when(lang, item.createdAt)}</time>
        </span>
      </Link>
    </li>
  )
}
