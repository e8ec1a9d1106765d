import {
  type CannedReply,
  CONSULTATION_TOPIC_LABELS,
  CONSULTATION_TOPICS,
  type CommonAnswer,
  type ConsultationTopic,
} from '@contracts/consultations.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useCallback, useEffect, useId, useState } from 'preact/hooks'
import { adminApi, query } from '../../lib/api.js'
import { type AdminKey, t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { itemsOf } from './types.js'

type Row<T> = T & { id: string }

/** A list kept on the server row by row: load, then save (POST a new row, PATCH one) and remove (DELETE). */
function useRows<T extends { id: string }>(path: string, load: () => Promise<T[]>) {
  const notify = useToast()
  const { lang } = useAdmin()
  const [rows, setRows] = useState<T[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const reload = useCallback(async () => {
    try {
      setRows(await load())
      setError(null)
    } catch (err) {
      setError(asApiError(err))
    }
  }, [load])
  useEffect(() => {
    void reload()
  }, [reload])
  async function call(run: () => Promise<unknown>, done: AdminKey) {
    setError(null)
    try {
      await run()
      notify(t(lang, done))
      await reload()
    } catch (err) {
      setError(asApiError(err))
    }
  }
  const save = (row: T, body: unknown, done: AdminKey) =>
    call(
      () =>
        row.id
          ? adminApi(`${path}/${encodeURIComponent(row.id)}`, { method: 'PATCH', body })
          : adminApi(path, { method: 'POST', body }),
      done,
    )
  const remove = (row: T, done: AdminKey) =>
    row.id
      ? call(() => adminApi(`${path}/${encodeURIComponent(row.id)}`, { method: 'DELETE' }), done)
      : Promise.resolve(setRows((now) => now?.filter((r) => r !== row) ?? null))
  return { rows, setRows, error, save, remove }
}

type FieldProps = { label: string; value: string; onInput: (v: string) => void; rows?: number; lang?: string }

function Field({ label, value, onInput, rows, lang }: FieldProps) {
  const id = useId()
  return (
    <label class="field" for={id}>
      <span class="field-label">{label}</span>
      {rows ? (
        <textarea id={id} rows={rows} lang={lang} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      ) : (
        <input id={id} type="text" lang={lang} value={value} onInput={(e) => onInput(e.currentTarget.value)} />
      )}
    </label>
  )
}

function Position({ label, value, onInput }: { label: string; value: number; onInput: (n: number) => void }) {
  return (
    <label class="field field-narrow">
      <span class="field-label">{label}</span>
      <input
        type="number"
        inputMode="numeric"
        min={0}
        step={1}
        value={value}
        onInput={(e) => onInput(e.currentTarget.valueAsNumber)}
      />
    </label>
  )
}

/** One common answer: both languages side by side, its order and whether it is offered. */
function AnswerForm({
  a,
  onSave,
  onRemove,
}: {
  a: Row<CommonAnswer>
  onSave: (a: CommonAnswer) => void
  onRemove: () => void
}) {
  const { lang } = useAdmin()
  const [v, setV] = useState(a)
  const set = (patch: Partial<CommonAnswer>) => setV({ ...v, ...patch })
  return (
    <form
      class="form row-card answer-form"
      data-answer={a.id || 'new'}
      onSubmit={(e) => {
        e.preventDefault()
        onSave(v)
      }}
    >
      {a.id ? null : <p class="row-title">{t(lang, 'answers.new')}</p>}
      <div class="pair">
        <Field label={t(lang, 'answers.titleTh')} lang="th" value={v.titleTh} onInput={(titleTh) => set({ titleTh })} />
        <Field label={t(lang, 'answers.titleEn')} lang="en" value={v.titleEn} onInput={(titleEn) => set({ titleEn })} />
        <Field
          label={t(lang, 'answers.bodyTh')}
          lang="th"
          rows={4}
          value={v.bodyTh}
          onInput={(bodyTh) => set({ bodyTh })}
        />
        <Field
          label={t(lang, 'answers.bodyEn')}
          lang="en"
          rows={4}
          value={v.bodyEn}
          onInput={(bodyEn) => set({ bodyEn })}
        />
      </div>
      <div class="row-actions">
        <Position label={t(lang, 'answers.position')} value={v.position} onInput={(position) => set({ position })} />
        <label class="check">
          <input type="checkbox" checked={v.active} onChange={(e) => set({ active: e.currentTarget.checked })} />
          <span>{t(lang, 'answers.active')}</span>
        </label>
        <button type="button" class="button button-secondary button-small" onClick={onRemove}>
          {t(lang, 'common.remove')}
        </button>
        <button type="submit" class="button button-primary button-small">
          {t(lang, 'common.save')}
        </button>
      </div>
    </form>
  )
}

/** The common answers of one topic at a time (GET/POST/PATCH/DELETE /api/admin/consultations/answers). */
export function AnswersCard() {
  const { lang } = useAdmin()
  const [topic, setTopic] = useState<ConsultationTopic>('scam')
  const load = useCallback(
    async () =>
      itemsOf(await adminApi<CommonAnswer[] | { items: CommonAnswer[] }>(`/consultations/answers${query({ topic })}`))
        .filter((a) => a.topic === topic)
        .sort((a, b) => a.position - b.position),
    [topic],
  )
  const { rows, setRows, error, save, remove } = useRows<CommonAnswer>('/consultations/answers', load)
  const blank: CommonAnswer = {
    id: '',
    topic,
    titleTh: '',
    titleEn: '',
    bodyTh: '',
    bodyEn: '',
    position: (rows?.length ?? 0) + 1,
    active: true,
  }
  return (
    <Card title={t(lang, 'answers.title')}>
      <p class="field-hint">{t(lang, 'answers.hint')}</p>
      <label class="field">
        <span class="field-label">{t(lang, 'answers.topic')}</span>
        <select value={topic} onChange={(e) => setTopic(e.currentTarget.value as ConsultationTopic)}>
          {CONSULTATION_TOPICS.map((k) => (
            <option key={k} value={k}>
              {CONSULTATION_TOPIC_LABELS[k][lang]}
            </option>
          ))}
        </select>
      </label>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="row-list">
        {rows && rows.length === 0 ? <p class="hint">{t(lang, 'answers.none')}</p> : null}
        {rows?.map((a, i) => (
          <AnswerForm
            key={a.id || `new-${i}`}
            a={a}
            onSave={(v) => {
              const { id: _id, ...body } = v
              void save(a, body, 'answers.saved')
            }}
            onRemove={() => void remove(a, 'answers.removed')}
          />
        ))}
      </div>
      <button type="button" class="button button-secondary" onClick={() => setRows([...(rows ?? []), blank])}>
        {t(lang, 'answers.add')}
      </button>
    </Card>
  )
}

function CannedForm({
  r,
  onSave,
  onRemove,
}: {
  r: CannedReply
  onSave: (r: CannedReply) => void
  onRemove: () => void
}) {
  const { lang } = useAdmin()
  const [v, setV] = useState(r)
  return (
    <form
      class="form row-card"
      data-canned={r.id || 'new'}
      onSubmit={(e) => {
        e.preventDefault()
        onSave(v)
      }}
    >
      <Field label={t(lang, 'cannedAdmin.name')} value={v.title} onInput={(title) => setV({ ...v, title })} />
      <Field label={t(lang, 'cannedAdmin.body')} rows={3} value={v.body} onInput={(body) => setV({ ...v, body })} />
      <div class="row-actions">
        <Position
          label={t(lang, 'answers.position')}
          value={v.position}
          onInput={(position) => setV({ ...v, position })}
        />
        <button type="button" class="button button-secondary button-small" onClick={onRemove}>
          {t(lang, 'common.remove')}
        </button>
        <button type="submit" class="button button-primary button-small">
          {t(lang, 'common.save')}
        </button>
      </div>
    </form>
  )
}

/** The station's canned replies (scope 'station'); officers keep their own from the composer's picker. */
export function StationCannedCard() {
  const { lang } = useAdmin()
  const load = useCallback(
    async () =>
      itemsOf(await adminApi<CannedReply[] | { items: CannedReply[] }>('/canned-replies'))
        .filter((r) => r.scope === 'station')
        .sort((a, b) => a.position - b.position),
    [],
  )
  const { rows, setRows, error, save, remove } = useRows<CannedReply>('/canned-replies', load)
  return (
    <Card title={t(lang, 'cannedAdmin.title')}>
      <p class="field-hint">{t(lang, 'cannedAdmin.hint')}</p>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <div class="row-list">
        {rows && rows.length === 0 ? <p class="hint">{t(lang, 'cannedAdmin.none')}</p> : null}
        {rows?.map((r, i) => (
          <CannedForm
            key={r.id || `new-${i}`}
            r={r}
            onSave={(v) =>
              void save(
                r,
                r.id
                  ? { title: v.title, body: v.body, position: v.position }
                  : { scope: 'station', title: v.title, body: v.body, position: v.position },
                'cannedAdmin.saved',
              )
            }
            onRemove={() => void remove(r, 'cannedAdmin.removed')}
          />
        ))}
      </div>
      <button
        type="button"
        class="button button-secondary"
        onClick={() =>
          setRows([
            ...(rows ?? []),
            { id: '', scope: 'station', title: '', body: '', position: (rows?.length ?? 0) + 1 },
          ])
        }
      >
        {t(lang, 'cannedAdmin.add')}
      </button>
    </Card>
  )
}
