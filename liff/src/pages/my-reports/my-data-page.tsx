import { type ApiError, apiErrorFrom, asApiError } from '@shared/lib/api.js'
import { getIdToken } from '@shared/lib/liff.js'
import { Card } from '@shared/ui/card.js'
import { ErrorNotice } from '@shared/ui/error-notice.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from '../../lib/api.js'
import type { Language } from '../../lib/i18n.js'
import { useSession } from '../../lib/session.js'
import { Shell } from '../../ui/shell.js'
import { rt } from './texts.js'
import './reports.css'

type Bilingual = { th: string; en: string }
type Block = { title: Bilingual; rows: { label: Bilingual; value: string | Bilingual }[]; blocks?: Block[] }
type Page = { exportedAt: Bilingual; sections: { title: Bilingual; blocks: Block[]; empty: Bilingual }[] }

const pick = (lang: Language, v: string | Bilingual) => (typeof v === 'string' ? v : v[lang])

function BlockView({ lang, block, level }: { lang: Language; block: Block; level: number }) {
  const Heading = level === 3 ? 'h3' : 'h4'
  return (
    <section class="data-block">
      <Heading class="data-block-title">{pick(lang, block.title)}</Heading>
      {block.rows.length > 0 ? (
        <dl class="details">
          {block.rows.map((r) => (
            <div class="detail-row" key={`${r.label.en}-${pick('en', r.value)}`}>
              <dt>{pick(lang, r.label)}</dt>
              <dd>{pick(lang, r.value)}</dd>
            </div>
          ))}
        </dl>
      ) : null}
      {(block.blocks ?? []).map((b) => (
        <BlockView key={b.title.en} lang={lang} block={b} level={level + 1} />
      ))}
    </section>
  )
}

/** Saves one format of the export as a file (the ID token goes in the header, as for every API call). */
async function save(format: 'html' | 'json') {
  const res = await fetch(`/api/liff/me/export?format=${format}`, {
    headers: { authorization: `Bearer ${getIdToken() ?? ''}` },
    cache: 'no-store',
  })
  if (!res.ok) {
    throw apiErrorFrom(res.status, await res.json().catch(() => undefined), 'error.server')
  }
  const url = URL.createObjectURL(await res.blob())
  const a = document.createElement('a')
  a.href = url
  a.download = `my-data.${format}`
  a.click()
  setTimeout(() => URL.revokeObjectURL(url), 10_000)
}

/**
 * PDPA s.30 and s.31: everything the OA holds about the citizen, readable here (Thai or English, Buddhist Era
 * dates, every kind of case, numbers in full: it is their own), and as files to keep (HTML) or to reuse (JSON).
 */
export function MyDataPage() {
  const { lang } = useSession()
  const [page, setPage] = useState<Page | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [busy, setBusy] = useState(false)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    api<{ page: Page }>('/api/liff/me/export?format=view').then(
      (res) => setPage(res.page),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [attempt])

  async function download(format: 'html' | 'json') {
    setBusy(true)
    try {
      await save(format)
    } catch (err) {
      setError(asApiError(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Shell lang={lang} title={rt(lang, 'myDataTitle')} back={{ to: 'my-reports' }}>
      <p class="hint">{rt(lang, 'myDataIntro')}</p>
      <div class="button-row data-files">
        <button type="button" class="button button-secondary" disabled={busy} onClick={() => void download('html')}>
          {rt(lang, busy ? 'exporting' : 'saveHtml')}
        </button>
        <button type="button" class="button button-secondary" disabled={busy} onClick={() => void download('json')}>
          {rt(lang, 'saveJson')}
        </button>
      </div>
      {error ? (
        <ErrorNotice th={error.th} en={error.en} reqId={error.reqId} onRetry={() => setAttempt((n) => n + 1)} />
      ) : null}
      {!page && !error ? <div class="loading" aria-hidden="true" /> : null}
      {page ? <p class="hint">{rt(lang, 'exportedAt', { date: page.exportedAt[lang] })}</p> : null}
      {page?.sections.map((s) => (
        <Card key={s.title.en} title={s.title[lang]}>
          {s.blocks.length === 0 ? <p class="hint">{s.empty[lang]}</p> : null}
          {s.blocks.map((b) => (
            <BlockView key={b.title.en} lang={lang} block={b} level={3} />
          ))}
        </Card>
      ))}
    </Shell>
  )
}
