import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useToast } from '@shared/ui/toast.js'
import { useEffect, useRef, useState } from 'preact/hooks'
import { KIND_LABELS, STATUSES_BY_KIND, statusLabel } from '../i18n/labels.js'
import { adminApi } from '../lib/api.js'
import { type Language, t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { type CaseKind, LIVE_CASE_KINDS, type Template } from '../lib/types.js'
import { Layout } from '../ui/layout.js'

const PLACEHOLDERS = ['{reference}', '{status}', '{message}', '{date}', '{station}']
type Key = { kind: CaseKind; status: string; language: Language }

function Editor({ k, template, onSaved }: { k: Key; template: Template | undefined; onSaved: (t: Template) => void }) {
  const { lang } = useAdmin()
  const notify = useToast()
  const [body, setBody] = useState(template?.body ?? '')
  const [preview, setPreview] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<ApiError | null>(null)
  const area = useRef<HTMLTextAreaElement>(null)
  const first = useRef(true)
  useEffect(() => {
    // The text in force at once; while the admin types, after a short pause.
    const delay = first.current ? 0 : 400
    first.current = false
    const timer = window.setTimeout(() => {
      adminApi<{ text: string }>('/templates/preview', { method: 'POST', body: { ...k, body } }).then(
        (r) => setPreview(r.text),
        () => setPreview(''),
      )
    }, delay)
    return () => window.clearTimeout(timer)
  }, [body, k.kind, k.status, k.language])
  function insert(p: string) {
    const el = area.current
    const at = el?.selectionStart ?? body.length
    setBody(body.slice(0, at) + p + body.slice(el?.selectionEnd ?? at))
    el?.focus()
  }
  /** Saves the text; null puts the built-in default back. */
  async function put(text: string | null) {
    setBusy(true)
    setError(null)
    try {
      const res = await adminApi<{ template: Template }>('/templates', { method: 'PUT', body: { ...k, body: text } })
      onSaved(res.template)
      setBody(res.template.body)
      notify(t(lang, text === null ? 'templates.restored' : 'templates.saved'))
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <form
      class="form"
      onSubmit={(e) => {
        e.preventDefault()
        void put(body)
      }}
    >
      <label class="field">
        <span class="field-label">{t(lang, 'templates.body', { status: statusLabel(lang, k.status) })}</span>
        {template?.isDefault ? <span class="field-hint">{t(lang, 'templates.isDefault')}</span> : null}
        <textarea
          ref={area}
          rows={6}
          maxLength={2000}
          lang={k.language}
          value={body}
          onInput={(e) => setBody(e.currentTarget.value)}
        />
      </label>
      <fieldset class="placeholder-row">
        <legend class="visually-hidden">{t(lang, 'templates.placeholders')}</legend>
        {PLACEHOLDERS.map((p) => (
          <button key={p} type="button" class="chip" onClick={() => insert(p)}>
            {p}
          </button>
        ))}
      </fieldset>
      <div class="preview" aria-live="polite">
        <p class="preview-label">{t(lang, 'templates.preview')}</p>
        <p class="bubble" lang={k.language}>
          {preview || '—'}
        </p>
      </div>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      <button type="submit" class="button button-primary button-block" disabled={busy || !body.trim()}>
        {t(lang, 'common.save')}
      </button>
      {template && !template.isDefault ? (
        <button
          type="button"
          class="button button-secondary button-block"
          disabled={busy}
          onClick={() => void put(null)}
        >
          {t(lang, 'templates.restore')}
        </button>
      ) : null}
    </form>
  )
}

/** Admins: the message a citizen gets on each status change, per kind and language, with a live preview. */
export function TemplatesPage() {
  const { lang } = useAdmin()
  const [kind, setKind] = useState<CaseKind>('lost_document')
  const [language, setLanguage] = useState<Language>('th')
  const [status, setStatus] = useState(STATUSES_BY_KIND.lost_document[0] ?? '')
  const [items, setItems] = useState<Template[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  useEffect(() => {
    setItems(null)
    adminApi<{ items: Template[] }>(`/templates?kind=${kind}`).then(
      (r) => setItems(r.items),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [kind])
  const statuses = [
    ...new Set([...STATUSES_BY_KIND[kind], ...(items ?? []).filter((i) => i.kind === kind).map((i) => i.status)]),
  ]
  const current = items?.find((i) => i.kind === kind && i.status === status && i.language === language)
  const saved = (tpl: Template) =>
    setItems((list) => [
      ...(list ?? []).filter((i) => !(i.kind === tpl.kind && i.status === tpl.status && i.language === tpl.language)),
      tpl,
    ])
  return (
    <Layout title={t(lang, 'templates.title')}>
      <Card>
        <div class="filter-grid">
          <label class="field">
            <span class="field-label">{t(lang, 'inbox.kind')}</span>
            <select
              value={kind}
              onChange={(e) => {
                const k = e.currentTarget.value as CaseKind
                setKind(k)
                setStatus(STATUSES_BY_KIND[k][0] ?? '')
              }}
            >
              {LIVE_CASE_KINDS.map((k) => (
                <option key={k} value={k}>
                  {KIND_LABELS[k][lang]}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">{t(lang, 'inbox.status')}</span>
            <select value={status} onChange={(e) => setStatus(e.currentTarget.value)}>
              {statuses.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(lang, s)}
                </option>
              ))}
            </select>
          </label>
          <label class="field">
            <span class="field-label">{t(lang, 'templates.language')}</span>
            <select value={language} onChange={(e) => setLanguage(e.currentTarget.value as Language)}>
              <option value="th">ไทย</option>
              <option value="en">English</option>
            </select>
          </label>
        </div>
      </Card>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      {items ? (
        <Card>
          <Editor
            key={`${kind}/${status}/${language}`}
            k={{ kind, status, language }}
            template={current}
            onSaved={saved}
          />
        </Card>
      ) : error ? null : (
        <div class="loading" role="status" aria-label={t(lang, 'common.loading')} />
      )}
    </Layout>
  )
}
