import type { DeliveryState } from '@contracts/consultations.js'
import { Link } from '@shared/lib/router.js'
import { AlertIcon, ClockIcon, LockIcon, PaperclipIcon } from '@shared/ui/icons.js'
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks'
import { day, type Language, t, when } from '../../lib/i18n.js'
import type { AttachmentMeta, CaseEvent } from '../../lib/types.js'
import { MaskedText, Media, type Names, What } from '../case-timeline.js'

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined)

/** The delivery state B's server puts on each officer message (`data.delivery`), if it is one. */
export function deliveryOf(e: CaseEvent): DeliveryState | null {
  const d = e.data?.delivery as DeliveryState | undefined
  return d && typeof d === 'object' && typeof d.state === 'string' ? d : null
}

/** HH:MM in Bangkok (the day is on the message already). */
function clock(iso: string): string {
  return new Date(iso).toLocaleTimeString('en-GB', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit' })
}

/** Queued, sent free as a reply, sent by push (which costs a message of the quota), or failed with LINE's reason. */
function Delivery({ lang, d }: { lang: Language; d: DeliveryState }) {
  if (d.state === 'queued') {
    return (
      <p class="delivery delivery-queued">
        <ClockIcon />
        <span>{t(lang, 'delivery.queued')}</span>
      </p>
    )
  }
  if (d.state === 'failed') {
    return (
      <p class="delivery delivery-failed" role="status">
        <AlertIcon />
        <span>
          {t(lang, 'delivery.failed', { reason: t(lang, `delivery.cause.${d.cause ?? 'refused'}`) })}
          <small class="delivery-detail">LINE: {d.status ? `${d.reason} (${d.status})` : d.reason}</small>
        </span>
      </p>
    )
  }
  const push = d.via === 'push'
  return (
    <p class={`delivery delivery-${d.via}`}>
      {push ? <span class="push-badge">{t(lang, 'delivery.pushBadge')}</span> : null}
      <span>{t(lang, push ? 'delivery.push' : 'delivery.reply')}</span>
      <time dateTime={d.at}>{clock(d.at)}</time>
    </p>
  )
}

/** An officer's files on a message: the case's attachments named by id, or the metadata the event carries. */
function officerFiles(e: CaseEvent, byId: Map<string, AttachmentMeta>): AttachmentMeta[] {
  const ids = Array.isArray(e.data?.attachmentIds) ? (e.data.attachmentIds as unknown[]).filter((x) => str(x)) : []
  const listed = Array.isArray(e.data?.attachments) ? (e.data.attachments as AttachmentMeta[]) : []
  const found = (ids as string[]).map((id) => byId.get(id)).filter((a): a is AttachmentMeta => Boolean(a))
  return [...listed.filter((a) => a && typeof a.id === 'string'), ...found]
}

function Files({ lang, files }: { lang: Language; files: AttachmentMeta[] }) {
  return (
    <ul class="bubble-files">
      {files.map((a) => {
        const href = `/api/admin/attachments/${encodeURIComponent(a.id)}`
        const name = a.fileName ?? t(lang, 'timeline.attachment')
        const image = a.contentType.startsWith('image/')
        return (
          <li key={a.id}>
            <a class="attachment" href={href} target="_blank" rel="noopener noreferrer" data-attachment={a.id}>
              {image ? <img src={href} alt={name} loading="lazy" /> : <PaperclipIcon />}
              <span>{name}</span>
            </a>
          </li>
        )
      })}
    </ul>
  )
}

/** What the bubble says: the text (masked for the citizen's personal words until revealed), media, a sticker. */
function Body({ lang, e, caseId }: { lang: Language; e: CaseEvent; caseId: string }) {
  if (e.type === 'message_in' && e.data && (str(e.data.content) || str(e.data.attachmentId))) {
    return <Media lang={lang} e={e} />
  }
  if (e.body === null) {
    return e.data?.messageType === 'sticker' ? <p class="event-text">{t(lang, 'media.sticker')}</p> : null
  }
  return typeof e.body === 'string' ? (
    <p class="event-text">{e.body}</p>
  ) : (
    <MaskedText caseId={caseId} field={e.body.field} />
  )
}

/** The Bangkok calendar day of an instant, for the separators between days. */
function bangkokDay(iso: string): string {
  return new Date(new Date(iso).getTime() + 7 * 3600_000).toISOString().slice(0, 10)
}

type Props = {
  lang: Language
  events: CaseEvent[]
  names: Names
  caseId: string
  attachments: AttachmentMeta[]
  /** Entries the officer had not seen when the page opened (the last ones): a line marks where they start. */
  unread?: number
}

/**
 * The consultation as a chat, oldest first: the citizen on the left, the station on the right with who wrote and how
 * the message went out, internal notes as a yellow band across the thread, everything else as a quiet log line.
 * Scrolled to the newest message; when new ones arrive while the officer reads further up, a button says so.
 */
export function ChatThread({ lang, events, names, caseId, attachments, unread = 0 }: Props) {
  const box = useRef<HTMLOListElement>(null)
  const atBottom = useRef(true)
  const seen = useRef(0)
  const [below, setBelow] = useState(false)
  const byId = new Map(attachments.map((a) => [a.id, a]))
  const last = events.at(-1)?.id ?? 0
  // Where the unread part began when the thread was opened; it stays put while the page reloads after reading.
  const [firstUnread] = useState(() => (unread > 0 ? (events.at(-Math.min(unread, events.length))?.id ?? 0) : 0))

  useLayoutEffect(() => {
    const el = box.current
    if (!el) {
      return
    }
    if (atBottom.current || seen.current === 0) {
      el.scrollTop = el.scrollHeight
    } else if (last > seen.current) {
      setBelow(true)
    }
    seen.current = last
  }, [last])
  useEffect(() => {
    const el = box.current
    if (!el) {
      return
    }
    const onScroll = () => {
      atBottom.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48
      if (atBottom.current) {
        setBelow(false)
      }
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    return () => el.removeEventListener('scroll', onScroll)
  }, [])

  let previousDay = ''
  return (
    <div class="chat-wrap">
      <ol class="chat" ref={box} aria-label={t(lang, 'con.thread')}>
        {events.length === 0 ? <li class="chat-log">{t(lang, 'con.empty')}</li> : null}
        {events.map((e) => {
          const today = bangkokDay(e.createdAt)
          const separator =
            today !== previousDay ? (
              <li key={`day-${today}`} class="chat-day">
                <span>{day(lang, today)}</span>
              </li>
            ) : null
          previousDay = today
          const mark =
            e.id === firstUnread ? (
              <li key="unread" class="chat-unread">
                <span>{t(lang, 'con.unreadFrom')}</span>
              </li>
            ) : null
          return [separator, mark, <ChatItem key={e.id} lang={lang} e={e} names={names} caseId={caseId} byId={byId} />]
        })}
      </ol>
      {below ? (
        <button
          type="button"
          class="button button-primary button-small chat-below"
          onClick={() => {
            const el = box.current
            el?.scrollTo({ top: el.scrollHeight, behavior: 'smooth' })
            setBelow(false)
          }}
        >
          {t(lang, 'con.newBelow')}
        </button>
      ) : null}
    </div>
  )
}

/** Notes come from officers, from the system (an escalation) and from the citizen (their rating). */
function noteAuthor(lang: Language, e: CaseEvent): string {
  if (e.actorType === 'citizen') {
    return t(lang, 'con.citizen')
  }
  if (e.actorType === 'system') {
    return t(lang, 'timeline.system')
  }
  return e.officer?.displayName ?? t(lang, 'timeline.officer')
}

/** A conversion's note links the two cases (`data.link`, C2's workflow). */
function NoteLink({ lang, e }: { lang: Language; e: CaseEvent }) {
  const link = e.data?.link as { caseId?: unknown; referenceNumber?: unknown } | undefined
  const id = str(link?.caseId)
  if (!id) {
    return null
  }
  return (
    <Link class="button button-secondary button-small note-link" to={`cases/${encodeURIComponent(id)}`}>
      {t(lang, 'con.openCase', { ref: str(link?.referenceNumber) ?? '' })}
    </Link>
  )
}

type ItemProps = { lang: Language; e: CaseEvent; names: Names; caseId: string; byId: Map<string, AttachmentMeta> }

function ChatItem({ lang, e, names, caseId, byId }: ItemProps) {
  const time = (
    <time class="bubble-time" dateTime={e.createdAt}>
      {when(lang, e.createdAt)}
    </time>
  )
  if (e.type === 'note') {
    return (
      <li class="chat-note" data-event={e.id}>
        <p class="chat-note-head">
          <LockIcon />
          <strong>{t(lang, 'con.internalNote')}</strong>
          <span>· {t(lang, 'con.internalHint')}</span>
        </p>
        <Body lang={lang} e={e} caseId={caseId} />
        <NoteLink lang={lang} e={e} />
        <p class="bubble-meta">
          <span class="bubble-who">{noteAuthor(lang, e)}</span>
          {time}
        </p>
      </li>
    )
  }
  if (e.type === 'message_in') {
    return (
      <li class="bubble bubble-in" data-event={e.id}>
        <p class="bubble-meta">
          <span class="bubble-who">{t(lang, 'con.citizen')}</span>
          {time}
        </p>
        <Body lang={lang} e={e} caseId={caseId} />
      </li>
    )
  }
  if (e.type === 'message_out') {
    const delivery = deliveryOf(e)
    const files = officerFiles(e, byId)
    const who =
      e.actorType === 'system'
        ? t(lang, 'timeline.system')
        : (e.officer?.displayName ?? str(e.data?.officerName) ?? t(lang, 'timeline.officer'))
    return (
      <li
        class={`bubble bubble-out${delivery?.state === 'failed' ? ' is-failed' : ''}`}
        data-event={e.id}
        data-delivery={delivery ? (delivery.state === 'sent' ? delivery.via : delivery.state) : undefined}
      >
        <p class="bubble-meta">
          <span class="bubble-who">{who}</span>
          {time}
        </p>
        <Body lang={lang} e={e} caseId={caseId} />
        {files.length > 0 ? <Files lang={lang} files={files} /> : null}
        {delivery ? <Delivery lang={lang} d={delivery} /> : null}
      </li>
    )
  }
  return (
    <li class="chat-log" data-event={e.id}>
      <What lang={lang} e={e} names={names} caseId={caseId} />
      {e.type === 'assignment' && typeof e.body === 'string' ? <p class="event-text transfer-note">{e.body}</p> : null}
      {time}
    </li>
  )
}
