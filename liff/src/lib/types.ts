// The JSON the LIFF API answers: the server's types, defined once in bot/contracts/liff-api.ts.
export type { Me, StationInfo } from '@contracts/liff-api.js'
