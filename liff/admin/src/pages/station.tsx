import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../lib/api.js'
import { t, when } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { LineGroup, StationInfo } from '../lib/types.js'
import { Layout } from '../ui/layout.js'
import { StationForm } from './station-form.js'

/** LINE groups the bot is in; the bound one receives new and urgent cases. */
function Groups() {
  const { lang } = useAdmin()
  const notify = useToast()
  const [items, setItems] = useState<LineGroup[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  useEffect(() => {
    adminApi<{ items: LineGroup[] }>('/groups').then(
      (r) => setItems(r.items),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [])
  async function bind(g: LineGroup, bound: boolean) {
    setBusy(g.groupId)
    setError(null)
    try {
      const res = await adminApi<{ group: LineGroup }>(`/groups/${encodeURIComponent(g.groupId)}/binding`, {
        method: 'PUT',
        body: { bound },
      })
      setItems((list) => list?.map((x) => (x.groupId === g.groupId ? { ...x, ...res.group } : x)) ?? null)
      notify(t(lang, bound ? 'groups.bound' : 'groups.unbound', { name: g.name ?? g.groupId }))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(null)
    }
  }
  return (
    <Card title={t(lang, 'groups.title')}>
      <p class="hint">{t(lang, 'groups.hint')}</p>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      {items && items.length === 0 ? <p class="hint">{t(lang, 'groups.none')}</p> : null}
      <ul class="row-list">
        {(items ?? []).map((g) => (
          <li key={g.groupId} class="row-card">
            <p class="row-title">
              {g.name ?? g.groupId}
              {g.bound ? <span class="flag flag-me">{t(lang, 'groups.isBound')}</span> : null}
            </p>
            <p class="hint">
              {g.leftAt
                ? t(lang, 'groups.left', { when: when(lang, g.leftAt) })
                : t(lang, 'groups.joined', { when: when(lang, g.joinedAt) })}
            </p>
            <button
              type="button"
              class={`button ${g.bound ? 'button-secondary' : 'button-primary'}`}
              disabled={busy !== null || (!g.bound && g.leftAt !== null)}
              onClick={() => void bind(g, !g.bound)}
            >
              {t(lang, g.bound ? 'groups.unbind' : 'groups.bind')}
            </button>
          </li>
        ))}
      </ul>
    </Card>
  )
}

/** Admins: what citizens are told about the station, and which LINE group gets the station's alerts. */
export function StationPage() {
  const { lang, can } = useAdmin()
  const [station, setStation] = useState<StationInfo | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    adminApi<{ station: StationInfo }>('/station').then(
      (r) => setStation(r.station),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [])
  return (
    <Layout title={t(lang, 'station.title')}>
      <Card title={t(lang, 'station.info')}>
        {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
        {station ? (
          <StationForm station={station} onSaved={setStation} />
        ) : error ? null : (
          <div class="loading" role="status" aria-label={t(lang, 'common.loading')} />
        )}
      </Card>
      {can('groups.bind') ? <Groups /> : null}
    </Layout>
  )
}
