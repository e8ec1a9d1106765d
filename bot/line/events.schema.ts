import { z } from 'zod'

/** Only the fields the pipe relies on; unknown fields and unknown event types pass through untouched. */
export const lineSourceSchema = z.looseObject({
  type: z.string(),
  userId: z.string().optional(),
  groupId: z.string().optional(),
  roomId: z.string().optional(),
})

export const lineEventSchema = z.looseObject({
  type: z.string().min(1),
  webhookEventId: z.string().min(1).max(64),
  timestamp: z.number().int().nonnegative(),
  mode: z.string().optional(),
  replyToken: z.string().optional(),
  source: lineSourceSchema.optional(),
  deliveryContext: z.looseObject({ isRedelivery: z.boolean() }).optional(),
})
export type LineEvent = z.infer<typeof lineEventSchema>

export const lineCallbackSchema = z.object({
  destination: z.string().min(1),
  events: z.array(lineEventSchema),
})
export type LineCallback = z.infer<typeof lineCallbackSchema>

/** The chat an event belongs to: the unit of ordering (a user, a group or a room). */
export function chatKeyOf(event: LineEvent): string {
  const s = event.source
  return s?.groupId ?? s?.roomId ?? s?.userId ?? `none:${event.webhookEventId}`
}
