import type { CannedReply } from '@contracts/consultations.js'
import { type ApiError, asApiError } from '@shared/lib/api.js'
import { Dialog } from '@shared/ui/dialog.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { type Language, t } from '../../lib/i18n.js'
import { itemsOf } from './types.js'

/** The placeholders the server fills when the message goes out, and what each becomes. */
export const PLACEHOLDERS = {
  '{name}': 'placeholder.name',
  '{ref}': 'placeholder.ref',
  '{officer}': 'placeholder.officer',
  '{station}': 'placeholder.station',
} as const
export type Placeholder = keyof typeof PLACEHOLDERS

export function placeholdersIn(text: string): Placeholder[] {
  return (Object.keys(PLACEHOLDERS) as Placeholder[]).filter((p) => text.includes(p))
}

/** The placeholders of the draft as chips that say what the server will put there. */
export function PlaceholderChips({ lang, text }: { lang: Language; text: string }) {
  const found = placeholdersIn(text)
  if (found.length === 0) {
    return null
  }
  return (
    <p class="placeholder-chips">
      <span>{t(lang, 'composer.placeholders')}</span>
      {found.map((p) => (
        <span key={p} class="ph-chip">
          <code>{p}</code> {t(lang, PLACEHOLDERS[p])}
        </span>
      ))}
    </p>
  )
}

function matches(r: CannedReply, q: string): boolean {
  const needle = q.trim().toLowerCase()
  return !needle || r.title.toLowerCase().includes(needle) || r.body.toLowerCase().includes(needle)
}

type Props = {
  lang: Language
  open: boolean
  /** The answer being written: it can be kept as one of the officer's own replies. */
  draft: string
  onClose: () => void
  onPick: (r: CannedReply) => void
}

/** The station's library and the officer's own, filtered as the officer types; a tap inserts the text. */
export function CannedPicker({ lang, open, draft, onClose, onPick }: Props) {
  return (
    <Dialog open={open} title={t(lang, 'canned.title')} onClose={onClose}>
      {open ? <CannedList lang={lang} draft={draft} onClose={onClose} onPick={onPick} /> : null}
    </Dialog>
  )
}

function CannedList({ lang, draft, onClose, onPick }: Omit<Props, 'open'>) {
  const [items, setItems] = useState<CannedReply[] | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [q, setQ] = useState('')
  const [title, setTitle] = useState('')
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    adminApi<CannedReply[] | { items: CannedReply[] }>('/canned-replies').then(
      (r) => setItems(itemsOf(r)),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [attempt])
  /** POST / DELETE on the officer's own library, then the list again. */
  async function change(run: () => Promise<unknown>) {
    setError(null)
    try {
      await run()
      setTitle('')
      setAttempt((n) => n + 1)
    } catch (err) {
      setError(asApiError(err))
    }
  }
  const mine = (items ?? []).filter((r) => r.scope === 'personal')
  const keep = () =>
    change(() =>
      adminApi('/canned-replies', {
        method: 'POST',
        body: { scope: 'personal', title: title.trim(), body: draft.trim(), position: mine.length + 1 },
      }),
    )
  const groups = (['personal', 'station'] as const).map((scope) => ({
    scope,
    rows: (items ?? []).filter((r) => r.scope === scope && matches(r, q)).sort((a, b) => a.position - b.position),
  }))
  const none = items !== null && groups.every((g) => g.rows.length === 0)
  return (
    <div class="form canned">
      <label class="field">
        <span class="field-label">{t(lang, 'canned.filter')}</span>
        <input type="search" autoComplete="off" value={q} onInput={(e) => setQ(e.currentTarget.value)} />
      </label>
      {error ? <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} /> : null}
      {items === null && !error ? <div class="loading" role="status" aria-label={t(lang, 'common.loading')} /> : null}
      {none ? <p class="hint">{t(lang, 'canned.none')}</p> : null}
      {groups.map((g) =>
        g.rows.length > 0 ? (
          <section key={g.scope} class="canned-group">
            <h3 class="canned-group-title">{t(lang, g.scope === 'station' ? 'canned.station' : 'canned.personal')}</h3>
            <ul class="canned-list">
              {g.rows.map((r) => (
                <li key={r.id} class="canned-row">
                  <button type="button" class="canned-item" onClick={() => onPick(r)}>
                    <span class="canned-title">{r.title}</span>
                    <span class="canned-body">{r.body}</span>
                  </button>
                  {r.scope === 'personal' ? (
                    <button
                      type="button"
                      class="button button-secondary button-small"
                      aria-label={t(lang, 'canned.removeMine', { title: r.title })}
                      onClick={() =>
                        void change(() => adminApi(`/canned-replies/${encodeURIComponent(r.id)}`, { method: 'DELETE' }))
                      }
                    >
                      {t(lang, 'common.remove')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          </section>
        ) : null,
      )}
      {draft.trim() ? (
        <form
          class="canned-keep"
          onSubmit={(e) => {
            e.preventDefault()
            if (title.trim()) {
              void keep()
            }
          }}
        >
          <label class="field">
            <span class="field-label">{t(lang, 'canned.keepTitle')}</span>
            <span class="field-hint">{t(lang, 'canned.keepHint')}</span>
            <input type="text" maxLength={100} value={title} onInput={(e) => setTitle(e.currentTarget.value)} />
          </label>
          <button type="submit" class="button button-secondary" disabled={!title.trim()}>
            {t(lang, 'canned.keep')}
          </button>
        </form>
      ) : null}
      <div class="button-row">
        <button type="button" class="button button-secondary" onClick={onClose}>
          {t(lang, 'common.cancel')}
        </button>
      </div>
    </div>
  )
}
