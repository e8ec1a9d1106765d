import type { ApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { Layout } from '../../ui/layout.js'
import { CitizenCard } from '../case-citizen.js'
import { CaseSummary } from '../case-summary.js'
import type { Names } from '../case-timeline.js'
import { ConsultationActions } from './actions.js'
import { ChatComposer } from './composer.js'
import { ConsultationHeader } from './header.js'
import { ChatThread } from './messages.js'
import type { ConsultationCaseView } from './types.js'
import './consultation.css'

type Props = { view: ConsultationCaseView; error: ApiError | null; reload: () => Promise<void> }

/**
 * A case of kind consultation (issue #12): the conversation as a chat with the answer box under it, what the
 * consultation is about and its timers beside it, and the officer's actions. The case page (case-detail.tsx) loads
 * the case and follows the live stream; this view only shows it and reloads after each action.
 */
export function ConsultationThread({ view, error, reload }: Props) {
  const { lang, me, can } = useAdmin()
  const c = view.case
  const d = view.consultation
  const act = can('cases.act')
  const closed = Boolean(d?.closedAt) || c.status === 'closed'
  const lastEventId = view.events.at(-1)?.id ?? 0

  // Shown is read: the inbox's unread count for this officer drops to what arrives after this moment.
  useEffect(() => {
    if (lastEventId > 0) {
      adminApi(`/cases/${encodeURIComponent(c.id)}/read`, { method: 'POST', body: { lastEventId } }).catch(() => {})
    }
  }, [c.id, lastEventId])

  const names: Names = { [me.officer.id]: t(lang, 'timeline.you') }
  for (const e of view.events) {
    if (e.officer?.displayName) {
      names[e.officer.id] = e.officer.displayName
    }
  }
  if (c.assignee) {
    names[c.assignee.id] = c.assignee.displayName
  }
  return (
    <Layout title={c.referenceNumber} back={{ to: '', label: t(lang, 'nav.inbox') }}>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="case-grid con-grid">
        <div class="case-summary-area">
          {d ? (
            <ConsultationHeader lang={lang} c={c} d={d} myId={me.officer.id} />
          ) : (
            <CaseSummary lang={lang} c={c} myId={me.officer.id} />
          )}
        </div>
        <div class="case-main">
          <Card title={t(lang, 'con.thread')}>
            <ChatThread
              lang={lang}
              events={view.events}
              names={names}
              caseId={c.id}
              attachments={c.attachments}
              unread={d?.unread ?? 0}
            />
            {act ? (
              <ChatComposer
                caseId={c.id}
                blocked={c.citizen?.followState === 'blocked'}
                closed={closed}
                onDone={reload}
              />
            ) : null}
          </Card>
        </div>
        <aside class="case-side" aria-label={t(lang, 'case.actions')}>
          {act ? <ConsultationActions c={c} closed={closed} onDone={reload} /> : null}
          <CitizenCard c={c} />
        </aside>
      </div>
    </Layout>
  )
}
