/**
 * Postback data is a query string: `a=<action>&k=v`. Short keys: LINE allows 300 characters. It lives with the LINE
 * kernel because both the conversation (which reads it) and the rich menu (whose tiles send it) speak it.
 */
export function postbackData(action: string, params: Record<string, string> = {}): string {
  return new URLSearchParams({ a: action, ...params }).toString()
}
