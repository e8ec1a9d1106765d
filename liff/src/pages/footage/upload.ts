import { type ApiError, apiErrorFrom, networkError } from '@shared/lib/api.js'
import { getIdToken } from '@shared/lib/liff.js'

export type Uploaded = { id: string; sha256: string; size: number; receivedAt: string }

/**
 * Sends one file's bytes as they are (no shrinking: the station hashes what it receives) with the citizen's ID
 * token; XMLHttpRequest because fetch reports no upload progress. Rejects with ApiError.
 */
export function uploadFile(url: string, file: File, onProgress: (fraction: number) => void): Promise<Uploaded> {
  return new Promise((resolve, reject: (e: ApiError) => void) => {
    const xhr = new XMLHttpRequest()
    xhr.open('POST', url)
    const token = getIdToken()
    if (token) {
      xhr.setRequestHeader('authorization', `Bearer ${token}`)
    }
    xhr.setRequestHeader('content-type', file.type || 'application/octet-stream')
    xhr.setRequestHeader('x-file-name', encodeURIComponent(file.name))
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) {
        onProgress(e.loaded / e.total)
      }
    }
    xhr.onload = () => {
      let body: unknown = null
      try {
        body = JSON.parse(xhr.responseText)
      } catch {
        body = null
      }
      if (xhr.status === 201) {
        resolve(body as Uploaded)
      } else {
        reject(apiErrorFrom(xhr.status, body))
      }
    }
    xhr.onerror = () => reject(networkError())
    xhr.send(file)
  })
}
