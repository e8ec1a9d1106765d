// Shared by the officers' composer (liff/admin/src/pages/announcements) and the server: the LINE messages an
// announcement is made of, built from what the officer typed. Plain data, no imports.

/** A picture uploaded with POST /api/admin/broadcasts/images. */
export type AnnouncementImage = { originalContentUrl: string; previewImageUrl: string; width: number; height: number }

/** What the officer writes in one language. */
export type AnnouncementText = { headline: string; body: string; linkLabel: string }

export const ANNOUNCEMENT_KINDS = ['text', 'image', 'card'] as const
export type AnnouncementKind = (typeof ANNOUNCEMENT_KINDS)[number]

export type AnnouncementDraft = {
  kind: AnnouncementKind
  th: AnnouncementText
  /** Empty: English readers get the Thai messages. */
  en: AnnouncementText
  image: AnnouncementImage | null
  /** The card's button opens this (https). */
  linkUrl: string
  /** The topic's name in each language, shown small above the card's headline. */
  topic?: { th: string; en: string }
}

/** LINE's limits (Messaging API reference): text 5,000 characters, altText 1,500, a URI action's label 20 (40 in buttons). */
export const ANNOUNCEMENT_LIMITS = { text: 5000, altText: 1500, headline: 100, cardBody: 1000, linkLabel: 20 } as const

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n - 1)}…` : s)

/** Flex's aspectRatio ("w:h", height at most 3 × width), from the picture's size. */
export function aspectRatio(image: Pick<AnnouncementImage, 'width' | 'height'>): string {
  const w = Math.max(1, Math.round(image.width))
  const h = Math.min(Math.max(1, Math.round(image.height)), w * 3)
  return `${w}:${h}`
}

export const isHttpsUrl = (s: string) => /^https:\/\/[^\s/$.?#][^\s]*$/i.test(s.trim())

/**
 * The announcement card (a Flex bubble): the picture as its hero, the topic, the headline, the body and a button
 * to the link. Each part is left out when empty; the result is a valid LINE Flex message.
 */
export function announcementCard(input: {
  headline: string
  body: string
  image?: AnnouncementImage | null
  link?: { label: string; uri: string } | null
  topic?: string
}): Record<string, unknown> {
  const headline = clip(input.headline.trim(), ANNOUNCEMENT_LIMITS.headline)
  const body = clip(input.body.trim(), ANNOUNCEMENT_LIMITS.cardBody)
  const contents: Record<string, unknown>[] = []
  if (input.topic) {
    contents.push({ type: 'text', text: input.topic, size: 'xs', color: '#1e5aa8', weight: 'bold', wrap: true })
  }
  if (headline) {
    contents.push({ type: 'text', text: headline, size: 'lg', weight: 'bold', wrap: true, color: '#111111' })
  }
  if (body) {
    contents.push({ type: 'text', text: body, size: 'sm', wrap: true, color: '#333333' })
  }
  if (contents.length === 0) {
    contents.push({ type: 'text', text: '—', size: 'sm' })
  }
  const bubble: Record<string, unknown> = {
    type: 'bubble',
    body: { type: 'box', layout: 'vertical', spacing: 'md', contents },
  }
  if (input.image) {
    bubble.hero = {
      type: 'image',
      url: input.image.originalContentUrl,
      size: 'full',
      aspectMode: 'cover',
      aspectRatio: aspectRatio(input.image),
    }
  }
  const link = input.link
  if (link?.uri.trim()) {
    bubble.footer = {
      type: 'box',
      layout: 'vertical',
      contents: [
        {
          type: 'button',
          style: 'primary',
          color: '#1e5aa8',
          action: {
            type: 'uri',
            label: clip(link.label.trim() || 'อ่านเพิ่มเติม', ANNOUNCEMENT_LIMITS.linkLabel),
            uri: link.uri.trim(),
          },
        },
      ],
    }
  }
  const alt = [headline, body].filter(Boolean).join('\n') || input.topic || 'ประกาศ'
  return { type: 'flex', altText: clip(alt, ANNOUNCEMENT_LIMITS.altText), contents: bubble }
}

/** True when an officer wrote anything in this language. */
export function hasText(t: AnnouncementText): boolean {
  return Boolean(t.headline.trim() || t.body.trim())
}

function messagesIn(draft: AnnouncementDraft, lang: 'th' | 'en'): Record<string, unknown>[] {
  const t = lang === 'en' && hasText(draft.en) ? draft.en : draft.th
  const text = [t.headline.trim(), t.body.trim()].filter(Boolean).join('\n\n')
  if (draft.kind === 'card') {
    return [
      announcementCard({
        headline: t.headline,
        body: t.body,
        image: draft.image,
        link: draft.linkUrl.trim() ? { label: t.linkLabel || draft.th.linkLabel, uri: draft.linkUrl } : null,
        topic: draft.topic?.[lang],
      }),
    ]
  }
  const out: Record<string, unknown>[] = []
  if (draft.kind === 'image' && draft.image) {
    out.push({
      type: 'image',
      originalContentUrl: draft.image.originalContentUrl,
      previewImageUrl: draft.image.previewImageUrl,
    })
  }
  if (text) {
    out.push({ type: 'text', text: clip(text, ANNOUNCEMENT_LIMITS.text) })
  }
  return out
}

/**
 * The `messages` of POST /api/admin/broadcasts: Thai for everyone, and English for English readers only when the
 * officer wrote English (an announcement without English goes out in Thai).
 */
export function announcementMessages(draft: AnnouncementDraft): { th: unknown[]; en?: unknown[] } {
  const th = messagesIn(draft, 'th')
  return hasText(draft.en) ? { th, en: messagesIn(draft, 'en') } : { th }
}

/** What keeps a draft from being sent, as codes the composer words (empty: ready). */
export function draftProblems(draft: AnnouncementDraft): ('no_text' | 'no_image' | 'bad_link' | 'too_long')[] {
  const problems: ('no_text' | 'no_image' | 'bad_link' | 'too_long')[] = []
  if (!hasText(draft.th) && !(draft.kind === 'image' && draft.image)) {
    problems.push('no_text')
  }
  if (draft.kind === 'image' && !draft.image) {
    problems.push('no_image')
  }
  if (draft.kind === 'card' && draft.linkUrl.trim() && !isHttpsUrl(draft.linkUrl)) {
    problems.push('bad_link')
  }
  const longest = Math.max(...[draft.th, draft.en].map((t) => t.headline.length + t.body.length + 2))
  if (longest > ANNOUNCEMENT_LIMITS.text) {
    problems.push('too_long')
  }
  return problems
}
