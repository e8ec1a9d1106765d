import { type ApiError, asApiError, isAbort } from '@shared/lib/api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { actorLabel } from '../i18n/actors.js'
import { auditDetailsText } from '../i18n/audit-details.js'
import { actionLabel, fieldLabel, roleLabel, statusLabel } from '../i18n/labels.js'
import { adminApi, query } from '../lib/api.js'
import { dayBoundary, type Language, t, when } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { AuditEntry } from '../lib/types.js'
import { DateField } from '../ui/date-field.js'
import { Layout } from '../ui/layout.js'

type AuditFilters = { action: string; entityType: string; entityId: string; from: string; to: string }
const EMPTY: AuditFilters = { action: '', entityType: '', entityId: '', from: '', to: '' }
/** Suggestions for the action filter; a prefix like `case.*` matches a family. */
const ACTIONS = [
  'auth.*',
  'auth.sign_in',
  'auth.sign_in_failed',
  'case.*',
  'case.view',
  'case.reveal',
  'case.status',
  'case.assign',
  'case.message',
  'officer.*',
  'access_request.*',
  'template.*',
  'station.update',
  'group.*',
  'audit.export',
]

function params(f: AuditFilters) {
  return {
    action: f.action.trim(),
    entityType: f.entityType.trim(),
    entityId: f.entityId.trim(),
    from: f.from ? dayBoundary(f.from, 'start') : undefined,
    to: f.to ? dayBoundary(f.to, 'end') : undefined,
  }
}

function Entry({ lang, e }: { lang: Language; e: AuditEntry }) {
  const status = (v: string) => statusLabel(lang, v)
  const details = auditDetailsText(lang, e.details, {
    field: (v) => fieldLabel(lang, v),
    fields: (v) => fieldLabel(lang, v),
    role: (v) => roleLabel(lang, v),
    status,
    from: status,
    to: status,
  })
  return (
    <li class="row-card audit-row">
      <p class="row-title">
        {e.actionLabel?.[lang] ?? actionLabel(lang, e.action)}
        <code class="audit-code">{e.action}</code>
      </p>
      <p class="audit-meta">
        <time dateTime={e.at}>{when(lang, e.at)}</time>
        <span>{e.officerName ?? actorLabel(lang, e.actor)}</span>
        {e.entityRef ? (
          <Link to={`cases/${encodeURIComponent(e.entityId ?? '')}`}>{e.entityRef}</Link>
        ) : e.entityType ? (
          <span>{`${e.entityType}${e.entityId ? ` · ${e.entityId}` : ''}`}</span>
        ) : null}
        {e.ip ? <span>IP {e.ip}</span> : null}
      </p>
      {details ? <p class="audit-details">{details}</p> : null}
    </li>
  )
}

/** Who did what: filters, pages by cursor, and the same selection as CSV. */
export function AuditPage() {
  const { lang } = useAdmin()
  const [draft, setDraft] = useState<AuditFilters>(EMPTY)
  const [filters, setFilters] = useState<AuditFilters>(EMPTY)
  const [cursors, setCursors] = useState<(string | null)[]>([null])
  const [page, setPage] = useState<{ items: AuditEntry[]; nextCursor: string | null } | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const cursor = cursors.at(-1) ?? null
  useEffect(() => {
    const ctrl = new AbortController()
    setPage(null)
    setError(null)
    adminApi<{ items: AuditEntry[]; nextCursor: string | null }>(
      `/audit${query({ ...params(filters), cursor, limit: 50 })}`,
      { signal: ctrl.signal },
    ).then(setPage, (err: unknown) => !isAbort(err) && setError(asApiError(err)))
    return () => ctrl.abort()
  }, [filters, cursor])
  const field = (key: 'action' | 'entityType' | 'entityId', label: string) => (
    <label class="field">
      <span class="field-label">{label}</span>
      <input
        type="text"
        value={draft[key]}
        list={key === 'action' ? 'audit-actions' : undefined}
        onInput={(e) => setDraft({ ...draft, [key]: e.currentTarget.value })}
      />
    </label>
  )
  return (
    <Layout title={t(lang, 'audit.title')}>
      <Card>
        <form
          class="filter-grid"
          onSubmit={(e) => {
            e.preventDefault()
            setFilters(draft)
            setCursors([null])
          }}
        >
          {field('action', t(lang, 'audit.action'))}
          <datalist id="audit-actions">
            {ACTIONS.map((a) => (
              <option key={a} value={a} />
            ))}
          </datalist>
          {field('entityType', t(lang, 'audit.entityType'))}
          {field('entityId', t(lang, 'audit.entityId'))}
          <DateField
            lang={lang}
            label={t(lang, 'inbox.from')}
            value={draft.from}
            max={draft.to}
            onChange={(from) => setDraft({ ...draft, from })}
          />
          <DateField
            lang={lang}
            label={t(lang, 'inbox.to')}
            value={draft.to}
            min={draft.from}
            onChange={(to) => setDraft({ ...draft, to })}
          />
          <div class="button-row filter-actions">
            <button type="submit" class="button button-primary">
              {t(lang, 'audit.apply')}
            </button>
            <a class="button button-secondary" href={`/api/admin/audit.csv${query(params(filters))}`} download>
              {t(lang, 'audit.csv')}
            </a>
          </div>
        </form>
      </Card>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setFilters({ ...filters })} />
      ) : null}
      {!page && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {page && page.items.length === 0 ? <p class="empty">{t(lang, 'audit.empty')}</p> : null}
      {page && page.items.length > 0 ? (
        <ol class="row-list">
          {page.items.map((e) => (
            <Entry key={e.id} lang={lang} e={e} />
          ))}
        </ol>
      ) : null}
      <nav class="pager" aria-label={t(lang, 'audit.pages')}>
        <button
          type="button"
          class="button button-secondary"
          disabled={cursors.length < 2}
          onClick={() => setCursors(cursors.slice(0, -1))}
        >
          {t(lang, 'audit.prev')}
        </button>
        <span>{t(lang, 'audit.page', { n: cursors.length })}</span>
        <button
          type="button"
          class="button button-secondary"
          disabled={!page?.nextCursor}
          onClick={() => page?.nextCursor && setCursors([...cursors, page.nextCursor])}
        >
          {t(lang, 'audit.next')}
        </button>
      </nav>
    </Layout>
  )
}
