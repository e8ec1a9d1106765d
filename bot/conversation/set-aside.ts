import type { Language } from '../../db/schema/index.js'
import { t } from '../i18n/index.js'
import { postbackData } from '../line/postback.js'
import type { FlowState, QuickReplyItem } from './types.js'

/** The postback of "continue my report": the service that owns the set-aside flow takes it back. */
export const RESUME_ACTION = 'resume'

type Kept = { flow: string; step: string; data: Record<string, unknown>; expiresAt: string }

/**
 * An emergency takes the chat's state (a location sent now is an SOS report), but it must not destroy a report in
 * progress: the interrupted flow is kept inside the interrupting state, which lives as long as the flow would have.
 * The interrupting service decides how long it is itself active (the SOS window is in its own data).
 */
export function setAside(into: FlowState, flow: FlowState | null): FlowState {
  if (!flow) {
    return into
  }
  const kept: Kept = { flow: flow.flow, step: flow.step, data: flow.data, expiresAt: flow.expiresAt.toISOString() }
  return {
    ...into,
    data: { ...into.data, setAside: kept },
    expiresAt: new Date(Math.max(into.expiresAt.getTime(), flow.expiresAt.getTime())),
  }
}

/** The flow an interruption set aside, while it has not expired. */
export function setAsideFlow(state: FlowState | null, now: Date): FlowState | null {
  const kept = (state?.data as { setAside?: Kept } | undefined)?.setAside
  if (!kept) {
    return null
  }
  const expiresAt = new Date(kept.expiresAt)
  return expiresAt > now ? { flow: kept.flow, step: kept.step, data: kept.data, expiresAt } : null
}

/** "Continue my report", offered beside the emergency card when a flow was set aside. */
export function resumeItem(lang: Language): QuickReplyItem {
  const label = t(lang, 'flow.resume')
  return { type: 'action', action: { type: 'postback', label, data: postbackData(RESUME_ACTION), displayText: label } }
}
