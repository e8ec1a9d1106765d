import { isFinding } from '@contracts/house-watch.js'
import { useEffect, useState } from 'preact/hooks'
import { formatDateTime, type Language } from '../../lib/i18n.js'
import { dataUrl, fetchFile } from './files.js'
import { hw } from './texts.js'
import type { OwnerVisit } from './types.js'

/** A visit's photo, fetched with the owner's token; a tap shows it full width. */
function VisitPhoto({ lang, caseId, visit }: { lang: Language; caseId: string; visit: OwnerVisit }) {
  const [url, setUrl] = useState<string | null>(null)
  const [large, setLarge] = useState(false)
  useEffect(() => {
    let live = true
    // A data: URL, not a blob: one: the app's CSP allows images from itself and data: only.
    fetchFile(`/api/liff/house-watch/${caseId}/visits/${visit.id}/photo`)
      .then(dataUrl)
      .then(
        (made) => live && setUrl(made),
        () => live && setUrl(null),
      )
    return () => {
      live = false
    }
  }, [caseId, visit.id])
  if (!url) {
    return <div class="visit-photo visit-photo-loading" aria-hidden="true" />
  }
  return (
    <button
      type="button"
      class={`visit-photo-button${large ? ' visit-photo-large' : ''}`}
      aria-label={hw(lang, 'photoOpen')}
      aria-pressed={large}
      onClick={() => setLarge((v) => !v)}
    >
      <img class="visit-photo" src={url} alt={hw(lang, 'photo')} />
    </button>
  )
}

/** The visits at the house, newest first: time (BE), officer's rank and name, result, note, photo. */
export function VisitLog({ lang, caseId, visits }: { lang: Language; caseId: string; visits: OwnerVisit[] }) {
  if (visits.length === 0) {
    return <p class="hint">{hw(lang, 'noVisits')}</p>
  }
  return (
    <ol class="visit-log">
      {visits.map((v) => (
        <li key={v.id} class={isFinding(v.result) ? 'visit visit-finding' : 'visit'}>
          <div class="visit-text">
            <p class="visit-when">{formatDateTime(lang, new Date(v.at))}</p>
            <p class={`visit-result result-${isFinding(v.result) ? 'finding' : 'normal'}`}>
              {lang === 'th' ? v.resultTh : v.resultEn}
            </p>
            <p class="visit-officer">{hw(lang, 'by', { officer: v.officer })}</p>
            {v.note ? <p class="visit-note">{v.note}</p> : null}
          </div>
          {v.hasPhoto ? <VisitPhoto lang={lang} caseId={caseId} visit={v} /> : null}
        </li>
      ))}
    </ol>
  )
}
