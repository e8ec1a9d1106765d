import { messagingApi } from '@line/bot-sdk'

export type RichMenuApi = messagingApi.MessagingApiClient
export type RichMenuBlobApi = messagingApi.MessagingApiBlobClient

/**
 * The SDK's clients for rich menus (the bot's LineClient covers messaging only). Both base URLs come from the
 * config, so the emulator stands in for LINE; the image upload goes to the data API host.
 */
export function createRichMenuClients(opts: {
  channelAccessToken: string
  apiBaseUrl: string
  dataApiBaseUrl: string
}) {
  return {
    api: new messagingApi.MessagingApiClient({ channelAccessToken: opts.channelAccessToken, baseURL: opts.apiBaseUrl }),
    blob: new messagingApi.MessagingApiBlobClient({
      channelAccessToken: opts.channelAccessToken,
      baseURL: opts.dataApiBaseUrl,
    }),
  }
}

/** @line/bot-sdk 11.0.0 (the last for Node 20) does not escape path parameters: only real user IDs go in paths. */
export const LINE_USER_ID = /^U[0-9a-f]{32}$/
