import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { EyeIcon, PaperclipIcon } from '@shared/ui/icons.js'
import { useState } from 'preact/hooks'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { Bilingual, CaseDetail, CaseFact } from '../lib/types.js'
import { RevealForm } from './case-citizen.js'

/**
 * What the citizen gave (a lost-document report: the declarant, when and where, the story, each document with its
 * number under its own label), as the server describes it: personal values masked, each revealed on its own with a
 * reason (audited); then the case's documents (the issued record's PDF). Every value is rendered as text.
 */
export function ReportCards({ c }: { c: CaseDetail }) {
  const { lang, can } = useAdmin()
  const [asking, setAsking] = useState<{ field: string; label: Bilingual } | null>(null)
  const [revealed, setRevealed] = useState<Record<string, string>>({})
  const sections = c.sections ?? []
  const links = c.links ?? []
  if (sections.length === 0 && links.length === 0) {
    return null
  }
  const mayReveal = can('cases.reveal_pii')
  const fact = (f: CaseFact) => {
    const shown = f.field ? revealed[f.field] : undefined
    return (
      <div key={`${f.label.en}`} class="fact-row">
        <dt>{f.label[lang]}</dt>
        <dd>
          <span class={shown ? 'revealed' : f.field ? 'masked' : 'fact-value'}>{shown ?? f.value?.[lang] ?? '—'}</span>
          {f.field && !shown && mayReveal && c.revealable.includes(f.field) ? (
            <button
              type="button"
              class="button button-secondary button-small"
              onClick={() => setAsking({ field: f.field as string, label: f.label })}
            >
              <EyeIcon />
              <span>{t(lang, 'reveal.button')}</span>
              <span class="visually-hidden">{f.label[lang]}</span>
            </button>
          ) : null}
        </dd>
      </div>
    )
  }
  return (
    <>
      {sections.map((s) => (
        <Card key={s.id} title={s.title[lang]}>
          <dl class="facts" data-section={s.id}>
            {s.facts.map(fact)}
          </dl>
        </Card>
      ))}
      {links.length > 0 ? (
        <Card title={t(lang, 'report.documents')}>
          <ul class="doc-links">
            {links.map((l) => (
              <li key={l.id}>
                <a class="doc-link" href={l.href} target="_blank" rel="noopener noreferrer">
                  <PaperclipIcon />
                  <span>{l.label[lang]}</span>
                </a>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      <Dialog
        open={asking !== null}
        title={t(lang, 'reveal.title', { field: asking ? asking.label[lang] : '' })}
        onClose={() => setAsking(null)}
      >
        {asking ? (
          <RevealForm
            caseId={c.id}
            field={asking.field}
            onClose={() => setAsking(null)}
            onRevealed={(value) => {
              setRevealed((r) => ({ ...r, [asking.field]: value }))
              setAsking(null)
            }}
          />
        ) : null}
      </Dialog>
    </>
  )
}
