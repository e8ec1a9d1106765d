import { messagingApi } from '@line/bot-sdk'

/** Looks up a group's name in LINE; undefined when LINE does not answer in time or at all. */
export type GroupNameLookup = (groupId: string) => Promise<string | undefined>

const GROUP_ID = /^C[0-9a-f]{32}$/

/**
 * `GET /v2/bot/group/{groupId}/summary` through LINE_API_BASE_URL (the emulator in emulator mode). The join event
 * carries no name, so the groups page asks when it lists a group still without one; best effort, with a timeout.
 */
export function createGroupNameLookup(opts: { channelAccessToken: string; apiBaseUrl: string; timeoutMs?: number }) {
  const api = new messagingApi.MessagingApiClient({
    channelAccessToken: opts.channelAccessToken,
    baseURL: opts.apiBaseUrl,
  })
  const timeoutMs = opts.timeoutMs ?? 2_000
  const lookup: GroupNameLookup = async (groupId) => {
    if (!GROUP_ID.test(groupId)) {
      return undefined // bot-sdk 11.0.0 does not escape path segments
    }
    const timeout = new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs).unref())
    const call = api
      .getGroupSummary(groupId)
      .then((s) => s.groupName)
      .catch(() => undefined)
    return Promise.race([call, timeout])
  }
  return lookup
}
