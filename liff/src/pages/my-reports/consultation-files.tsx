import type { MyConsultationThread } from '@contracts/liff-api.js'
import { getIdToken } from '@shared/lib/liff.js'
import { useEffect, useState } from 'preact/hooks'
import type { Language } from '../../lib/i18n.js'
import { ct } from './consultation-texts.js'

type File = MyConsultationThread['messages'][number]['files'][number]
const IMAGE = /^image\/(jpeg|png|gif|webp)$/

/** A file of the thread, fetched with the citizen's ID token (the route serves the owner only). */
async function fetchFile(caseId: string, file: File): Promise<Blob> {
  const token = getIdToken()
  const res = await fetch(`/api/liff/my-consultations/${caseId}/files/${file.id}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
    cache: 'no-store',
  })
  if (!res.ok) {
    throw new Error(`file ${res.status}`)
  }
  return res.blob()
}

/** A photo as a data: URL: the pages' CSP allows images from our origin and data: only (no blob:). */
function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}

/** A photo as a thumbnail; a tap shows it at the width of the bubble. */
function Thumbnail({ caseId, file, lang }: { caseId: string; file: File; lang: Language }) {
  const [url, setUrl] = useState<string | null>(null)
  const [failed, setFailed] = useState(false)
  const [large, setLarge] = useState(false)
  useEffect(() => {
    fetchFile(caseId, file)
      .then(dataUrl)
      .then(setUrl, () => setFailed(true))
  }, [caseId, file.id])
  if (failed) {
    return <p class="field-error">{ct(lang, 'fileFailed')}</p>
  }
  return url ? (
    <button type="button" class="thread-thumb-button" aria-expanded={large} onClick={() => setLarge((v) => !v)}>
      <img
        class={`thread-thumb${large ? ' thread-thumb-large' : ''}`}
        src={url}
        alt={file.fileName ?? ct(lang, 'media.image')}
      />
    </button>
  ) : (
    <div class="thread-thumb thread-thumb-loading" aria-hidden="true" />
  )
}

/** Any other file: a button that downloads it (the bytes fetched with the token, then saved under its name). */
function FileLink({ caseId, file, lang }: { caseId: string; file: File; lang: Language }) {
  const [failed, setFailed] = useState(false)
  const open = () => {
    setFailed(false)
    fetchFile(caseId, file).then(
      (blob) => {
        const url = URL.createObjectURL(blob)
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
