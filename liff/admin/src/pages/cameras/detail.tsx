import type { CameraView } from '@contracts/camera-registry.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { ct } from './texts.js'

/** Verify or reject a citizen's registration: a reason is asked for a rejection (the owner reads it in LINE). */
export function useVerify(onChanged: () => void) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [error, setError] = useState<ApiError | null>(null)
  async function decide(c: CameraView, decision: 'verify' | 'reject') {
    let note: string | null = null
    if (decision === 'reject') {
      note = window.prompt(ct(lang, 'rejectAsk'))
      if (note === null) {
        return
      }
    }
    setError(null)
    try {
      await adminApi(`/cameras/${c.id}/verify`, { method: 'POST', body: { decision, note } })
      notify(ct(lang, decision === 'verify' ? 'verified' : 'rejected'))
      onChanged()
    } catch (err) {
      setError(asApiError(err))
    }
  }
  return { decide, error }
}

/** One camera's details beside the map, with the editor's actions. */
export function CameraDetail(props: {
  camera: CameraView
  editor: boolean
  onEdit: () => void
  onClose: () => void
  onChanged: () => void
}) {
  const { camera: c, editor } = props
  const { lang } = useAdmin()
  const notify = useToast()
  const [phone, setPhone] = useState<string | null | undefined>(undefined)
  const [error, setError] = useState<ApiError | null>(null)
  const verify = useVerify(props.onChanged)
  const rows: [string, string][] = [
    [ct(lang, 'owner'), `${ct(lang, `owner.${c.ownerType}`)}${c.ownerName ? ` · ${c.ownerName}` : ''}`],
    [ct(lang, 'status'), ct(lang, `status.${c.status}`)],
    [ct(lang, 'verification'), ct(lang, `verification.${c.verification}`)],
    [ct(lang, 'position'), `${c.latitude.toFixed(5)}, ${c.longitude.toFixed(5)}`],
    [
      ct(lang, 'direction'),
      c.directionDeg === null ? '—' : ct(lang, 'directionValue', { deg: c.directionDeg, fov: c.fieldOfViewDeg ?? '—' }),
    ],
    [ct(lang, 'range'), c.rangeMeters === null ? '—' : String(c.rangeMeters)],
    [ct(lang, 'covers'), c.covers ?? '—'],
    [ct(lang, 'retention'), c.retentionDays === null ? '—' : ct(lang, 'retentionValue', { n: c.retentionDays })],
    [ct(lang, 'liveView'), ct(lang, c.liveView ? 'yes' : 'no')],
  ]
  if (c.fromLine) {
    rows.push([ct(lang, 'fromLine'), ct(lang, 'registered', { date: when(lang, c.createdAt) })])
  }
  if (c.note) {
    rows.push([ct(lang, 'note'), c.note])
  }
  async function act(fn: () => Promise<void>) {
    setError(null)
    try {
      await fn()
    } catch (err) {
      setError(asApiError(err))
    }
  }
  const shown = error ?? verify.error
  return (
    <Card title={`${c.code} · ${c.name}`}>
      <dl class="camera-detail">
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
        {phone !== undefined ? (
          <div>
            <dt>{ct(lang, 'phone')}</dt>
            <dd>{phone ? <a href={`tel:${phone}`}>{phone}</a> : ct(lang, 'phoneNone')}</dd>
          </div>
        ) : null}
      </dl>
      {shown ? <ErrorNotice th={shown.th} en={shown.en} /> : null}
      <div class="row-actions">
        {c.hasPhone && phone === undefined ? (
          <button
            type="button"
            class="button button-secondary"
            onClick={() =>
              act(async () =>
                setPhone(
                  (await adminApi<{ phone: string | null }>(`/cameras/${c.id}/phone`, { method: 'POST' })).phone,
                ),
              )
            }
          >
            {ct(lang, 'phone')}
          </button>
        ) : null}
        {editor && c.verification === 'pending' ? (
          <>
            <button type="button" class="button" onClick={() => verify.decide(c, 'verify')}>
              {ct(lang, 'verify')}
            </button>
            <button type="button" class="button button-secondary" onClick={() => verify.decide(c, 'reject')}>
              {ct(lang, 'reject')}
            </button>
          </>
        ) : null}
        {editor ? (
          <button type="button" class="button button-secondary" onClick={props.onEdit}>
            {ct(lang, 'edit')}
          </button>
        ) : null}
        {editor && c.status !== 'removed' ? (
          <button
            type="button"
            class="button button-secondary"
            onClick={() => {
              if (window.confirm(ct(lang, 'retireAsk', { code: c.code }))) {
                void act(async () => {
                  await adminApi(`/cameras/${c.id}/retire`, { method: 'POST' })
                  notify(ct(lang, 'retired'))
                  props.onChanged()
                })
              }
            }}
          >
            {ct(lang, 'retire')}
          </button>
        ) : null}
        <button type="button" class="button button-secondary" onClick={props.onClose}>
          {ct(lang, 'close')}
        </button>
      </div>
    </Card>
  )
}
