import type { FeatureContext, Turn } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'
import { listMyEmergencies, myEmergenciesMessage } from '../../sos/my-emergencies.js'
import { myReportsMessage } from '../report.flex.js'
import { listReports } from '../reports.queries.js'
import { T } from './kit.js'

/**
 * "My reports" in the chat: a carousel of the citizen's lost-document reports, newest first (at most 10 bubbles),
 * and the emergencies (SOS) they reported, each with its number and status.
 */
export async function myReports(
  turn: Turn,
  ctx: FeatureContext,
  pdfUrl: (caseId: string, lang: 'th' | 'en') => string,
): Promise<LineMessage[]> {
  const { lang } = turn
  const views = await listReports(turn.tx, turn.citizen.id, 10)
  const emergencies = myEmergenciesMessage(await listMyEmergencies(turn.tx, turn.citizen.id, 10), lang)
  const messages: LineMessage[] = []
  if (views.length > 0) {
    messages.push(
      myReportsMessage(views, lang, (v) => ({
        ...(v.issued ? { pdfUrl: pdfUrl(v.id, lang) } : {}),
        trackUrl: ctx.links.liff(`my-reports/${v.id}`),
      })),
    )
  } else {
    messages.push({ type: 'text', text: T(lang, 'mine.empty') })
  }
  if (emergencies) {
    messages.push(emergencies)
  }
  const last = messages.length - 1
  return messages.map((m, i) => (i === last ? { ...m, quickReply: ctx.mainMenu(lang) } : m))
}
