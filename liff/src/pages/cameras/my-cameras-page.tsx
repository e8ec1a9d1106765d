import type { MyCamera } from '@contracts/camera-registry.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import type { LatLng } from '@shared/ui/map/index.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import type { Language } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { CameraForm, type Consent } from './camera-form.js'
import { compassName, mc } from './texts.js'
import '../lost-document/form.css'
import '../lost-document/form-parts.css'
import './cameras.css'

type Mine = { cameras: MyCamera[]; consent: Consent; center: LatLng }

function CameraCard(props: { lang: Language; c: MyCamera; onEdit: () => void; onChanged: (c: MyCamera) => void }) {
  const { lang, c } = props
  const notify = useToast()
  const [error, setError] = useState<ApiError | null>(null)
  async function report(status: MyCamera['status']) {
    if (status === 'removed' && !window.confirm(mc(lang, 'removedAsk', { name: c.name }))) {
      return
    }
    setError(null)
    try {
      const r = await api<{ camera: MyCamera }>(`/api/liff/cameras/${c.id}/status`, {
        method: 'POST',
        body: { status },
      })
      notify(mc(lang, 'reported'))
      props.onChanged(r.camera)
    } catch (err) {
      setError(asApiError(err))
    }
  }
  return (
    <li class="card camera-card">
      <p class="camera-card-title">{c.name}</p>
      <p class="camera-card-badges">
        <span class={`camera-badge camera-badge--${c.verification}`}>{mc(lang, `verification.${c.verification}`)}</span>
        <span class={`camera-badge camera-badge--${c.status}`}>{mc(lang, `status.${c.status}`)}</span>
      </p>
      <p class="hint">
        {c.code}
        {c.directionDeg !== null ? ` · ${compassName(lang, c.directionDeg)} ${c.directionDeg}°` : ''}
        {c.retentionDays !== null ? ` · ${mc(lang, 'keeps', { n: c.retentionDays })}` : ''}
      </p>
      {c.covers ? <p>{c.covers}</p> : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="camera-card-actions">
        <button type="button" class="button button-secondary" onClick={props.onEdit}>
          {mc(lang, 'edit')}
        </button>
        {c.status === 'active' ? (
          <button type="button" class="button button-secondary" onClick={() => report('offline')}>
            {mc(lang, 'reportOffline')}
          </button>
        ) : (
          <button type="button" class="button button-secondary" onClick={() => report('active')}>
            {mc(lang, 'reportActive')}
          </button>
        )}
        {c.status !== 'removed' ? (
          <button type="button" class="button button-secondary" onClick={() => report('removed')}>
            {mc(lang, 'reportRemoved')}
          </button>
        ) : null}
      </div>
    </li>
  )
}

/**
 * "กล้องของฉัน / My cameras" (issue #15, point 2): a private owner's registered cameras with their verification and
 * status; register one or more, edit, report one broken, removed or working again.
 */
export function MyCamerasPage() {
  const { lang } = useSession()
  const notify = useToast()
  const [mine, setMine] = useState<Mine | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [editing, setEditing] = useState<MyCamera | 'new' | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    api<Mine>('/api/liff/cameras/mine').then(setMine, (err: unknown) => setError(asApiError(err)))
  }, [attempt])

  const replace = (c: MyCamera) =>
    setMine((m) =>
      m
        ? {
            ...m,
            cameras: m.cameras.some((x) => x.id === c.id)
              ? m.cameras.map((x) => (x.id === c.id ? c : x))
              : [...m.cameras, c],
          }
        : m,
    )

  if (mine && editing !== null) {
    return (
      <Shell lang={lang} title={mc(lang, editing === 'new' ? 'newTitle' : 'editTitle')} back={{ to: 'cameras' }}>
        <CameraForm
          lang={lang}
          camera={editing === 'new' ? null : editing}
          center={mine.center}
          consent={mine.consent}
          onCancel={() => setEditing(null)}
          onDone={(c) => {
            notify(mc(lang, editing === 'new' ? 'sent' : 'savedDone'))
            replace(c)
            setEditing(null)
            window.scrollTo(0, 0)
          }}
        />
      </Shell>
    )
  }
  return (
    <Shell lang={lang} title={mc(lang, 'title')} back={{ to: '' }}>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!mine && !error ? <div class="loading" aria-hidden="true" /> : null}
      {mine ? (
        <>
          <Card>
            <p>{mc(lang, 'intro')}</p>
          </Card>
          {mine.cameras.length === 0 ? <p class="hint camera-empty">{mc(lang, 'empty')}</p> : null}
          <ul class="camera-cards">
            {mine.cameras.map((c) => (
              <CameraCard key={c.id} lang={lang} c={c} onEdit={() => setEditing(c)} onChanged={replace} />
            ))}
          </ul>
          <button type="button" class="button button-primary button-wide" onClick={() => setEditing('new')}>
            {mc(lang, mine.cameras.length === 0 ? 'add' : 'addAnother')}
          </button>
        </>
      ) : null}
    </Shell>
  )
}
