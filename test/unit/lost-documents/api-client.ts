/** Calls the running stack's API as the LIFF app does (Bearer ID token), for the integration tests. */
export function apiClient(baseUrl: string) {
  return async function call(
    path: string,
    init: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
  ) {
    const headers: Record<string, string> = { ...init.headers }
    if (init.token) {
      headers.authorization = `Bearer ${init.token}`
    }
    if (init.body !== undefined) {
      headers['content-type'] = 'application/json'
    }
    const res = await fetch(`${baseUrl}${path}`, {
      method: init.method ?? 'GET',
      headers,
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
    })
    const text = await res.text()
    // biome-ignore lint/suspicious/noExplicitAny: test responses are checked field by field
    const json = (): any => JSON.parse(text)
    return { status: res.status, headers: res.headers, text, json }
  }
}
