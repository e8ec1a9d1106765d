import type { Stack } from './stack.js'

/** A LINE user who has added the OA in the emulator (LINE delivers pushes only to friends, and counts them). */
export function lineFriend(s: Stack, displayName: string) {
  const user = s.emulator.createUser({ displayName, language: 'th' })
  const stored = s.emulator.state.users.get(user.userId)
  if (stored) {
    stored.friendship = 'friend'
  }
  return user
}
