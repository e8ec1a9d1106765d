import { StationBadge } from '@shared/ui/icons.js'

type Obj = Record<string, unknown>
const str = (v: unknown) => (typeof v === 'string' ? v : '')
const arr = (v: unknown): Obj[] => (Array.isArray(v) ? (v as Obj[]) : [])

/** A Flex component as LINE draws it (the parts the announcement card uses: text, image, box, button). */
function FlexPart({ c }: { c: Obj }) {
  switch (c.type) {
    case 'text':
      return (
        <p
          class={`lp-text lp-size-${str(c.size) || 'md'}${c.weight === 'bold' ? ' lp-bold' : ''}`}
          style={{ color: str(c.color) || undefined }}
        >
          {str(c.text)}
        </p>
      )
    case 'image':
      return (
        <img class="lp-hero" src={str(c.url)} alt="" style={{ aspectRatio: str(c.aspectRatio).replace(':', '/') }} />
      )
    case 'button': {
      const action = (c.action ?? {}) as Obj
      return (
        <span class="lp-button" style={{ background: str(c.color) || undefined }}>
          {str(action.label)}
        </span>
      )
    }
    case 'box':
      return (
        <div class={`lp-box lp-${str(c.layout) || 'vertical'}`}>
          {arr(c.contents).map((x, i) => (
            <FlexPart key={i} c={x} />
          ))}
        </div>
      )
    default:
      return null
  }
}

function Bubble({ m }: { m: Obj }) {
  if (m.type === 'text') {
    return <p class="lp-msg lp-msg-text">{str(m.text)}</p>
  }
  if (m.type === 'image') {
    return <img class="lp-msg lp-msg-image" src={str(m.previewImageUrl) || str(m.originalContentUrl)} alt="" />
  }
  if (m.type === 'flex') {
    const b = (m.contents ?? {}) as Obj
    return (
      <div class="lp-msg lp-card">
        {b.hero ? <FlexPart c={b.hero as Obj} /> : null}
        {b.body ? (
          <div class="lp-card-body">
            <FlexPart c={b.body as Obj} />
          </div>
        ) : null}
        {b.footer ? (
          <div class="lp-card-footer">
            <FlexPart c={b.footer as Obj} />
          </div>
        ) : null}
      </div>
    )
  }
  return <p class="lp-msg lp-msg-text">[{str(m.type)}]</p>
}

/**
 * What the recipient sees in LINE: the OA's avatar and name, then each message as a chat bubble (text), a picture,
 * or the announcement card (Flex bubble). `chatListText` is what the chat list and the notification show.
 */
export function LinePreview({ messages, oaName, label }: { messages: unknown[]; oaName: string; label: string }) {
  const list = messages as Obj[]
  const first = list[0]
  const notice = first ? str(first.altText) || str(first.text) || '🖼' : ''
  return (
    <figure class="lp" aria-label={label}>
      <div class="lp-chat">
        <div class="lp-row">
          <span class="lp-avatar" aria-hidden="true">
            <StationBadge label="" />
          </span>
          <div class="lp-stack">
            <span class="lp-name">{oaName}</span>
            {list.map((m, i) => (
              <Bubble key={i} m={m} />
            ))}
          </div>
        </div>
      </div>
      {notice ? (
        <figcaption class="lp-notice">
          <strong>{oaName}</strong> {notice.split('\n')[0]}
        </figcaption>
      ) : null}
    </figure>
  )
}
