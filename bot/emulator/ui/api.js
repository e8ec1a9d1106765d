// The simulator's JSON API (/emulator/api/*). Errors carry the server's message.

async function call(method, path, body) {
  const res = await fetch(`/emulator/api${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const data = await res.json().catch(() => ({}))
  if (!res.ok) {
    const err = new Error(data.message ?? `HTTP ${res.status}`)
    err.status = res.status
    throw err
  }
  return data
}

export const api = {
  state: () => call('GET', '/state'),
  timeline: (chatId) => call('GET', `/chats/${encodeURIComponent(chatId)}/timeline`),
  send: (chatId, body) => call('POST', `/chats/${encodeURIComponent(chatId)}/send`, body),
  createUser: (body) => call('POST', '/users', body),
  follow: (userId) => call('POST', `/users/${encodeURIComponent(userId)}/follow`),
  unfollow: (userId) => call('POST', `/users/${encodeURIComponent(userId)}/unfollow`),
  createGroup: (body) => call('POST', '/groups', body),
  joinGroup: (groupId) => call('POST', `/groups/${encodeURIComponent(groupId)}/join`),
  leaveGroup: (groupId) => call('POST', `/groups/${encodeURIComponent(groupId)}/leave`),
  addMembers: (groupId, userIds) => call('POST', `/groups/${encodeURIComponent(groupId)}/members`, { userIds }),
  redeliver: (eventId) => call('POST', `/events/${encodeURIComponent(eventId)}/redeliver`),
  openLiff: (userId, uri) => call('POST', '/liff/open', { userId, uri }),
  richMenu: (query) => call('GET', `/richmenu?${new URLSearchParams(query)}`),
  officerRole: (userId) => call('GET', `/users/${encodeURIComponent(userId)}/officer`),
  makeAdmin: (userId) => call('POST', `/users/${encodeURIComponent(userId)}/admin`),
}

/** Live updates for one chat (or only `state` events without a chat). EventSource reconnects by itself. */
export function openStream(chatId, handlers) {
  const source = new EventSource(`/emulator/api/stream${chatId ? `?chatId=${encodeURIComponent(chatId)}` : ''}`)
  source.addEventListener('open', () => {
    // Whatever happened before the stream was listening (a reply between the page's first read of the chat and
    // this connection, or while it was reconnecting) is not coming as an event: let the page re-read the chat.
    handlers.onReconnect?.()
  })
  source.addEventListener('timeline', (e) => handlers.onTimeline?.(JSON.parse(e.data)))
  source.addEventListener('loading', (e) => handlers.onLoading?.(JSON.parse(e.data)))
  source.addEventListener('state', () => handlers.onState?.())
  return () => source.close()
}
