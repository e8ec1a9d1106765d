import type { MyConsultationThread } from '@contracts/liff-api.js'
import { getIdToken } from '@shared/lib/liff.js'
import { useEffect, useState } from 'preact/hooks'
import type { Language } from '../../lib/i18n.js'
import { ct } from './consultation-texts.js'

type File = MyConsultationThread['messages'][number]['files'][number]
const IMAGE = /^image\/(jpeg|png|gif|webp)$/

/**
 * A file of the thread, fetched with the citizen's ID token (the route serves the owner only, so a plain <img src>
 * cannot carry it): images as thumbnails, other files as a link that opens them.
 */
async function fileUrl(caseId: string, file: File): Promise<string> {
  const token = getIdToken()
  const res = await fetch(`/api/liff/my-consultations/${caseId}/files/${file.id}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  })
  if (!res.ok) {
    throw new Error(`file ${res.status}`)
  }
  return URL.createObjectURL(await res.blob())
}

function Thumbnail({ caseId, file, lang }: { caseId: string; file: File; lang: Language }) {
  const [url, setUrl] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  useEffect(() => {
    let made: string | null = null
    fileUrl(caseId, file).then(
      (u) => {
        made = u
        setUrl(u)
      },
      () => setFailed(true),
    )
    return () => {
      if (made) {
        URL.revokeObjectURL(made)
      }
    }
  }, [caseId, file.id])
  if (failed) {
    return <p class="field-error">{ct(lang, 'fileFailed')}</p>
  }
  return url ? (
    <a href={url} target="_blank" rel="noopener noreferrer">
      <img class="thread-thumb" src={url} alt={file.fileName ?? ct(lang, 'media.image')} />
    </a>
  ) : (
    <div class="thread-thumb thread-thumb-loading" aria-hidden="true" />
  )
}

function FileLink({ caseId, file, lang }: { caseId: string; file: File; lang: Language }) {
  const [failed, setFailed] = useState(false)
  const open = () => {
    setFailed(false)
    fileUrl(caseId, file).then(
      (url) => {
        const a = document.createElement('a')
        a.href = url
        a.download = file.fileName ?? 'file'
        a.click()
        setTimeout(() => URL.revokeObjectURL(url), 60_000) // time for the browser to take the download
      },
      () => setFailed(true),
    )
  }
  return (
    <>
      <button type="button" class="button button-secondary thread-file" onClick={open}>
        {file.fileName ?? ct(lang, 'open')} ({Math.max(1, Math.round(file.size / 1024))} KB)
      </button>
      {failed ? <p class="field-error">{ct(lang, 'fileFailed')}</p> : null}
    </>
  )
}

export function ThreadFiles({ caseId, files, lang }: { caseId: string; files: File[]; lang: Language }) {
  return (
    <div class="thread-files">
      {files.map((f) =>
        IMAGE.test(f.contentType) ? (
          <Thumbnail key={f.id} caseId={caseId} file={f} lang={lang} />
        ) : (
          <FileLink key={f.id} caseId={caseId} file={f} lang={lang} />
        ),
      )}
    </div>
  )
}
