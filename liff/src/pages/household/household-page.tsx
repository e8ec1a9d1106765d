import { ANNOUNCEMENT_TOPIC_LABELS, ANNOUNCEMENT_TOPICS, type AnnouncementTopic } from '@contracts/announcements.js'
import {
  type HOUSEHOLD_ADDRESS_FIELDS,
  type HouseholdIssue,
  type HouseholdView,
  type InvitePreview,
  MAX_HOUSEHOLD_MEMBERS,
  type MyHousehold,
  validateHousehold,
} from '@contracts/households.js'
import { formatAddress } from '@contracts/lost-documents/address-format.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { type LatLng, MapView } from '@shared/ui/map/index.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import { LANGUAGE_NAMES, LANGUAGES, type Language } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { type FieldErrors, Section, TextField } from '../lost-document/fields.js'
import { type HhKey, hh } from './texts.js'
import '../lost-document/form.css'
import '../lost-document/form-parts.css'
import './household.css'

type Draft = {
  address: Record<string, string>
  location: LatLng | null
  members: string
  language: Language
  topics: AnnouncementTopic[]
}

const REQUIRED = new Set(['houseNo', 'subdistrict', 'district', 'province', 'postcode'])

function emptyDraft(lang: Language): Draft {
  return {
    address: { province: lang === 'th' ? 'ระยอง' : 'Rayong', district: lang === 'th' ? 'เมืองระยอง' : 'Mueang Rayong' },
    location: null,
    members: '1',
    language: lang,
    topics: [...ANNOUNCEMENT_TOPICS],
  }
}

function draftOf(h: HouseholdView): Draft {
  return {
    address: { ...(h.address as unknown as Record<string, string>) },
    location: h.location,
    members: String(h.members),
    language: h.language,
    topics: h.topics,
  }
}

const bodyOf = (d: Draft) => ({ ...d, members: Number(d.members) })

function errorsOf(lang: Language, issues: HouseholdIssue[]): FieldErrors {
  return Object.fromEntries(issues.map((i) => [i.field, lang === 'th' ? i.th : i.en]))
}

/** The register / edit form: structured Thai address, the pin (GPS or tap) in the station's area, people, topics. */
function HouseholdForm({
  lang,
  info,
  initial,
  editing,
  onSaved,
  onCancel,
}: {
  lang: Language
  info: MyHousehold
  initial: Draft
  editing: boolean
  onSaved: (m: MyHousehold) => void
  onCancel?: () => void
}) {
  const notify = useToast()
  const [d, setD] = useState<Draft>(initial)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const [locating, setLocating] = useState(false)
  const [gpsFailed, setGpsFailed] = useState(false)
  const set = (patch: Partial<Draft>) => setD((prev) => ({ ...prev, ...patch }))
  const setAddress = (field: string, value: string) =>
    setD((prev) => ({ ...prev, address: { ...prev.address, [field]: value } }))

  const locate = () => {
    if (!navigator.geolocation) {
      setGpsFailed(true)
      return
    }
    setLocating(true)
    setGpsFailed(false)
    navigator.geolocation.getCurrentPosition(
      (pos) => {
        setLocating(false)
        set({ location: { lat: pos.coords.latitude, lng: pos.coords.longitude } })
      },
      () => {
        setLocating(false)
        setGpsFailed(true)
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 0 },
    )
  }

  async function submit(e: Event) {
    e.preventDefault()
    const { issues } = validateHousehold(bodyOf(d))
    if (issues.length > 0) {
      setErrors(errorsOf(lang, issues))
      document.getElementById(`f-${(issues[0]?.field ?? '').replaceAll('.', '-')}`)?.focus()
      return
    }
    setErrors({})
    setSaving(true)
    setError(null)
    try {
      const out = await api<MyHousehold>('/api/liff/household', { method: editing ? 'PUT' : 'POST', body: bodyOf(d) })
      notify(hh(lang, editing ? 'saved' : 'registered'))
      onSaved(out)
    } catch (err) {
      const apiErr = asApiError(err)
      const details = (apiErr.body as { error?: { details?: unknown } } | undefined)?.error?.details
      if (apiErr.code === 'validation_failed' && Array.isArray(details)) {
        setErrors(errorsOf(lang, details as HouseholdIssue[]))
      } else if (apiErr.code === 'outside_jurisdiction') {
        setErrors({ location: lang === 'th' ? apiErr.th : apiErr.en })
      } else {
        setError(apiErr)
      }
    } finally {
      setSaving(false)
    }
  }

  const field = (
    name: (typeof HOUSEHOLD_ADDRESS_FIELDS)[number],
    extra: { inputMode?: 'numeric'; maxLength?: number } = {},
  ) => (
    <TextField
      lang={lang}
      field={`address.${name}`}
      label={hh(lang, name as HhKey)}
      value={d.address[name] ?? ''}
      errors={errors}
      required={REQUIRED.has(name)}
      onInput={(v) => setAddress(name, v)}
      onBlur={() => {}}
      {...extra}
    />
  )
  return (
    <form onSubmit={submit} noValidate>
      <Section title={hh(lang, 'address')}>
        <div class="hh-row">
          {field('houseNo', { maxLength: 20 })}
          {field('moo', { maxLength: 10 })}
        </div>
        {field('village')}
        <div class="hh-row">
          {field('soi')}
          {field('road')}
        </div>
        <div class="hh-row">
          {field('subdistrict')}
          {field('district')}
        </div>
        <div class="hh-row">
          {field('province')}
          {field('postcode', { inputMode: 'numeric', maxLength: 5 })}
        </div>
      </Section>
      <Section title={hh(lang, 'pin')}>
        <p class="field-hint">{hh(lang, 'pinHint')}</p>
        <button
          type="button"
          id="f-location"
          class="button button-secondary button-wide"
          onClick={locate}
          disabled={locating}
        >
          {hh(lang, locating ? 'pinLocating' : 'pinGps')}
        </button>
        {gpsFailed ? (
          <p class="field-error" role="alert">
            {hh(lang, 'pinFailed')}
          </p>
        ) : null}
        <div class="hh-map">
          <MapView
            lang={lang}
            center={d.location ?? info.center}
            zoom={d.location ? 17 : 14}
            {...(info.jurisdiction ? { jurisdiction: info.jurisdiction as never } : {})}
            pick={{ value: d.location, onChange: (p) => set({ location: p }) }}
            height="280px"
          />
        </div>
        {d.location ? (
          <p class="hh-pinned" role="status">
            {hh(lang, 'pinSet')}: {d.location.lat.toFixed(5)}, {d.location.lng.toFixed(5)}
          </p>
        ) : null}
        {errors.location ? (
          <p class="field-error" id="f-location-error" role="alert">
            {errors.location}
          </p>
        ) : null}
      </Section>
      <Section title={hh(lang, 'people')}>
        <TextField
          lang={lang}
          field="members"
          label={hh(lang, 'members')}
          value={d.members}
          errors={errors}
          required
          inputMode="numeric"
          maxLength={String(MAX_HOUSEHOLD_MEMBERS).length}
          onInput={(v) => set({ members: v.replace(/\D/g, '') })}
          onBlur={() => {}}
        />
        <fieldset class="choices">
          <legend class="field-label">{hh(lang, 'language')}</legend>
          {LANGUAGES.map((code) => (
            <label key={code} class={`choice${d.language === code ? ' choice-selected' : ''}`} lang={code}>
              <input
                type="radio"
                name="language"
                value={code}
                checked={d.language === code}
                onChange={() => set({ language: code })}
              />
              <span class="choice-label">{LANGUAGE_NAMES[code]}</span>
            </label>
          ))}
        </fieldset>
      </Section>
      <Section title={hh(lang, 'topics')}>
        <p class="field-hint">{hh(lang, 'topicsHint')}</p>
        <div class="hh-topics" id="f-topics">
          {ANNOUNCEMENT_TOPICS.map((topic) => {
            const on = d.topics.includes(topic)
            return (
              <label key={topic} class={`tick${on ? ' tick-checked' : ''}`}>
                <input
                  type="checkbox"
                  checked={on}
                  onChange={(e) => {
                    const checked = (e.currentTarget as HTMLInputElement).checked
                    set({ topics: ANNOUNCEMENT_TOPICS.filter((x) => (x === topic ? checked : d.topics.includes(x))) })
                  }}
                />
                <span>{ANNOUNCEMENT_TOPIC_LABELS[topic][lang]}</span>
              </label>
            )
          })}
        </div>
        {errors.topics ? <p class="field-error">{errors.topics}</p> : null}
      </Section>
      {Object.keys(errors).length > 0 ? (
        <p class="field-error hh-fix" role="alert">
          {hh(lang, 'fix')}
        </p>
      ) : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="hh-actions">
        <button type="submit" class="button button-primary button-wide" disabled={saving}>
          {hh(lang, saving ? 'saving' : editing ? 'save' : 'register')}
        </button>
        {onCancel ? (
          <button type="button" class="button button-secondary button-wide" onClick={onCancel}>
            {hh(lang, 'cancel')}
          </button>
        ) : null}
      </div>
    </form>
  )
}

/** The household as registered, the invite (owner), edit and leave. */
function HouseholdCard({
  lang,
  h,
  onEdit,
  onLeft,
}: {
  lang: Language
  h: HouseholdView
  onEdit: () => void
  onLeft: (m: MyHousehold) => void
}) {
  const notify = useToast()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const leave = async () => {
    if (!window.confirm(hh(lang, 'leaveConfirm'))) {
      return
    }
    setBusy(true)
    try {
      const out = await api<MyHousehold>('/api/liff/household/leave', { method: 'POST' })
      notify(hh(lang, 'left'))
      onLeft(out)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  const shareUrl = h.invite
    ? `https://line.me/R/share?text=${encodeURIComponent(hh(lang, 'shareText', { code: h.invite.code, url: h.invite.url }))}`
    : ''
  return (
    <>
      <Card title={hh(lang, 'address')}>
        <p class="hh-address">{formatAddress(lang, h.address as unknown as Record<string, string | undefined>)}</p>
        <dl class="hh-facts">
          <dt>{hh(lang, 'members')}</dt>
          <dd>{h.members}</dd>
          <dt>{hh(lang, 'lineUsers')}</dt>
          <dd>{h.lineUsers}</dd>
          <dt>{hh(lang, 'language')}</dt>
          <dd>{LANGUAGE_NAMES[h.language]}</dd>
          <dt>{hh(lang, 'topics')}</dt>
          <dd>{h.topics.map((x) => ANNOUNCEMENT_TOPIC_LABELS[x][lang]).join(', ')}</dd>
        </dl>
        <p class="hint">
          {hh(lang, h.role === 'owner' ? 'owner' : 'member')}
          {h.source === 'house_watch' ? ` · ${hh(lang, 'fromHouseWatch')}` : ''}
          {h.matched ? ` · ${hh(lang, 'matched')}` : ''}
        </p>
        {h.role === 'owner' ? (
          <button type="button" class="button button-secondary button-wide" onClick={onEdit}>
            {hh(lang, 'edit')}
          </button>
        ) : (
          <p class="hint">{hh(lang, 'memberCannotEdit')}</p>
        )}
      </Card>
      {h.invite ? (
        <Card title={hh(lang, 'invite')}>
          <p class="hint">{hh(lang, 'inviteHint')}</p>
          <p class="hh-code">
            <span class="hh-code-label">{hh(lang, 'inviteCode')}</span>
            <strong class="hh-code-value">{h.invite.code}</strong>
          </p>
          <a class="button button-primary button-wide" href={shareUrl} target="_blank" rel="noopener">
            {hh(lang, 'share')}
          </a>
          <button
            type="button"
            class="button button-secondary button-wide"
            onClick={() => {
              void navigator.clipboard?.writeText(h.invite?.url ?? '').then(() => notify(hh(lang, 'copied')))
            }}
          >
            {hh(lang, 'copy')}
          </button>
        </Card>
      ) : null}
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="button" class="button button-secondary button-wide hh-leave" onClick={leave} disabled={busy}>
        {hh(lang, 'leave')}
      </button>
    </>
  )
}

/** Join with a code (typed, or from the invite link's ?code=), with what the household is before joining. */
function JoinCard({
  lang,
  code: initial,
  onJoined,
}: {
  lang: Language
  code: string
  onJoined: (m: MyHousehold) => void
}) {
  const notify = useToast()
  const [code, setCode] = useState(initial)
  const [preview, setPreview] = useState<InvitePreview | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  useEffect(() => {
    if (initial) {
      api<InvitePreview>(`/api/liff/household/invite?code=${encodeURIComponent(initial)}`).then(
        setPreview,
        (err: unknown) => setError(asApiError(err)),
      )
    }
  }, [initial])
  const join = async (e: Event) => {
    e.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const out = await api<MyHousehold>('/api/liff/household/join', { method: 'POST', body: { code } })
      notify(hh(lang, 'joined'))
      onJoined(out)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  const place = preview
    ? [
        preview.soi ? `${lang === 'th' ? 'ซ.' : 'Soi '}${preview.soi}` : '',
        `${lang === 'th' ? 'ต.' : ''}${preview.subdistrict}`,
      ]
        .filter(Boolean)
        .join(' ')
    : ''
  return (
    <Card title={hh(lang, 'join')}>
      {preview ? (
        <p class="hh-preview">
          {hh(lang, 'joinPreview', { place, members: preview.members, lineUsers: preview.lineUsers })}
        </p>
      ) : (
        <p class="hint">{hh(lang, 'joinHint')}</p>
      )}
      <form class="hh-join" onSubmit={join}>
        <label class="field-label" for="f-code">
          {hh(lang, 'inviteCode')}
        </label>
        <div class="hh-join-row">
          <input
            id="f-code"
            class="input hh-code-input"
            value={code}
            maxLength={12}
            autoCapitalize="characters"
            autoComplete="off"
            onInput={(e) => setCode((e.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit" class="button button-primary" disabled={busy || code.trim().length < 6}>
            {hh(lang, 'joinButton')}
          </button>
        </div>
      </form>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
    </Card>
  )
}

/**
 * "บ้านของฉัน / My household" (issue #14): register the household (address in the zone, pin, people, language,
 * topics), see and edit it, invite the family by LINE (a code and a link), join with a code, leave.
 */
export function HouseholdPage() {
  const { lang } = useSession()
  const [info, setInfo] = useState<MyHousehold | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [editing, setEditing] = useState(false)
  const [attempt, setAttempt] = useState(0)
  const code = new URLSearchParams(window.location.search).get('code') ?? ''
  useEffect(() => {
    setError(null)
    api<MyHousehold>('/api/liff/household').then(setInfo, (err: unknown) => setError(asApiError(err)))
  }, [attempt])
  const done = (m: MyHousehold) => {
    setInfo(m)
    setEditing(false)
    window.scrollTo({ top: 0 })
  }
  const h = info?.household ?? null
  return (
    <Shell lang={lang} title={hh(lang, 'title')} back={{ to: '', label: lang === 'th' ? 'หน้าหลัก' : 'Home' }}>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!info ? (
        error ? null : (
          <div class="loading" aria-hidden="true" />
        )
      ) : (
        <>
          {info.announcementsOff ? (
            <p class="hh-off" role="note">
              {hh(lang, 'announcementsOff')} <Link to="settings">{hh(lang, 'settings')}</Link>
            </p>
          ) : null}
          {h && !editing ? <HouseholdCard lang={lang} h={h} onEdit={() => setEditing(true)} onLeft={done} /> : null}
          {h && editing ? (
            <HouseholdForm
              lang={lang}
              info={info}
              initial={draftOf(h)}
              editing
              onSaved={done}
              onCancel={() => setEditing(false)}
            />
          ) : null}
          {!h ? (
            <>
              {code ? <JoinCard lang={lang} code={code} onJoined={done} /> : null}
              <p class="hh-intro">{hh(lang, 'intro')}</p>
              <HouseholdForm lang={lang} info={info} initial={emptyDraft(lang)} editing={false} onSaved={done} />
              {code ? null : <JoinCard lang={lang} code="" onJoined={done} />}
            </>
          ) : null}
        </>
      )}
    </Shell>
  )
}
