import { eq } from 'drizzle-orm'
import { afterAll, beforeAll } from 'vitest'
import { citizens } from '../../../db/schema/index.js'
import { type Stack, type StackOptions, startStack } from '../../helpers/stack.js'
import { apiClient } from '../../unit/lost-documents/api-client.js'
import { chatDriver } from '../../unit/lost-documents/chat-driver.js'

/** The lost-document files' stack and the handles they all use (citizens, their tokens, the API, the chat). */
export type LostDocumentStack = Stack & {
  /** The LIFF API as the app calls it (Bearer ID token). */
  call: ReturnType<typeof apiClient>
  /** A new emulated LINE user and their LIFF ID token. */
  person(name: string, language?: 'th' | 'en'): { user: { userId: string }; token: string }
  /** A new emulated LINE user's ID token. */
  tokenFor(name?: string, language?: 'th' | 'en'): string
  /** The citizen row of a LINE user (undefined before their first event). */
  citizenOf(userId: string): Promise<typeof citizens.$inferSelect | undefined>
  /** A person chatting with the bot through the emulator. */
  chat(userId: string): ReturnType<typeof chatDriver>
}

/**
 * Starts the whole stack before the enclosing suite's tests (the file, or the `describe` it is called in) and closes
 * it after them. The returned object stands for the running stack (`s.db`, `s.emulator`, `s.app`… are read when a
 * test runs) plus the helpers above, so a file writes `const s = lostDocumentStack({ worker: false })`.
 */
export function lostDocumentStack(options: StackOptions = {}): LostDocumentStack {
  let running: Stack | undefined
  beforeAll(async () => {
    running = await startStack(options)
  })
  afterAll(async () => {
    await running?.close()
  })
  const stack = (): Stack => {
    if (!running) {
      throw new Error('the lost-document stack is used before its beforeAll (or after its afterAll)')
    }
    return running
  }
  const person = (name: string, language: 'th' | 'en' = 'th') => {
    const user = stack().emulator.createUser({ displayName: name, language })
    return { user, token: stack().emulator.issueIdToken(user.userId) }
  }
  return {
    get db() {
      return stack().db
    },
    get deps() {
      return stack().deps
    },
    get app() {
      return stack().app
    },
    get emulator() {
      return stack().emulator
    },
    get baseUrl() {
      return stack().baseUrl
    },
    get queuePrefix() {
      return stack().queuePrefix
    },
    close: (opts) => stack().close(opts),
    call: (path, init) => apiClient(stack().baseUrl)(path, init),
    person,
    tokenFor: (name = 'สมศรี มีสุข', language = 'th') => person(name, language).token,
    async citizenOf(userId) {
      const [row] = await stack().db.db.select().from(citizens).where(eq(citizens.lineUserId, userId))
      return row
    },
    chat: (userId) => chatDriver(stack(), userId),
  }
}
