import type { FastifyInstance } from 'fastify'
import type { EmulatorOfficers } from '../context.js'
import type { UserActions } from '../webhook/user-actions.js'

/**
 * The simulator's bridge to the bot's officers, registered only when the bot handed one in (`npm start` in
 * emulator mode): a newcomer makes a fake user an admin in one click, then opens the officers' page as them. LINE
 * has no such API; the emulator does not know what an officer is, it only calls the bot back.
 */
export function officerRoutes(app: FastifyInstance, officers: EmulatorOfficers, users: UserActions): void {
  app.get('/api/users/:userId/officer', async (req) => {
    const user = users.requireUser((req.params as { userId: string }).userId)
    return { role: await officers.roleOf(user.userId) }
  })

  app.post('/api/users/:userId/admin', async (req) => {
    const user = users.requireUser((req.params as { userId: string }).userId)
    return officers.makeAdmin({ userId: user.userId, displayName: user.displayName })
  })
}
