import { Card } from '@shared/ui/card.js'
import { Dialog } from '@shared/ui/dialog.js'
import { EyeIcon, LockIcon, PaperclipIcon } from '@shared/ui/icons.js'
import { useState } from 'preact/hooks'
import { fieldLabel, statusLabel } from '../i18n/labels.js'
import { type Language, t, when } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import type { CaseEvent } from '../lib/types.js'
import { RevealForm } from './case-citizen.js'
import { EvidenceEvent } from './case-evidence.js'
import { footageEventText } from './ccoc/footage-event.js'

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

function actorName(lang: Language, e: CaseEvent): string {
  if (e.actorType === 'citizen') {
    return t(lang, 'timeline.citizen')
  }
  if (e.actorType === 'system') {
    return t(lang, 'timeline.system')
  }
  return e.officer?.displayName ?? str(e.data?.officerName) ?? t(lang, 'timeline.officer')
}

function Attachment({ lang, e }: { lang: Language; e: CaseEvent }) {
  const id = str(e.data?.attachmentId) ?? str(e.data?.id)
  const name = str(e.data?.fileName) ?? t(lang, 'timeline.attachment')
  if (!id) {
    return <p class="event-text">{name}</p>
  }
  const href = `/api/admin/attachments/${encodeURIComponent(id)}`
  const image = str(e.data?.contentType)?.startsWith('image/')
  return (
    <a class="attachment" href={href} target="_blank" rel="noopener noreferrer">
      {image ? <img src={href} alt={name} loading="lazy" /> : <PaperclipIcon />}
      <span>{name}</span>
    </a>
  )
}

const MEDIA_KINDS = ['image', 'video', 'audio', 'file'] as const
const MEDIA_STATES = ['pending', 'too_large', 'bad_type', 'unavailable'] as const

/**
 * A picture, video, voice message or file the citizen sent: once fetched from LINE and kept, a thumbnail (pictures)
 * or a download link, served only to officers who may read the case (each opening audited).
 */
export function Media({ lang, e }: { lang: Language; e: CaseEvent }) {
  const type = str(e.data?.messageType)
  const kind = MEDIA_KINDS.find((k) => k === type) ?? 'file'
  const title = t(lang, `media.${kind}`)
  const id = str(e.data?.attachmentId)
  const state = str(e.data?.content)
  if (id) {
    const href = `/api/admin/attachments/${encodeURIComponent(id)}`
    const name = str(e.data?.fileName) ?? title
    const image = str(e.data?.contentType)?.startsWith('image/')
    const size = typeof e.data?.size === 'number' ? ` · ${Math.max(1, Math.round(e.data.size / 1024))} KB` : ''
    return (
      <a class="attachment" href={href} download={name} data-attachment={id}>
        {image ? <img src={href} alt={title} loading="lazy" /> : <PaperclipIcon />}
        <span>{`${image ? title : `${t(lang, 'media.download')}: ${name}`}${size}`}</span>
      </a>
    )
  }
  const note = MEDIA_STATES.find((m) => m === state)
  return (
    <p class="event-text">
      <PaperclipIcon /> {title}
      {note ? ` · ${t(lang, `media.${note}`)}` : ''}
    </p>
  )
}

/** Officers the page knows by name (the assignment events carry IDs only). */
export type Names = Record<string, string>

function Assignment({ lang, e, names }: { lang: Language; e: CaseEvent; names: Names }) {
  const to = typeof e.data?.to === 'string' ? e.data.to : null
  if (!to) {
    return <p class="event-title">{t(lang, 'timeline.released')}</p>
  }
  if (to === e.officer?.id) {
    return <p class="event-title">{t(lang, 'timeline.claimed')}</p>
  }
  const name = names[to]
  return <p class="event-title">{name ? t(lang, 'timeline.assignedTo', { name }) : t(lang, 'timeline.assignment')}</p>
}

/** The citizen's personal words, hidden until an officer who may reveal gives a reason (audited). */
export function MaskedText({ caseId, field }: { caseId: string; field: string }) {
  const { lang, can } = useAdmin()
  const [asking, setAsking] = useState(false)
  const [value, setValue] = useState<string | null>(null)
  if (value !== null) {
    return <p class="event-text revealed">{value}</p>
  }
  return (
    <div class="event-text masked-text">
      <LockIcon />
      <span>{t(lang, 'timeline.masked')}</span>
      {can('cases.reveal_pii') ? (
        <button type="button" class="button button-secondary button-small" onClick={() => setAsking(true)}>
          <EyeIcon />
          <span>{t(lang, 'reveal.button')}</span>
        </button>
      ) : null}
      <Dialog
        open={asking}
        title={t(lang, 'reveal.title', { field: fieldLabel(lang, field) })}
        onClose={() => setAsking(false)}
      >
        {asking ? (
          <RevealForm
            caseId={caseId}
            field={field}
            onClose={() => setAsking(false)}
            onRevealed={(v) => {
              setValue(v)
              setAsking(false)
            }}
          />
        ) : null}
      </Dialog>
    </div>
  )
}

export function What({ lang, e, names, caseId }: { lang: Language; e: CaseEvent; names: Names; caseId: string }) {
  const body =
    e.body === null ? null : typeof e.body === 'string' ? (
      <p class="event-text">{e.body}</p>
    ) : (
      <MaskedText caseId={caseId} field={e.body.field} />
    )
  switch (e.type) {
    case 'created':
      return <p class="event-title">{t(lang, 'timeline.created')}</p>
    case 'status':
      return (
        <>
          <p class="event-title">
            {t(lang, 'timeline.status', {
              from: e.fromStatus ? statusLabel(lang, e.fromStatus) : '—',
              to: e.toStatus ? statusLabel(lang, e.toStatus) : '—',
            })}
          </p>
          {e.body ? <p class="event-sub">{t(lang, 'timeline.statusMessage')}</p> : null}
          {body}
        </>
      )
    case 'note':
      return (
        <>
          <p class="event-title">
            <LockIcon /> {t(lang, 'timeline.note')}
          </p>
          {body}
        </>
      )
    case 'message_in':
    case 'message_out':
      if (e.data && (str(e.data.content) || str(e.data.attachmentId))) {
        return <Media lang={lang} e={e} />
      }
      if (!body && e.data?.messageType === 'sticker') {
        return <p class="event-text">{t(lang, 'media.sticker')}</p>
      }
      return body ?? <p class="event-text">—</p>
    case 'attachment':
      return <Attachment lang={lang} e={e} />
    case 'assignment':
      return <Assignment lang={lang} e={e} names={names} />
    case 'evidence':
      return <EvidenceEvent lang={lang} e={e} />
    case 'footage_request':
      return (
        <>
          <p class="event-title" data-event="footage_request">
            {footageEventText(lang, e.data)}
          </p>
          {body}
        </>
      )
    default:
      return body
  }
}

/**
 * Everything that happened, oldest first like a chat: the citizen's messages on the left, the station's on the
 * right, internal notes in a yellow box marked as never sent. Every text is rendered as text; the citizen's personal
 * answers come masked and are revealed one by one, with a reason.
 */
export function Timeline({
  lang,
  events,
  names,
  caseId,
}: {
  lang: Language
  events: CaseEvent[]
  names: Names
  caseId: string
}) {
  return (
    <Card title={t(lang, 'case.timeline')}>
      <ol class="timeline">
        {events.map((e) => {
          // Assignments are internal too, but only notes are written words an officer must not send by mistake.
          const kind =
            e.type === 'note' ? 'note' : e.type === 'message_in' ? 'in' : e.type === 'message_out' ? 'out' : 'log'
          return (
            <li key={e.id} class={`event event-${kind}`}>
              <p class="event-head">
                <span class="event-actor">{actorName(lang, e)}</span>
                {kind === 'out' ? <span class="event-tag">{t(lang, 'timeline.toCitizen')}</span> : null}
                {kind === 'note' ? <span class="event-tag">{t(lang, 'timeline.internalTag')}</span> : null}
                <time dateTime={e.createdAt}>{when(lang, e.createdAt)}</time>
              </p>
              <What lang={lang} e={e} names={names} caseId={caseId} />
            </li>
          )
        })}
      </ol>
    </Card>
  )
}
