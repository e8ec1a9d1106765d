// Renders message objects (what the bot sent, and what the simulated user sent) like LINE shows them.

import { h, image, safeUrl } from './dom.js'
import { renderFlex } from './flex.js'
import { t } from './i18n.js'

export function mapUrl(lat, lng) {
  return `https://www.google.com/maps?q=${encodeURIComponent(`${lat},${lng}`)}`
}

/** A LINE text with its LINE-emoji placeholders ($ at each emoji's index) shown as a small emoji mark. */
function textWithEmojis(text, emojis) {
  if (!Array.isArray(emojis) || emojis.length === 0) {
    return [text]
  }
  const parts = []
  let cursor = 0
  for (const emoji of [...emojis].sort((a, b) => a.index - b.index)) {
    parts.push(text.slice(cursor, emoji.index), h('span', { className: 'line-emoji', text: '☺', title: emoji.emojiId }))
    cursor = emoji.index + 1
  }
  parts.push(text.slice(cursor))
  return parts
}

/** textV2: {key} placeholders replaced by mentions (@name) or emoji marks. */
function textV2(m, users) {
  const subs = m.substitution ?? {}
  return String(m.text ?? '')
    .split(/(\{[^{}]+\})/)
    .map((part) => {
      const sub = /^\{([^{}]+)\}$/.test(part) ? subs[part.slice(1, -1)] : undefined
      if (sub?.type === 'mention') {
        const name = sub.mentionee?.type === 'all' ? 'All' : (users.get(sub.mentionee?.userId)?.displayName ?? 'user')
        return h('span', { className: 'mention', text: `@${name}` })
      }
      if (sub?.type === 'emoji') {
        return h('span', { className: 'line-emoji', text: '☺' })
      }
      return part
    })
}

export function locationCard(m) {
  return h(
    'div',
    { className: 'bubble card location' },
    h('div', { className: 'loc-pin', text: '📍' }),
    h(
      'div',
      { className: 'loc-body' },
      m.title ? h('div', { className: 'card-title', text: m.title }) : null,
      m.address ? h('div', { className: 'card-text', text: m.address }) : null,
      h('div', { className: 'card-meta', text: `${Number(m.latitude).toFixed(5)}, ${Number(m.longitude).toFixed(5)}` }),
      h('a', {
        className: 'card-link',
        href: mapUrl(m.latitude, m.longitude),
        target: '_blank',
        rel: 'noopener noreferrer',
        text: t('openMap'),
      }),
    ),
  )
}

export function stickerBox(m) {
  return h(
    'div',
    { className: 'sticker', title: `${m.packageId}/${m.stickerId}` },
    h('span', { text: '🐻' }),
    h('small', { text: `${m.packageId}/${m.stickerId}` }),
  )
}

/** A bot message. `ctx.onAction(action)` runs an action; `ctx.users` maps userId -> user for mentions. */
export function renderBotMessage(m, ctx) {
  switch (m.type) {
    case 'text':
      return h('div', { className: 'bubble bot-text' }, textWithEmojis(String(m.text ?? ''), m.emojis))
    case 'textV2':
      return h('div', { className: 'bubble bot-text' }, textV2(m, ctx.users))
    case 'image':
      return mediaLink(m.originalContentUrl, image(m.previewImageUrl, t('imageMessage'), 'msg-image'))
    case 'video':
      return mediaLink(
        m.originalContentUrl,
        h('div', { className: 'video' }, image(m.previewImageUrl, t('video'), 'msg-image'), h('span', { text: '▶' })),
      )
    case 'audio':
      return h('div', {
        className: 'bubble bot-text',
        text: `🔊 ${t('audio')} ${Math.round((m.duration ?? 0) / 1000)}s`,
      })
    case 'location':
      return locationCard(m)
    case 'sticker':
      return stickerBox(m)
    case 'imagemap':
      return imagemap(m, ctx)
    case 'template':
      return renderTemplate(m.template ?? {}, ctx)
    case 'flex':
      return h('div', { className: 'flex-message', title: m.altText }, renderFlex(m.contents, ctx.onAction))
    case 'coupon':
      return h('div', { className: 'bubble card', text: `🎟 ${t('coupon')} ${m.couponId ?? ''}` })
    default:
      return h('pre', { className: 'bubble unknown', text: JSON.stringify(m, null, 2) })
  }
}

function mediaLink(url, child) {
  const href = safeUrl(url)
  return href ? h('a', { href, target: '_blank', rel: 'noopener noreferrer', className: 'media' }, child) : child
}

function imagemap(m, ctx) {
  const base = m.baseSize ?? { width: 1040, height: 1040 }
  const width = 260
  const scale = width / base.width
  const el = h(
    'div',
    { className: 'imagemap', style: { width: `${width}px`, height: `${Math.round(base.height * scale)}px` } },
    image(`${m.baseUrl}/700`, m.altText, 'imagemap-img'),
  )
  for (const action of m.actions ?? []) {
    const a = action.area ?? {}
    el.append(
      h('button', {
        type: 'button',
        className: 'imagemap-area',
        title: action.label ?? action.text ?? action.linkUri ?? '',
        attrs: { 'aria-label': action.label ?? action.text ?? action.linkUri ?? 'area' },
        style: {
          left: `${a.x * scale}px`,
          top: `${a.y * scale}px`,
          width: `${a.width * scale}px`,
          height: `${a.height * scale}px`,
        },
        // Imagemap actions name their fields differently (linkUri); map them onto the common action shapes.
        onClick: () => ctx.onAction(action.type === 'uri' ? { type: 'uri', uri: action.linkUri } : action),
      }),
    )
  }
  return el
}

function actionButtons(actions, ctx, className) {
  return h(
    'div',
    { className },
    (actions ?? []).map((action) =>
      h('button', {
        type: 'button',
        className: 'tpl-action',
        text: action.label ?? '',
        onClick: () => ctx.onAction(action),
      }),
    ),
  )
}

function column(col, ctx, square) {
  const thumb = col.thumbnailImageUrl
    ? h(
        'div',
        {
          className: `tpl-thumb ${square ? 'square' : ''} ${col.imageSize === 'contain' ? 'contain' : ''}`,
          style: { backgroundColor: col.imageBackgroundColor },
        },
        image(col.thumbnailImageUrl, '', 'tpl-thumb-img'),
      )
    : null
  const main = h(
    'div',
    { className: 'tpl-main' },
    col.title ? h('div', { className: 'card-title', text: col.title }) : null,
    h('div', { className: 'card-text', text: col.text ?? '' }),
  )
  if (col.defaultAction) {
    main.classList.add('fx-action')
    main.addEventListener('click', () => ctx.onAction(col.defaultAction))
  }
  return h('div', { className: 'bubble card tpl' }, thumb, main, actionButtons(col.actions, ctx, 'tpl-actions'))
}

function renderTemplate(tpl, ctx) {
  switch (tpl.type) {
    case 'buttons':
      return column(tpl, ctx, tpl.imageAspectRatio === 'square')
    case 'confirm':
      return h(
        'div',
        { className: 'bubble card tpl confirm' },
        h('div', { className: 'tpl-main card-text', text: tpl.text ?? '' }),
        actionButtons(tpl.actions, ctx, 'tpl-actions row'),
      )
    case 'carousel':
      return h(
        'div',
        { className: 'tpl-carousel' },
        (tpl.columns ?? []).map((col) => column(col, ctx, tpl.imageAspectRatio === 'square')),
      )
    case 'image_carousel':
      return h(
        'div',
        { className: 'tpl-carousel' },
        (tpl.columns ?? []).map((col) =>
          h(
            'button',
            { type: 'button', className: 'img-col', onClick: () => ctx.onAction(col.action) },
            image(col.imageUrl, '', 'img-col-img'),
            col.action?.label ? h('span', { text: col.action.label }) : null,
          ),
        ),
      )
    default:
      return h('pre', { className: 'bubble unknown', text: JSON.stringify(tpl, null, 2) })
  }
}

/** What the simulated user sent (as their own LINE app shows it). */
export function renderUserMessage(m) {
  switch (m.type) {
    case 'text':
      return h('div', { className: 'bubble user-text', text: String(m.text ?? '') })
    case 'location':
      return locationCard(m)
    case 'image':
      return image(`/emulator/api/content/${encodeURIComponent(m.messageId)}`, t('imageMessage'), 'msg-image')
    case 'video':
    case 'audio':
      // Served as a download (never inline): a link, as the file the person sent.
      return mediaLink(
        `/emulator/api/content/${encodeURIComponent(m.messageId)}`,
        h('div', { className: 'bubble user-text', text: `${m.type === 'video' ? '▶' : '♪'} ${t(m.type)}` }),
      )
    case 'sticker':
      return stickerBox(m)
    default:
      return h('div', { className: 'bubble user-text', text: `[${m.type}]` })
  }
}
