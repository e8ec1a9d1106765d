import { DEFAULT_NEARBY_RADIUS_METERS } from '@contracts/cameras.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { type LatLng, type MapMarker, MapView } from '@shared/ui/map/index.js'
import { useToast } from '@shared/ui/toast.js'
import { useCallback, useEffect, useState } from 'preact/hooks'
import { adminApi, query } from '../lib/api.js'
import { useAdmin } from '../lib/session.js'
import './ccoc/ccoc.css'
import { RequestRow } from './ccoc/request-row.js'
import { bangkokIso, ct, localValue, type NearbyAnswer, ownerLabel, type QueueItem, when } from './ccoc/texts.js'

const RADII = [100, 300, 500, 1000]
const HOUR = 3_600_000

/** Without a location: an officer who may act on the case sets a pin (PUT …/location). */
function SetLocation({ caseId, onDone }: { caseId: string; onDone: () => void }) {
  const { lang, can } = useAdmin()
  const [pin, setPin] = useState<LatLng | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  if (!can('cases.act')) {
    return <p class="hint">{ct(lang, 'noLocationRead')}</p>
  }
  async function save() {
    if (!pin) {
      return
    }
    try {
      await adminApi(`/cases/${caseId}/location`, { method: 'PUT', body: { latitude: pin.lat, longitude: pin.lng } })
      onDone()
    } catch (err) {
      setError(asApiError(err))
    }
  }
  return (
    <>
      <p class="hint">{ct(lang, 'noLocation')}</p>
      <MapView
        center={{ lat: 12.6814, lng: 101.2816 }}
        pick={{ value: pin, onChange: setPin }}
        height="260px"
        lang={lang}
      />
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="button" class="button button-primary" disabled={!pin} onClick={() => void save()}>
        {ct(lang, 'savePin')}
      </button>
    </>
  )
}

/**
 * The case's "กล้องใกล้เคียง / Nearby cameras" (issue #15): the cameras within a radius, nearest first, each with
 * whether footage of the chosen window is still kept; a map with the case and the cameras (numbered as the list);
 * select cameras, the window and what to ask → requests; the case's requests and their statuses.
 */
export function CaseCameras({ caseId }: { caseId: string }) {
  const { lang, can } = useAdmin()
  const notify = useToast()
  const [radius, setRadius] = useState(DEFAULT_NEARBY_RADIUS_METERS)
  const [from, setFrom] = useState(() => localValue(new Date(Date.now() - 2 * HOUR)))
  const [to, setTo] = useState(() => localValue(new Date(Date.now() - HOUR)))
  const [data, setData] = useState<NearbyAnswer | null>(null)
  const [requests, setRequests] = useState<QueueItem[]>([])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [ask, setAsk] = useState('')
  const [deadline, setDeadline] = useState('')
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const mayRequest = can('footage.request')

  const load = useCallback(async () => {
    try {
      const at = from ? bangkokIso(from) : undefined
      setData(await adminApi<NearbyAnswer>(`/cases/${caseId}/cameras${query({ radius, at })}`))
      if (mayRequest) {
        const r = await adminApi<{ items: QueueItem[] }>(`/footage-requests${query({ caseId })}`)
        setRequests(r.items)
      }
      setError(null)
    } catch (err) {
      setError(asApiError(err))
    }
  }, [caseId, radius, from, mayRequest])
  useEffect(() => {
    void load()
  }, [load])

  async function send() {
    setBusy(true)
    try {
      const body = {
        cameraIds: [...selected],
        windowFrom: bangkokIso(from),
        windowTo: bangkokIso(to),
        ask: ask.trim(),
        ...(deadline ? { deadlineAt: bangkokIso(deadline) } : {}),
      }
      const r = await adminApi<{ items: unknown[] }>(`/cases/${caseId}/footage-requests`, { method: 'POST', body })
      notify(ct(lang, 'sent', { n: r.items.length }))
      setSelected(new Set())
      setAsk('')
      await load()
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  const toggle = (id: string) => {
    const next = new Set(selected)
    next.has(id) ? next.delete(id) : next.add(id)
    setSelected(next)
  }
  const items = data?.items ?? []
  const markers: MapMarker[] = data?.location
    ? [
        {
          id: 'case',
          lat: data.location.latitude,
          lng: data.location.longitude,
          label: 'จุดเกิดเหตุ / Case location',
          kind: 'point',
          tone: 'flagged',
        },
        ...items.map((c, i) => ({
          id: c.id,
          lat: c.latitude,
          lng: c.longitude,
          label: `${c.code} ${c.name} (${Math.round(c.distanceMeters)} m)`,
          kind: 'point' as const,
          tone:
            c.retention === 'inside'
              ? ('done' as const)
              : c.retention === 'outside'
                ? ('missed' as const)
                : ('normal' as const),
          order: i + 1,
        })),
      ]
    : []
  return (
    <Card title={`${ct(lang, 'section')}${lang === 'th' ? ' / Nearby cameras' : ''}`}>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => void load()} /> : null}
      {data && !data.location ? <SetLocation caseId={caseId} onDone={() => void load()} /> : null}
      {data?.location ? (
        <>
          <div class="cam-controls">
            <label>
              {ct(lang, 'radius')}
              <select value={radius} onChange={(e) => setRadius(Number(e.currentTarget.value))}>
                {RADII.map((r) => (
                  <option key={r} value={r}>
                    {r} m
                  </option>
                ))}
              </select>
            </label>
            <label>
              {ct(lang, 'from')}
              <input type="datetime-local" value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              {ct(lang, 'to')}
              <input type="datetime-local" value={to} onChange={(e) => setTo(e.currentTarget.value)} />
            </label>
          </div>
          {data.summary ? <p class="cam-summary">{lang === 'th' ? data.summary.th : data.summary.en}</p> : null}
          <MapView
            center={{ lat: data.location.latitude, lng: data.location.longitude }}
            markers={markers}
            listMarkersInFallback={false}
            height="240px"
            lang={lang}
          />
          {items.length === 0 ? <p class="hint">{ct(lang, 'none')}</p> : null}
          <ul class="cam-list">
            {items.map((c, i) => (
              <li key={c.id} class="cam-item">
                {mayRequest ? (
                  <input
                    type="checkbox"
                    checked={selected.has(c.id)}
                    onChange={() => toggle(c.id)}
                    aria-label={`${c.code} ${c.name}`}
                  />
                ) : (
                  <span>{i + 1}.</span>
                )}
                <span class="cam-name">
                  {i + 1}. {c.name} <span class="hint">({c.code})</span>
                </span>
                <span class="cam-dist">{Math.round(c.distanceMeters)} m</span>
                <span class="cam-meta">
                  <span class="cam-badge">{ownerLabel(lang, c.ownerType)}</span>
                  <span class={`cam-badge cam-ret-${c.retention}`}>
                    {ct(lang, c.retention)}
                    {c.overwrittenAt && c.retention === 'inside'
                      ? ` ${ct(lang, 'until')} ${when(lang, c.overwrittenAt)}`
                      : ''}
                  </span>
                  <span class="cam-badge">{ct(lang, `reach_${c.reach}`)}</span>
                  {c.ownerName ? <span>{c.ownerName}</span> : null}
                </span>
              </li>
            ))}
          </ul>
          {mayRequest && items.length > 0 ? (
            <div class="cam-ask">
              <label>
                {ct(lang, 'ask')}
                <textarea
                  rows={2}
                  maxLength={500}
                  value={ask}
                  placeholder={ct(lang, 'askHint')}
                  onInput={(e) => setAsk(e.currentTarget.value)}
                />
              </label>
              <div class="cam-controls">
                <label>
                  {ct(lang, 'deadline')}
                  <input type="datetime-local" value={deadline} onChange={(e) => setDeadline(e.currentTarget.value)} />
                </label>
              </div>
              <div class="cam-send">
                <button
                  type="button"
                  class="button button-primary"
                  disabled={busy || selected.size === 0 || ask.trim().length < 3 || !from || !to}
                  onClick={() => void send()}
                >
                  {ct(lang, 'send')}
                </button>
                <span class="hint">{ct(lang, 'selected', { n: selected.size })}</span>
              </div>
            </div>
          ) : null}
        </>
      ) : null}
      {mayRequest && data ? (
        <>
          <h3 class="card-subtitle">{ct(lang, 'requests')}</h3>
          {requests.length === 0 ? <p class="hint">{ct(lang, 'noRequests')}</p> : null}
          <ul class="row-list">
            {requests.map((r) => (
              <RequestRow key={r.id} r={r} onChanged={() => void load()} />
            ))}
          </ul>
        </>
      ) : null}
      {!data && !error ? <div class="loading" role="status" /> : null}
    </Card>
  )
}
