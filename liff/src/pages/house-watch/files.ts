import { apiErrorFrom, networkError } from '@shared/lib/api.js'
import { getIdToken } from '@shared/lib/liff.js'

/**
 * A file of the citizen API (a visit's photo, the sticker PDF) as a blob: it needs the ID token, which an <img> or a
 * link cannot send, so the page fetches it and shows or saves an object URL. Rejects with ApiError.
 */
export async function fetchFile(path: string): Promise<Blob> {
  const token = getIdToken()
  let res: Response
  try {
    res = await fetch(path, { headers: token ? { authorization: `Bearer ${token}` } : {} })
  } catch {
    throw networkError()
  }
  if (!res.ok) {
    throw apiErrorFrom(res.status, await res.json().catch(() => null))
  }
  return res.blob()
}

/** Saves a blob under a file name (the browser's download; LINE's in-app browser opens the PDF). */
export function saveBlob(blob: Blob, fileName: string) {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}

/** A blob as a data: URL. */
export function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(String(reader.result))
    reader.onerror = () => reject(reader.error)
    reader.readAsDataURL(blob)
  })
}
