import { type ApiError, asApiError } from '@shared/lib/api.js'
import { useEffect, useState } from 'preact/hooks'
import { api } from './api.js'

/**
 * A page's GET of its data: the value once loaded (null while loading), the error if it failed, and `retry` for the
 * error notice's button (which loads again). One place for the pattern the list pages repeated.
 */
export function useLoad<R, T>(
  path: string,
  pick: (res: R) => T,
): { data: T | null; error: ApiError | null; retry: () => void } {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<ApiError | null>(null)
  const [attempt, setAttempt] = useState(0)
  useEffect(() => {
    setError(null)
    api<R>(path).then(
      (res) => setData(pick(res)),
      (err: unknown) => setError(asApiError(err)),
    )
  }, [path, attempt])
  return { data, error, retry: () => setAttempt((n) => n + 1) }
}
