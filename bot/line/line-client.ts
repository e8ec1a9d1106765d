import { HTTPFetchError, insight, messagingApi } from '@line/bot-sdk'

export type LineMessage = messagingApi.Message
export type SendResult = { requestId: string | null }

/** LINE's error, classified once so callers decide retry vs give up without looking at status codes. */
export class LineApiError extends Error {
  override name = 'LineApiError'
  constructor(
    readonly status: number,
    readonly body: { message?: string; details?: { message?: string; property?: string }[] } | null,
    readonly requestId: string | null,
    readonly acceptedRequestId: string | null,
  ) {
    super(`LINE API ${status}: ${body?.message ?? 'no message'}`)
  }
  /** 409 on a retry key: LINE already accepted this request; it counts as delivered. */
  get alreadyAccepted() {
    return this.status === 409
  }
  /** 429 (rate limit or monthly quota) and 5xx, or a network failure (status 0): try again later. */
  get retryable() {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }
  get invalidReplyToken() {
    return this.status === 400 && /reply token/i.test(this.body?.message ?? '')
  }
}

/** What the bot needs from LINE. The SDK implementation is below; tests point it at the emulator. */
export interface LineClient {
  reply(replyToken: string, messages: LineMessage[]): Promise<SendResult>
  push(to: string, messages: LineMessage[], retryKey: string): Promise<SendResult>
  /** `aggregationUnit`: LINE's customAggregationUnits name, so the request's statistics can be read back. */
  multicast(to: string[], messages: LineMessage[], retryKey: string, aggregationUnit?: string): Promise<SendResult>
  /** Every friend of the OA (LINE's broadcast API: 60 requests an hour). */
  broadcast(messages: LineMessage[], retryKey: string): Promise<SendResult>
  /** LINE's statistics of a customAggregationUnit between two Bangkok-ish dates (yyyyMMdd, UTC+9). */
  statisticsPerUnit(unit: string, from: string, to: string): Promise<unknown>
  /** LINE's count of the OA's friends (followers who have not blocked it), as of yesterday. */
  followers(): Promise<number | null>
  showLoading(chatId: string, seconds: number): Promise<void>
  getProfile(userId: string): Promise<{ displayName: string; language?: string; pictureUrl?: string }>
  getQuota(): Promise<{ limit: number | null; used: number }>
  /** The members of a group or room, the OA not included (LINE counts a push to a group once per member). */
  membersCount(chatId: string): Promise<number>
  /** A citizen's image, video, audio or file (LINE keeps it for a limited time), at most `maxBytes`. */
  getContent(messageId: string, maxBytes: number): Promise<{ bytes: Buffer; contentType: string | null }>
}

/** The content is larger than the caller accepts (it stopped reading). */
export class ContentTooLargeError extends Error {
  override name = 'ContentTooLargeError'
}

export type LineClientOptions = {
  channelAccessToken: string
  apiBaseUrl: string
  dataApiBaseUrl: string
  /** Called after every LINE API call, for metrics. */
  onCall?: (endpoint: string, status: number) => void
}

const USER_ID = /^[UCR][0-9a-f]{32}$/

const MESSAGE_ID = /^\d{1,32}$/

export function createLineClient({
  channelAccessToken,
  apiBaseUrl,
  dataApiBaseUrl,
  onCall,
}: LineClientOptions): LineClient {
  const api = new messagingApi.MessagingApiClient({ channelAccessToken, baseURL: apiBaseUrl })
  const blob = new messagingApi.MessagingApiBlobClient({ channelAccessToken, baseURL: dataApiBaseUrl })
  const insights = new insight.InsightClient({ channelAccessToken, baseURL: apiBaseUrl })

  async function call<T>(endpoint: string, fn: () => Promise<T>): Promise<T> {
    try {
      const result = await fn()
      onCall?.(endpoint, 200)
      return result
    } catch (err) {
      if (err instanceof ContentTooLargeError) {
        throw err // our limit, not LINE's answer: not retryable
      }
      const e = toLineError(err)
      onCall?.(endpoint, e.status)
      throw e
    }
  }
  // @line/bot-sdk 11.0.0 (the last for Node 20) lacks the path-traversal fix of 11.0.1: check IDs put in paths.
  function checkId(id: string) {
    if (!USER_ID.test(id)) {
      throw new LineApiError(400, { message: 'invalid user, group or room ID' }, null, null)
    }
  }

  return {
    reply: (replyToken, messages) =>
      call('reply', async () => {
        const res = await api.replyMessageWithHttpInfo({ replyToken, messages })
        return { requestId: res.httpResponse.headers.get('x-line-request-id') }
      }),
    push: (to, messages, retryKey) =>
      call('push', async () => {
        const res = await api.pushMessageWithHttpInfo({ to, messages }, retryKey)
        return { requestId: res.httpResponse.headers.get('x-line-request-id') }
      }),
    multicast: (to, messages, retryKey, aggregationUnit) =>
      call('multicast', async () => {
        const units = aggregationUnit ? { customAggregationUnits: [aggregationUnit] } : {}
        const res = await api.multicastWithHttpInfo({ to, messages, ...units }, retryKey)
        return { requestId: res.httpResponse.headers.get('x-line-request-id') }
      }),
    broadcast: (messages, retryKey) =>
      call('broadcast', async () => {
        const res = await api.broadcastWithHttpInfo({ messages }, retryKey)
        return { requestId: res.httpResponse.headers.get('x-line-request-id') }
      }),
    statisticsPerUnit: (unit, from, to) => call('insight_unit', () => insights.getStatisticsPerUnit(unit, from, to)),
    followers: () =>
      call('insight_followers', async () => {
        // As of yesterday (UTC+9): LINE computes today's figure the next day.
        const date = new Date(Date.now() + 9 * 3_600_000 - 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')
        const res = await insights.getNumberOfFollowers(date)
        return res.status === 'ready' ? (res.targetedReaches ?? res.followers ?? null) : null
      }),
    showLoading: (chatId, seconds) =>
      call('loading', async () => {
        checkId(chatId)
        await api.showLoadingAnimation({ chatId, loadingSeconds: seconds })
      }),
    getProfile: (userId) =>
      call('profile', async () => {
        checkId(userId)
        const p = await api.getProfile(userId)
        return { displayName: p.displayName, language: p.language, pictureUrl: p.pictureUrl }
      }),
    getQuota: () =>
      call('quota', async () => {
        const [quota, usage] = await Promise.all([api.getMessageQuota(), api.getMessageQuotaConsumption()])
        return { limit: quota.type === 'limited' ? (quota.value ?? 0) : null, used: usage.totalUsage }
      }),
    membersCount: (chatId) =>
      call('members_count', async () => {
        checkId(chatId)
        const res = chatId.startsWith('R')
          ? await api.getRoomMemberCount(chatId)
          : await api.getGroupMemberCount(chatId)
        return res.count
      }),
    getContent: (messageId, maxBytes) =>
      call('content', async () => {
        if (!MESSAGE_ID.test(messageId)) {
          throw new LineApiError(400, { message: 'invalid message ID' }, null, null)
        }
        const res = await blob.getMessageContentWithHttpInfo(messageId)
        const chunks: Buffer[] = []
        let size = 0
        for await (const chunk of res.body) {
          size += (chunk as Buffer).length
          if (size > maxBytes) {
            res.body.destroy()
            throw new ContentTooLargeError(`content ${messageId} is larger than ${maxBytes} bytes`)
          }
          chunks.push(chunk as Buffer)
        }
        return { bytes: Buffer.concat(chunks), contentType: res.httpResponse.headers.get('content-type') }
      }),
  }
}

export function toLineError(err: unknown): LineApiError {
  if (err instanceof LineApiError) {
    return err
  }
  if (err instanceof HTTPFetchError) {
    let body: LineApiError['body'] = null
    try {
      body = JSON.parse(err.body)
    } catch {
      body = { message: err.body.slice(0, 500) }
    }
    return new LineApiError(
      err.status,
      body,
      err.headers.get('x-line-request-id'),
      err.headers.get('x-line-accepted-request-id'),
    )
  }
  // fetch() network failures are plain TypeErrors: treat as retryable (status 0).
  return new LineApiError(0, { message: err instanceof Error ? err.message : String(err) }, null, null)
}
