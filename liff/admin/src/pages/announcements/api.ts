import type { AnnouncementImage } from '@contracts/announcement-card.js'
import type {
  AnnouncementSettingsView,
  AnnouncementTopic,
  Audience,
  AudienceEstimate,
  BroadcastRequestView,
  BroadcastView,
  LocalizedMessages,
  PartialSend,
} from '@contracts/announcements.js'
import type { HouseholdAreas } from '@contracts/households.js'
import { apiErrorFrom, networkError } from '@shared/lib/api.js'
import { adminApi } from '../../lib/api.js'

// The announcements' calls (routes and types fixed in bot/contracts/announcements.ts).
export type { AnnouncementSettingsView, AudienceEstimate, BroadcastRequestView, BroadcastView }

export type BroadcastInput = {
  title: string
  topic: AnnouncementTopic
  audience: Audience
  messages: LocalizedMessages
  scheduledAt: string | null
}

/** The registry's places as the picker shows them (a municipality's name is null for tambons outside one). */
export type Areas = {
  municipalities: { name: string | null; subdistricts: { name: string; households: number; sois: string[] }[] }[]
}
/** GET /api/admin/audience-lists → { lists }: saved custom lists (the citizens' ids are not needed here). */
export type AudienceList = { id: string; name: string; size: number }

/** The estimate a 409 quota_exceeded carries (beside the error, and in error.details.estimate). */
export function refusedEstimate(body: unknown): AudienceEstimate | null {
  const b = (body ?? {}) as { estimate?: AudienceEstimate; error?: { details?: { estimate?: AudienceEstimate } } }
  return b.estimate ?? b.error?.details?.estimate ?? null
}

export const broadcastsApi = {
  list: () => adminApi<{ broadcasts: BroadcastView[] }>('/broadcasts'),
  get: (id: string) =>
    adminApi<{ broadcast: BroadcastView; requests: BroadcastRequestView[] }>(`/broadcasts/${encodeURIComponent(id)}`),
  create: (body: BroadcastInput) => adminApi<{ broadcast: BroadcastView }>('/broadcasts', { method: 'POST', body }),
  update: (id: string, body: BroadcastInput) =>
    adminApi<{ broadcast: BroadcastView }>(`/broadcasts/${encodeURIComponent(id)}`, { method: 'PATCH', body }),
  estimate: (audience: Audience, topic: AnnouncementTopic, signal?: AbortSignal) =>
    adminApi<AudienceEstimate>('/broadcasts/estimate', { method: 'POST', body: { audience, topic }, signal }),
  act: (id: string, action: 'test' | 'approve' | 'send' | 'cancel', body?: { partial?: PartialSend }) =>
    adminApi<{ broadcast?: BroadcastView }>(`/broadcasts/${encodeURIComponent(id)}/${action}`, {
      method: 'POST',
      body: body ?? {},
    }),
  settings: () => adminApi<AnnouncementSettingsView>('/broadcasts/settings'),
  saveSettings: (body: AnnouncementSettingsView) =>
    adminApi<AnnouncementSettingsView>('/broadcasts/settings', { method: 'PUT', body }),
  /** GET /api/admin/households/areas (HouseholdAreas): sois come with their counts; the picker needs their names. */
  areas: async (): Promise<Areas> => {
    const r = await adminApi<HouseholdAreas>('/households/areas')
    return {
      municipalities: r.municipalities.map((m) => ({
        name: m.name,
        subdistricts: m.subdistricts.map((d) => ({
          name: d.name,
          households: d.households,
          sois: d.sois.map((x) => x.name),
        })),
      })),
    }
  },
  lists: async (): Promise<AudienceList[]> => {
    const r = await adminApi<{ lists: AudienceList[] }>('/audience-lists')
    return r.lists.map((l) => ({ id: l.id, name: l.name, size: l.size }))
  },
}

/** POST /api/admin/broadcasts/images: the file's raw bytes; the server resizes it to LINE's limits. */
export async function uploadImage(file: Blob): Promise<AnnouncementImage & { id: string }> {
  let res: Response
  try {
    res = await fetch('/api/admin/broadcasts/images', {
      method: 'POST',
      headers: { 'content-type': file.type || 'application/octet-stream', accept: 'application/json' },
      body: file,
      credentials: 'same-origin',
    })
  } catch {
    throw networkError()
  }
  const body = (await res.json().catch(() => undefined)) as unknown
  if (!res.ok) {
    throw apiErrorFrom(res.status, body)
  }
  return body as AnnouncementImage & { id: string }
}

/** A Bangkok date and time (YYYY-MM-DD, HH:mm) as an ISO instant. */
export function bangkokInstant(date: string, time: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !/^\d{2}:\d{2}$/.test(time)) {
    return null
  }
  const at = new Date(`${date}T${time}:00+07:00`)
  return Number.isNaN(at.getTime()) ? null : at.toISOString()
}

/** An ISO instant as Bangkok's date and time fields. */
export function bangkokFields(iso: string): { date: string; time: string } {
  const shifted = new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString()
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) }
}
