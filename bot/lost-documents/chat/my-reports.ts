import type { FeatureContext, Turn } from '../../conversation/types.js'
import type { LineMessage } from '../../line/line-client.js'
import { myReportsMessage } from '../report.flex.js'
import { listReports } from '../reports.queries.js'
import { T } from './kit.js'

/** "My reports" in the chat: a carousel of the citizen's reports, newest first (at most 10 bubbles). */
export async function myReports(
  turn: Turn,
  ctx: FeatureContext,
  pdfUrl: (caseId: string, lang: 'th' | 'en') => string,
): Promise<LineMessage[]> {
  const { lang } = turn
  const views = await listReports(turn.tx, turn.citizen.id, 10)
  if (views.length === 0) {
    return [{ type: 'text', text: T(lang, 'mine.empty'), quickReply: ctx.mainMenu(lang) }]
  }
  const message = myReportsMessage(views, lang, (v) => ({
    ...(v.issued ? { pdfUrl: pdfUrl(v.id, lang) } : {}),
    trackUrl: ctx.links.liff(`my-reports/${v.id}`),
  }))
  return [{ ...message, quickReply: ctx.mainMenu(lang) }]
}
