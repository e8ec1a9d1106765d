import {
  type AnnouncementTopic,
  AUDIENCE_TYPES,
  type Audience,
  type AudienceType,
  PARTIAL_SEND_ORDERS,
  type PartialSend,
} from '@contracts/announcements.js'
import { type ApiError, asApiError, isAbort } from '@shared/lib/api.js'
import type { LatLng } from '@shared/ui/map/index.js'
import { useEffect, useState } from 'preact/hooks'
import { num, t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { type Areas, type AudienceEstimate, type AudienceList, broadcastsApi } from './api.js'
import { AreaDraw, cornersOf, polygonOf } from './area-draw.js'

type Lang = 'th' | 'en' | undefined
type HouseholdsBy = 'all' | 'place' | 'map'

const split = (s: string) =>
  s
    .split(/[,\n]/)
    .map((x) => x.trim())
    .filter(Boolean)

function languageOf(a: Audience): Lang {
  return a.type === 'all_friends' ? undefined : a.language
}

/** Every Audience of the contract: who, then (where it applies) which area and which language. */
export function AudiencePicker({ value, onChange }: { value: Audience; onChange: (a: Audience) => void }) {
  const { lang } = useAdmin()
  const [areas, setAreas] = useState<Areas | null | 'none'>(null)
  const [lists, setLists] = useState<AudienceList[] | 'none' | null>(null)
  const [by, setBy] = useState<HouseholdsBy>(
    value.type === 'households' && value.area
      ? 'map'
      : value.type === 'households' && value.municipalities
        ? 'place'
        : 'all',
  )
  const [corners, setCorners] = useState<LatLng[]>(value.type === 'households' ? cornersOf(value.area) : [])
  const [typed, setTyped] = useState({ municipalities: '', subdistricts: '', sois: '' })
  const language = languageOf(value)

  useEffect(() => {
    // The household registry's areas (issue #14's `households` part); before it exists the officer types names.
    broadcastsApi.areas().then(setAreas, () => setAreas('none'))
    broadcastsApi.lists().then(setLists, () => setLists('none'))
  }, [])

  function pick(type: AudienceType) {
    if (type === 'all_friends') {
      onChange({ type })
    } else if (type === 'list') {
      const first = Array.isArray(lists) ? lists[0]?.id : undefined
      onChange({ type, listId: first ?? '', ...(language ? { language } : {}) })
    } else {
      onChange({ type, ...(language ? { language } : {}) })
    }
  }
  function setLanguage(l: Lang) {
    if (value.type === 'all_friends') {
      return
    }
    const { language: _, ...rest } = value
    onChange(l ? ({ ...rest, language: l } as Audience) : (rest as Audience))
  }
  function households(patch: Partial<Extract<Audience, { type: 'households' }>>) {
    const base: Extract<Audience, { type: 'households' }> = { type: 'households', ...(language ? { language } : {}) }
    onChange({ ...base, ...patch })
  }
  function setBySafe(next: HouseholdsBy) {
    setBy(next)
    if (next === 'all') {
      households({})
    } else if (next === 'map') {
      households({ area: polygonOf(corners) })
    } else {
      households(placesFrom(typed))
    }
  }
  function placesFrom(p: typeof typed) {
    const out: Partial<Extract<Audience, { type: 'households' }>> = {}
    for (const k of ['municipalities', 'subdistricts', 'sois'] as const) {
      const names = split(p[k])
      if (names.length) {
        out[k] = names
      }
    }
    return out
  }
  function setPlace(k: keyof typeof typed, v: string) {
    const next = { ...typed, [k]: v }
    setTyped(next)
    households(placesFrom(next))
  }
  function toggle(k: 'municipalities' | 'subdistricts' | 'sois', name: string, on: boolean) {
    if (value.type !== 'households') {
      return
    }
    const now = new Set(value[k] ?? [])
    if (on) {
      now.add(name)
    } else {
      now.delete(name)
    }
    const { municipalities, subdistricts, sois } = value
    const next = { municipalities, subdistricts, sois, [k]: [...now] }
    households(
      Object.fromEntries(Object.entries(next).filter(([, v]) => v && v.length > 0)) as Partial<
        Extract<Audience, { type: 'households' }>
      >,
    )
  }

  return (
    <div class="ann-audience">
      <fieldset class="ann-choices">
        <legend class="visually-hidden">{t(lang, 'ann.audience')}</legend>
        {AUDIENCE_TYPES.map((type) => (
          <label key={type} class={`ann-choice${value.type === type ? ' is-on' : ''}`}>
            <input type="radio" name="audience" checked={value.type === type} onChange={() => pick(type)} />
            <span>
              <span class="ann-choice-label">{t(lang, `ann.aud.${type}`)}</span>
              <span class="hint">{t(lang, `ann.aud.${type}.hint`)}</span>
            </span>
          </label>
        ))}
      </fieldset>

      {value.type === 'households' ? (
        <div class="ann-sub">
          <fieldset class="segmented">
            <legend class="visually-hidden">{t(lang, 'ann.area')}</legend>
            {(['all', 'place', 'map'] as const).map((b) => (
              <label key={b} class={`segment${by === b ? ' is-on' : ''}`}>
                <input type="radio" name="households-by" checked={by === b} onChange={() => setBySafe(b)} />
                <span>{t(lang, `ann.areaBy.${b}`)}</span>
              </label>
            ))}
          </fieldset>
          {by === 'place' && areas && areas !== 'none' && areas.municipalities.length > 0 ? (
            <div class="ann-places">
              {areas.municipalities.map((m) => (
                <details key={m.name ?? ''} class="ann-place" open>
                  <summary>
                    {m.name === null ? (
                      <span>{t(lang, 'ann.noMunicipality')}</span>
                    ) : (
                      <label class="check">
                        <input
                          type="checkbox"
                          checked={value.type === 'households' && (value.municipalities ?? []).includes(m.name ?? '')}
                          onChange={(e) => toggle('municipalities', m.name ?? '', e.currentTarget.checked)}
                        />
                        <span>{m.name}</span>
                      </label>
                    )}
                  </summary>
                  {m.subdistricts.map((d) => (
                    <div key={d.name} class="ann-place-sub">
                      <label class="check">
                        <input
                          type="checkbox"
                          checked={value.type === 'households' && (value.subdistricts ?? []).includes(d.name)}
                          onChange={(e) => toggle('subdistricts', d.name, e.currentTarget.checked)}
                        />
                        <span>{`${t(lang, 'ann.subdistrictPrefix')}${d.name}`}</span>
                      </label>
                      {d.sois.map((soi) => (
                        <label key={soi} class="check ann-soi">
                          <input
                            type="checkbox"
                            checked={value.type === 'households' && (value.sois ?? []).includes(soi)}
                            onChange={(e) => toggle('sois', soi, e.currentTarget.checked)}
                          />
                          <span>{soi}</span>
                        </label>
                      ))}
                    </div>
                  ))}
                </details>
              ))}
            </div>
          ) : null}
          {by === 'place' && (areas === 'none' || (areas && areas.municipalities.length === 0)) ? (
            <div class="ann-typed">
              <p class="field-hint">{t(lang, 'ann.placesHint')}</p>
              {(['municipalities', 'subdistricts', 'sois'] as const).map((k) => (
                <label key={k} class="field">
                  <span class="field-label">{t(lang, `ann.place.${k}`)}</span>
                  <input value={typed[k]} onInput={(e) => setPlace(k, e.currentTarget.value)} />
                </label>
              ))}
            </div>
          ) : null}
          {by === 'map' ? (
            <AreaDraw
              corners={corners}
              onChange={(c) => {
                setCorners(c)
                households({ area: polygonOf(c) })
              }}
            />
          ) : null}
        </div>
      ) : null}

      {value.type === 'list' ? (
        <div class="ann-sub">
          {Array.isArray(lists) && lists.length > 0 ? (
            <label class="field">
              <span class="field-label">{t(lang, 'ann.list')}</span>
              <select value={value.listId} onChange={(e) => onChange({ ...value, listId: e.currentTarget.value })}>
                {lists.map((l) => (
                  <option key={l.id} value={l.id}>
                    {l.size === undefined ? l.name : `${l.name} (${num(lang, l.size)})`}
                  </option>
                ))}
              </select>
            </label>
          ) : (
            <p class="notice notice-info">{t(lang, 'ann.noLists')}</p>
          )}
        </div>
      ) : null}

      {value.type === 'all_friends' ? null : (
        <div class="ann-seg">
          <p class="field-label" aria-hidden="true">
            {t(lang, 'ann.language')}
          </p>
          <fieldset class="segmented ann-lang">
            <legend class="visually-hidden">{t(lang, 'ann.language')}</legend>
            {([undefined, 'th', 'en'] as const).map((l) => (
              <label key={l ?? 'any'} class={`segment${language === l ? ' is-on' : ''}`}>
                <input type="radio" name="audience-lang" checked={language === l} onChange={() => setLanguage(l)} />
                <span>{t(lang, `ann.lang.${l ?? 'any'}`)}</span>
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </div>
  )
}

/** The audience's size, live (POST /broadcasts/estimate), against LINE's quota and the station's budget. */
export function useEstimate(audience: Audience, topic: AnnouncementTopic) {
  const [estimate, setEstimate] = useState<AudienceEstimate | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const key = JSON.stringify([audience, topic])
  useEffect(() => {
    const ctl = new AbortController()
    // Typing and drawing change the audience often: ask once it settles.
    const timer = setTimeout(() => {
      broadcastsApi.estimate(audience, topic, ctl.signal).then(
        (e) => {
          setEstimate(e)
          setError(null)
        },
        (err) => {
          if (!isAbort(err)) {
            setError(asApiError(err))
          }
        },
      )
    }, 350)
    return () => {
      clearTimeout(timer)
      ctl.abort()
    }
  }, [key])
  return { estimate, error }
}

/** The month's quota once this send is done (a bar; the figures are written above it). */
function Meter({ used, limit }: { used: number; limit: number }) {
  const ratio = limit > 0 ? Math.min(1, used / limit) : 1
  return (
    <div class="ann-meter">
      <div class="ann-bar" aria-hidden="true">
        <span class="ann-bar-fill" style={{ width: `${Math.round(ratio * 100)}%` }} />
      </div>
    </div>
  )
}

/** Recipients vs what is left this month; when it does not fit, the warning and the partial-send choice. */
export function EstimatePanel({
  estimate,
  error,
  partial,
  onPartial,
}: {
  estimate: AudienceEstimate | null
  error: ApiError | null
  partial: PartialSend | null
  onPartial: (p: PartialSend | null) => void
}) {
  const { lang } = useAdmin()
  if (error && !estimate) {
    return <p class="notice notice-info">{t(lang, 'ann.est.unavailable')}</p>
  }
  if (!estimate) {
    return <p class="hint">{t(lang, 'ann.est.loading')}</p>
  }
  const e = estimate
  const room = Math.min(
    e.quota.remaining ?? Number.POSITIVE_INFINITY,
    e.budget ? e.budget.remaining : Number.POSITIVE_INFINITY,
  )
  return (
    <div class="ann-estimate" aria-live="polite">
      <p class="ann-big">
        {t(lang, 'ann.est.recipients', { n: num(lang, e.recipients) })}
        {e.estimated ? <span class="hint"> {t(lang, 'ann.est.estimated')}</span> : null}
      </p>
      <p class="hint">
        {t(lang, 'ann.est.byLang', { th: num(lang, e.byLanguage.th), en: num(lang, e.byLanguage.en) })}
        {' · '}
        {t(lang, 'ann.est.excluded', {
          opted: num(lang, e.excluded.optedOut),
          blocked: num(lang, e.excluded.blocked),
        })}
      </p>
      <dl class="ann-facts">
        <div>
          <dt>{t(lang, 'ann.est.quota')}</dt>
          <dd>
            {e.quota.remaining === null || e.quota.limit === null
              ? t(lang, 'ann.est.unlimited')
              : t(lang, 'ann.est.left', { left: num(lang, e.quota.remaining), limit: num(lang, e.quota.limit) })}
          </dd>
        </div>
        {e.budget ? (
          <div>
            <dt>{t(lang, 'ann.est.budget')}</dt>
            <dd>
              {t(lang, 'ann.est.left', { left: num(lang, e.budget.remaining), limit: num(lang, e.budget.limit) })}
            </dd>
          </div>
        ) : null}
      </dl>
      {e.quota.limit !== null ? <Meter used={e.quota.used + e.recipients} limit={e.quota.limit} /> : null}
      {e.fits ? (
        <p class="ann-ok">{t(lang, 'ann.est.fits')}</p>
      ) : (
        <div class="notice notice-error ann-nofit" role="alert">
          <p>{t(lang, 'ann.est.noFit', { n: num(lang, e.recipients), room: num(lang, Math.max(0, room)) })}</p>
          <label class="check">
            <input
              type="checkbox"
              checked={partial !== null}
              disabled={room <= 0}
              onChange={(ev) =>
                onPartial(ev.currentTarget.checked ? { limit: Math.max(0, room), order: 'house_watch_first' } : null)
              }
            />
            <span>{t(lang, 'ann.est.partial', { n: num(lang, Math.max(0, room)) })}</span>
          </label>
          {partial ? (
            <label class="field">
              <span class="field-label">{t(lang, 'ann.est.order')}</span>
              <select
                value={partial.order}
                onChange={(ev) => onPartial({ ...partial, order: ev.currentTarget.value as PartialSend['order'] })}
              >
                {PARTIAL_SEND_ORDERS.map((o) => (
                  <option key={o} value={o}>
                    {t(lang, `ann.order.${o}`)}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
        </div>
      )}
    </div>
  )
}
