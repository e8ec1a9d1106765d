import { duration, type Language, num, t } from '../../lib/i18n.js'
import type { CaseListItem } from '../../lib/types.js'
import { useNow } from './header.js'
import type { InboxItem } from './types.js'
import './composer.css'

/**
 * How long the citizen has been waiting, as the list knows it: since the question while nobody has answered
 * ('waiting'), else since the last change when there is something unread.
 */
function waitingSince(item: InboxItem): string | null {
  if (item.status === 'waiting') {
    return item.createdAt
  }
  return (item.unread ?? 0) > 0 && item.status !== 'closed' ? item.updatedAt : null
}

/** A consultation's row in the inbox: the officer's unread messages and the citizen's waiting time. */
export function ConsultationFlags({ lang, item }: { lang: Language; item: CaseListItem }) {
  return item.kind === 'consultation' ? <Flags lang={lang} row={item} /> : null
}

function Flags({ lang, row }: { lang: Language; row: InboxItem }) {
  const now = useNow()
  const unread = row.unread ?? 0
  const since = waitingSince(row)
  const minutes = since ? Math.max(0, Math.round((now - new Date(since).getTime()) / 60_000)) : null
  return (
    <>
      {unread > 0 ? (
        <span class="flag flag-unread" title={t(lang, 'inbox.unread', { n: num(lang, unread) })}>
          {t(lang, 'con.unread', { n: num(lang, unread) })}
        </span>
      ) : null}
      {minutes !== null ? (
        <span class="flag flag-waiting">{t(lang, 'inbox.waitingFor', { time: duration(lang, minutes) })}</span>
      ) : null}
    </>
  )
}
