import { AlertIcon, ClockIcon } from '@shared/ui/icons.js'
import { DONE_STATUSES, kindLabel, statusLabel } from '../i18n/labels.js'
import { type Language, t } from '../lib/i18n.js'

export function StatusBadge({ lang, status }: { lang: Language; status: string }) {
  return <span class={`status status-${DONE_STATUSES.has(status) ? 'done' : 'open'}`}>{statusLabel(lang, status)}</span>
}

export function KindBadge({ lang, kind }: { lang: Language; kind: string }) {
  return <span class={`kind kind-${kind}`}>{kindLabel(lang, kind)}</span>
}

/** Urgent cases carry a word and an icon, not only a colour. */
export function UrgentBadge({ lang }: { lang: Language }) {
  return (
    <span class="flag flag-urgent">
      <AlertIcon />
      {t(lang, 'case.urgent')}
    </span>
  )
}

/** An SOS case nobody has taken: kept at the top of the inbox until claimed. */
export function PinnedBadge({ lang }: { lang: Language }) {
  return (
    <span class="flag flag-pinned" title={t(lang, 'sos.pinnedHint')}>
      {t(lang, 'sos.pinned')}
    </span>
  )
}

export function OverdueBadge({ lang }: { lang: Language }) {
  return (
    <span class="flag flag-overdue">
      <ClockIcon />
      {t(lang, 'case.overdue')}
    </span>
  )
}
