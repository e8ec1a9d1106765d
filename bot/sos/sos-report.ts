import type { messagingApi } from '@line/bot-sdk'
import { eq } from 'drizzle-orm'
import { caseEvents, cases, type Language } from '../../db/schema/index.js'
import { alertStation } from '../cases/alerts.js'
import { notifyCaseChange } from '../cases/case-feed.js'
import { openCase } from '../cases/open-case.js'
import { isTerminal } from '../cases/statuses.js'
import { resumeItem, setAside, setAsideFlow } from '../conversation/set-aside.js'
import type { FeatureContext, FlowState, Turn, TurnResult, UserInput } from '../conversation/types.js'
import { t } from '../i18n/index.js'
import type { LineMessage } from '../line/line-client.js'

export const SOS_FLOW = 'sos'
/** How long after "ฉุกเฉิน" a location still counts as an emergency report: short, an SOS is about now. */
export const SOS_WINDOW_MS = 10 * 60_000

/** `until`: the end of the SOS window (ISO); the state itself may live longer when it keeps a report set aside. */
export type SosData = { caseId?: string; reference?: string; until?: string }
type Location = Extract<UserInput, { kind: 'location' }>

/** The SOS context for the next few minutes, keeping whatever flow the emergency interrupted. */
export function sosState(step: 'location' | 'reported', data: SosData, now: Date, kept: FlowState | null): FlowState {
  const until = new Date(now.getTime() + SOS_WINDOW_MS)
  const { caseId, reference } = data
  return setAside(
    { flow: SOS_FLOW, step, data: { caseId, reference, until: until.toISOString() }, expiresAt: until },
    kept,
  )
}

/** The SOS context while its window is open (a location in it is an emergency report). */
export function activeSos(state: FlowState | null, now: Date): SosData | undefined {
  if (state?.flow !== SOS_FLOW) {
    return undefined
  }
  const data = state.data as SosData
  const until = data.until ? new Date(data.until) : state.expiresAt
  return until > now ? data : undefined
}

/** The main menu, with "continue my report" first when the emergency interrupted one. */
export function sosMenu(lang: Language, ctx: FeatureContext, kept: FlowState | null): messagingApi.QuickReply {
  return { items: [...(kept ? [resumeItem(lang)] : []), ...ctx.mainMenu(lang).items].slice(0, 13) }
}

/**
 * A location in the SOS context: the first opens an urgent 'sos' case and alerts the station's LINE group (openCase:
 * outbox row in this transaction, its delivery enqueued at commit by the case feed); a later one moves the same case
 * and alerts again, for someone on the move. The citizen gets the reference number and what happens next.
 */
export async function reportSosLocation(
  turn: Turn,
  location: Location,
  data: SosData,
  ctx: FeatureContext,
): Promise<TurnResult> {
  const { tx, station, lang, now } = turn
  const kept = setAsideFlow(turn.state, now)
  const place = [location.title, location.address].filter(Boolean).join(' ').slice(0, 200)
  const point = { latitude: location.latitude, longitude: location.longitude }
  const [open] = data.caseId ? await tx.select().from(cases).where(eq(cases.id, data.caseId)).limit(1) : []
  // A case officers have already closed is not reopened by a late location: that is a new emergency.
  if (open && !isTerminal(open.kind, open.status)) {
    const [moved] = await tx
      .update(cases)
      .set({ ...point, updatedAt: now })
      .where(eq(cases.id, open.id))
      .returning()
    if (moved) {
      await tx.insert(caseEvents).values({
        caseId: moved.id,
        type: 'note',
        actorType: 'citizen',
        body: t('th', 'sos.caseSummary', { place: place ? `: ${place}` : '' }),
        data: { ...point, source: 'line-location' },
        createdAt: now,
      })
      const phone = await ctx.contactPhone(tx, turn.citizen.id)
      await alertStation(tx, moved, station, ctx.adminLiffId, { name: turn.citizen.displayName, phone })
      await notifyCaseChange(tx, moved, 'updated')
      // The truth: the station's group saw the new place, or nobody was alerted (no group bound).
      const told = station.lineGroupId ? 'sos.locationUpdated' : 'sos.locationUpdatedNoGroup'
      return {
        messages: [
          {
            type: 'text',
            text: t(lang, told, { ref: moved.referenceNumber }),
            quickReply: sosMenu(lang, ctx, kept),
          },
        ],
        state: sosState('reported', data, now, kept),
      }
    }
  }
  // Who to call back: the LINE name, and the phone number the citizen gave the station before, if any.
  const phone = await ctx.contactPhone(tx, turn.citizen.id)
  // Officers read the summary in Thai (the station's working language), whatever the citizen's language.
  const { case: opened } = await openCase(tx, {
    station,
    adminLiffId: ctx.adminLiffId,
    kind: 'sos',
    citizenId: turn.citizen.id,
    priority: 'urgent',
    summary: t('th', 'sos.caseSummary', { place: place ? `: ${place}` : '' }),
    location: point,
    // Short: an SOS is about now (the station's setting, 10 minutes by default); unclaimed, it is pinned in the inbox.
    dueAt: new Date(now.getTime() + station.sosDueMinutes * 60_000),
    contact: { name: turn.citizen.displayName, phone },
    data: { source: 'line-location', language: lang },
    now,
  })
  const next: SosData = { caseId: opened.id, reference: opened.referenceNumber }
  const alerted = Boolean(station.lineGroupId)
  return {
    messages: [reportedMessage(lang, opened.referenceNumber, alerted, sosMenu(lang, ctx, kept))],
    state: sosState('reported', next, now, kept),
  }
}

/**
 * The citizen's card after a location: the case number on a line of its own (it fits a phone's bubble; `wrap` breaks
 * it at a hyphen rather than cutting it with "…" if a large font size needs more), and what really happened: the
 * station's LINE group was alerted, or, with no group bound, nobody was, and the citizen should call 191 now.
 */
export function reportedMessage(
  lang: Language,
  reference: string,
  alerted: boolean,
  quickReply?: messagingApi.QuickReply,
): LineMessage {
  const title = t(lang, alerted ? 'sos.reportedTitle' : 'sos.reportedTitleNoGroup')
  return {
    type: 'flex',
    altText: `${title} ${t(lang, 'sos.reportedRef', { ref: reference })}`.slice(0, 400),
    quickReply,
    contents: {
      type: 'bubble',
      header: {
        type: 'box',
        layout: 'vertical',
        backgroundColor: '#B71C1C',
        contents: [
          { type: 'text', text: `🚨 ${title}`, weight: 'bold', size: 'lg', color: '#FFFFFF', wrap: true },
          { type: 'text', text: t(lang, 'sos.reportedRefLabel'), size: 'sm', color: '#FFEBEE', margin: 'md' },
          { type: 'text', text: reference, size: 'md', weight: 'bold', color: '#FFFFFF', wrap: true },
        ],
      },
      body: {
        type: 'box',
        layout: 'vertical',
        contents: [
          {
            type: 'text',
            text: t(lang, alerted ? 'sos.reportedNext' : 'sos.reportedNextNoGroup'),
            size: 'sm',
            wrap: true,
          },
        ],
      },
      footer: {
        type: 'box',
        layout: 'vertical',
        contents: [
          {
            type: 'button',
            style: 'primary',
            color: '#C62828',
            action: { type: 'uri', label: t(lang, 'sos.call191'), uri: 'tel:191' },
          },
        ],
      },
    },
  }
}
