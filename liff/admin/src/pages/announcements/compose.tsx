import {
  ANNOUNCEMENT_KINDS,
  type AnnouncementDraft,
  type AnnouncementText,
  announcementMessages,
  draftProblems,
} from '@contracts/announcement-card.js'
import {
  ANNOUNCEMENT_TOPIC_LABELS,
  ANNOUNCEMENT_TOPICS,
  type AnnouncementTopic,
  type Audience,
  type AudienceEstimate,
  type PartialSend,
} from '@contracts/announcements.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { navigate } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useState } from 'preact/hooks'
import { type AdminKey, t, when } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { DateField } from '../../ui/date-field.js'
import { Layout } from '../../ui/layout.js'
import {
  type BroadcastInput,
  type BroadcastView,
  bangkokFields,
  bangkokInstant,
  broadcastsApi,
  refusedEstimate,
} from './api.js'
import { AudiencePicker, EstimatePanel, useEstimate } from './audience.js'
import { ImageField } from './image-field.js'
import { LinePreview } from './line-preview.js'
import { sendLabel, useRequireApproval } from './send-label.js'
import './announcements.css'

const EMPTY: AnnouncementText = { headline: '', body: '', linkLabel: '' }

type FlexShape = {
  type?: string
  contents?: {
    body?: { contents?: { text?: string; size?: string }[] }
    footer?: { contents?: { action?: { uri?: string; label?: string } }[] }
    hero?: { url: string; aspectRatio?: string }
  }
}

/** The composer's draft back from a saved announcement (the card's fields are read from its Flex JSON). */
function draftFrom(b: BroadcastView): AnnouncementDraft {
  const read = (messages: unknown[] | undefined): Partial<AnnouncementDraft> & { text?: AnnouncementText } => {
    const first = (messages?.[0] ?? {}) as FlexShape
    if (first.type === 'flex') {
      const parts = (first.contents?.body?.contents ?? []) as { text?: string; size?: string }[]
      const button = first.contents?.footer?.contents?.[0]?.action
      const hero = first.contents?.hero
      const [w, h] = String(hero?.aspectRatio ?? '1:1')
        .split(':')
        .map(Number)
      return {
        kind: 'card',
        image: hero ? { originalContentUrl: hero.url, previewImageUrl: hero.url, width: w ?? 1, height: h ?? 1 } : null,
        linkUrl: button?.uri ?? '',
        text: {
          headline: parts.find((p) => p.size === 'lg')?.text ?? '',
          body: parts.find((p) => p.size === 'sm')?.text ?? '',
          linkLabel: button?.label ?? '',
        },
      }
    }
    const image = (messages ?? []).find((m) => (m as { type?: string }).type === 'image') as
      | { originalContentUrl: string; previewImageUrl: string }
      | undefined
    const text = (messages ?? []).find((m) => (m as { type?: string }).type === 'text') as { text: string } | undefined
    return {
      kind: image ? 'image' : 'text',
      image: image ? { ...image, width: 1, height: 1 } : null,
      text: { headline: '', body: text?.text ?? '', linkLabel: '' },
    }
  }
  const th = read(b.messages.th)
  const en = read(b.messages.en)
  return {
    kind: th.kind ?? 'text',
    th: th.text ?? EMPTY,
    en: en.text ?? EMPTY,
    image: th.image ?? null,
    linkUrl: th.linkUrl ?? '',
  }
}

function TextFields({
  value,
  onChange,
  kind,
  idPrefix,
}: {
  value: AnnouncementText
  onChange: (v: AnnouncementText) => void
  kind: AnnouncementDraft['kind']
  idPrefix: string
}) {
  const { lang } = useAdmin()
  return (
    <>
      {kind === 'image' ? null : (
        <label class="field">
          <span class="field-label">{t(lang, 'ann.headline')}</span>
          <input
            id={`${idPrefix}-headline`}
            value={value.headline}
            maxLength={100}
            onInput={(e) => onChange({ ...value, headline: e.currentTarget.value })}
          />
        </label>
      )}
      <label class="field">
        <span class="field-label">{t(lang, kind === 'image' ? 'ann.caption' : 'ann.body')}</span>
        <textarea
          id={`${idPrefix}-body`}
          rows={kind === 'card' ? 5 : 7}
          maxLength={kind === 'card' ? 1000 : 4900}
          value={value.body}
          onInput={(e) => onChange({ ...value, body: e.currentTarget.value })}
        />
        <span class="field-hint">{`${value.body.length} / ${kind === 'card' ? 1000 : 4900}`}</span>
      </label>
      {kind === 'card' ? (
        <label class="field">
          <span class="field-label">{t(lang, 'ann.linkLabel')}</span>
          <input
            value={value.linkLabel}
            maxLength={20}
            onInput={(e) => onChange({ ...value, linkLabel: e.currentTarget.value })}
          />
        </label>
      ) : null}
    </>
  )
}

type Schedule = { mode: 'now' | 'later'; date: string; time: string }

/** Compose an announcement (or edit a draft): who, what in Thai and English, a LINE preview, when; then act. */
export function ComposePage({ id }: { id?: string }) {
  const { lang, can, me } = useAdmin()
  const notify = useToast()
  const [savedId, setSavedId] = useState<string | undefined>(id)
  const [loaded, setLoaded] = useState(!id)
  const [title, setTitle] = useState('')
  const [topic, setTopic] = useState<AnnouncementTopic>('general')
  const [audience, setAudience] = useState<Audience>({ type: 'households' })
  const [draft, setDraft] = useState<AnnouncementDraft>({
    kind: 'card',
    th: EMPTY,
    en: EMPTY,
    image: null,
    linkUrl: '',
  })
  const [tab, setTab] = useState<'th' | 'en'>('th')
  const [previewLang, setPreviewLang] = useState<'th' | 'en'>('th')
  const [schedule, setSchedule] = useState<Schedule>({ mode: 'now', date: '', time: '09:00' })
  const [partial, setPartial] = useState<PartialSend | null>(null)
  const requireApproval = useRequireApproval()
  const [busy, setBusy] = useState<AdminKey | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [refused, setRefused] = useState<AudienceEstimate | null>(null)
  const { estimate, error: estimateError } = useEstimate(audience, topic)

  useEffect(() => {
    if (!id) {
      return
    }
    broadcastsApi.get(id).then(
      ({ broadcast: b }) => {
        setTitle(b.title)
        setTopic(b.topic)
        setAudience(b.audience)
        setDraft(draftFrom(b))
        if (b.scheduledAt) {
          setSchedule({ mode: 'later', ...bangkokFields(b.scheduledAt) })
        }
        setLoaded(true)
      },
      (err) => {
        setError(asApiError(err))
        setLoaded(true)
      },
    )
  }, [id])

  const full: AnnouncementDraft = { ...draft, topic: ANNOUNCEMENT_TOPIC_LABELS[topic] }
  const messages = announcementMessages(full)
  const problems = draftProblems(full)
  const scheduledAt = schedule.mode === 'later' ? bangkokInstant(schedule.date, schedule.time) : null
  const schedulePast = scheduledAt !== null && new Date(scheduledAt).getTime() < Date.now()
  const scheduleMissing = schedule.mode === 'later' && scheduledAt === null
  const shown = estimate ?? refused
  const blocked = problems.length > 0 || schedulePast || scheduleMissing || (shown && !shown.fits && !partial)
  const stationName = lang === 'th' ? me.station.nameTh : me.station.nameEn

  function input(): BroadcastInput {
    const fallback = draft.th.headline.trim() || draft.th.body.trim().slice(0, 60) || t(lang, 'ann.untitled')
    return { title: title.trim() || fallback, topic, audience, messages, scheduledAt }
  }

  async function save(): Promise<BroadcastView> {
    const r = savedId ? await broadcastsApi.update(savedId, input()) : await broadcastsApi.create(input())
    setSavedId(r.broadcast.id)
    return r.broadcast
  }

  async function run(label: AdminKey, work: () => Promise<void>) {
    setBusy(label)
    setError(null)
    try {
      await work()
    } catch (err) {
      const e = asApiError(err)
      if (e.code === 'quota_exceeded') {
        setRefused(refusedEstimate(e.body))
      }
      setError(e)
    } finally {
      setBusy(null)
    }
  }

  const submitLabel = sendLabel(requireApproval, Boolean(scheduledAt))

  if (!loaded) {
    return (
      <Layout title={t(lang, 'ann.compose')}>
        <p class="loading">{t(lang, 'common.loading')}</p>
      </Layout>
    )
  }
  return (
    <Layout
      title={t(lang, id ? 'ann.edit' : 'ann.compose')}
      back={{ to: 'announcements', label: t(lang, 'ann.title') }}
    >
      <div class="ann-compose">
        <div class="ann-main form">
          <Card title={t(lang, 'ann.about')}>
            <label class="field">
              <span class="field-label">{t(lang, 'ann.name')}</span>
              <span class="field-hint">{t(lang, 'ann.nameHint')}</span>
              <input id="ann-title" value={title} maxLength={120} onInput={(e) => setTitle(e.currentTarget.value)} />
            </label>
            <label class="field">
              <span class="field-label">{t(lang, 'ann.topic')}</span>
              <select
                id="ann-topic"
                value={topic}
                onChange={(e) => setTopic(e.currentTarget.value as AnnouncementTopic)}
              >
                {ANNOUNCEMENT_TOPICS.map((k) => (
                  <option key={k} value={k}>
                    {ANNOUNCEMENT_TOPIC_LABELS[k][lang]}
                  </option>
                ))}
              </select>
            </label>
          </Card>

          <Card title={t(lang, 'ann.audience')}>
            <AudiencePicker
              value={audience}
              onChange={(a) => {
                setAudience(a)
                setPartial(null)
              }}
            />
            <EstimatePanel estimate={shown} error={estimateError} partial={partial} onPartial={setPartial} />
          </Card>

          <Card title={t(lang, 'ann.message')}>
            <p class="field-label" aria-hidden="true">
              {t(lang, 'ann.kind')}
            </p>
            <fieldset class="segmented">
              <legend class="visually-hidden">{t(lang, 'ann.kind')}</legend>
              {ANNOUNCEMENT_KINDS.map((k) => (
                <label key={k} class={`segment${draft.kind === k ? ' is-on' : ''}`}>
                  <input
                    type="radio"
                    name="ann-kind"
                    checked={draft.kind === k}
                    onChange={() => setDraft({ ...draft, kind: k })}
                  />
                  <span>{t(lang, `ann.kind.${k}`)}</span>
                </label>
              ))}
            </fieldset>
            {draft.kind === 'text' ? null : (
              <ImageField value={draft.image} onChange={(image) => setDraft({ ...draft, image })} />
            )}
            {draft.kind === 'card' ? (
              <label class="field">
                <span class="field-label">{t(lang, 'ann.linkUrl')}</span>
                <span class="field-hint">{t(lang, 'ann.linkUrlHint')}</span>
                <input
                  type="url"
                  inputMode="url"
                  placeholder="https://"
                  value={draft.linkUrl}
                  onInput={(e) => setDraft({ ...draft, linkUrl: e.currentTarget.value })}
                />
              </label>
            ) : null}
            <div class="ann-tabs" role="tablist" aria-label={t(lang, 'ann.languages')}>
              {(['th', 'en'] as const).map((l) => (
                <button
                  key={l}
                  type="button"
                  role="tab"
                  id={`ann-tab-${l}`}
                  aria-selected={tab === l}
                  aria-controls="ann-tabpanel"
                  class={`ann-tab${tab === l ? ' is-on' : ''}`}
                  onClick={() => {
                    setTab(l)
                    setPreviewLang(l)
                  }}
                >
                  {t(lang, `ann.tab.${l}`)}
                </button>
              ))}
            </div>
            <div class="ann-tabpanel" id="ann-tabpanel" role="tabpanel" aria-labelledby={`ann-tab-${tab}`}>
              {tab === 'en' ? <p class="notice notice-info">{t(lang, 'ann.enOptional')}</p> : null}
              <TextFields
                key={tab}
                idPrefix={`ann-${tab}`}
                kind={draft.kind}
                value={draft[tab]}
                onChange={(v) => setDraft({ ...draft, [tab]: v })}
              />
            </div>
          </Card>

          <Card title={t(lang, 'ann.when')}>
            <fieldset class="segmented">
              <legend class="visually-hidden">{t(lang, 'ann.when')}</legend>
              {(['now', 'later'] as const).map((m) => (
                <label key={m} class={`segment${schedule.mode === m ? ' is-on' : ''}`}>
                  <input
                    type="radio"
                    name="ann-when"
                    checked={schedule.mode === m}
                    onChange={() => setSchedule({ ...schedule, mode: m })}
                  />
                  <span>{t(lang, `ann.when.${m}`)}</span>
                </label>
              ))}
            </fieldset>
            {schedule.mode === 'later' ? (
              <div class="ann-when-fields">
                <DateField
                  lang={lang}
                  label={t(lang, 'ann.date')}
                  value={schedule.date}
                  onChange={(date) => setSchedule({ ...schedule, date })}
                />
                <label class="field">
                  <span class="field-label">{t(lang, 'ann.time')}</span>
                  <input
                    type="time"
                    value={schedule.time}
                    onInput={(e) => setSchedule({ ...schedule, time: e.currentTarget.value })}
                  />
                  <span class="field-hint">{t(lang, 'ann.bangkokTime')}</span>
                </label>
                <p class={`ann-when-shown${schedulePast ? ' is-bad' : ''}`} aria-live="polite">
                  {scheduledAt
                    ? schedulePast
                      ? t(lang, 'ann.schedPast')
                      : t(lang, 'ann.schedAt', { when: when(lang, scheduledAt) })
                    : t(lang, 'ann.schedPick')}
                </p>
              </div>
            ) : null}
          </Card>
        </div>

        <aside class="ann-side">
          <Card title={t(lang, 'ann.preview')}>
            <fieldset class="segmented ann-preview-lang">
              <legend class="visually-hidden">{t(lang, 'ann.previewAs')}</legend>
              {(['th', 'en'] as const).map((l) => (
                <label key={l} class={`segment${previewLang === l ? ' is-on' : ''}`}>
                  <input
                    type="radio"
                    name="ann-preview"
                    checked={previewLang === l}
                    onChange={() => setPreviewLang(l)}
                  />
                  <span>{t(lang, `ann.previewAs.${l}`)}</span>
                </label>
              ))}
            </fieldset>
            <LinePreview
              label={t(lang, 'ann.preview')}
              oaName={stationName}
              messages={(previewLang === 'en' ? messages.en : undefined) ?? messages.th}
            />
            {previewLang === 'en' && !messages.en ? <p class="hint">{t(lang, 'ann.enFallback')}</p> : null}
          </Card>

          <Card title={t(lang, 'ann.actions')}>
            {problems.length > 0 ? (
              <ul class="ann-problems">
                {problems.map((p) => (
                  <li key={p}>{t(lang, `ann.problem.${p}`)}</li>
                ))}
              </ul>
            ) : null}
            {requireApproval ? <p class="hint">{t(lang, 'ann.approvalNeeded')}</p> : null}
            {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
            <div class="ann-buttons">
              <button
                type="button"
                class="button button-primary button-block"
                disabled={Boolean(busy) || Boolean(blocked) || !can('broadcasts.send')}
                onClick={() =>
                  run(submitLabel, async () => {
                    const b = await save()
                    await broadcastsApi.act(b.id, 'send', partial ? { partial } : {})
                    notify(t(lang, 'ann.submitted'))
                    navigate(`announcements/${b.id}`)
                  })
                }
              >
                {busy === submitLabel ? t(lang, 'common.sending') : t(lang, submitLabel)}
              </button>
              <button
                type="button"
                class="button button-secondary button-block"
                disabled={Boolean(busy) || problems.length > 0}
                onClick={() =>
                  run('ann.testSend', async () => {
                    const b = await save()
                    await broadcastsApi.act(b.id, 'test')
                    notify(t(lang, 'ann.testSent'))
                  })
                }
              >
                {busy === 'ann.testSend' ? t(lang, 'common.sending') : t(lang, 'ann.testSend')}
              </button>
              <button
                type="button"
                class="button button-secondary button-block"
                disabled={Boolean(busy)}
                onClick={() =>
                  run('ann.saveDraft', async () => {
                    await save()
                    notify(t(lang, 'ann.saved'))
                  })
                }
              >
                {t(lang, 'ann.saveDraft')}
              </button>
            </div>
          </Card>
        </aside>
      </div>
    </Layout>
  )
}
