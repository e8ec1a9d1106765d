// Shared by the server and the LIFF apps (imported as @contracts/citizens.js): plain data and types, no imports.

/** The languages the OA speaks to citizens in (Thai first). */
export const LANGUAGES = ['th', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

export const FOLLOW_STATES = ['following', 'blocked'] as const
export type FollowState = (typeof FOLLOW_STATES)[number]
