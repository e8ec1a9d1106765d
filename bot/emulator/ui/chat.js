// The chat timeline: bubbles, system notices, the loading animation and the quick-reply bar.
import { $, h, image, timeOf } from './dom.js'
import { t } from './i18n.js'
import { renderBotMessage, renderUserMessage } from './messages.js'

const QUICK_ICONS = { location: '📍', camera: '📷', cameraRoll: '🖼', datetimepicker: '📅', uri: '🔗', clipboard: '📋' }

export function createChatView({ getStore, onAction, onRedeliver }) {
  const timeline = $('#timeline')
  // Rows live in an inner box so its size changes (images loading, placeholders) can be observed.
  const inner = h('div', { className: 'timeline-inner' })
  timeline.replaceChildren(inner)
  const quickBar = $('#quick-replies')
  let loadingTimer
  let dismissedSeq = 0
  // Follow the newest message unless the person scrolled up to read; also when images load or panels resize.
  let stick = true

  function nearBottom() {
    return timeline.scrollHeight - timeline.scrollTop - timeline.clientHeight < 120
  }

  // Only scrolling up unsticks: content growing under a programmatic scroll must not.
  let lastTop = 0
  timeline.addEventListener('scroll', () => {
    if (nearBottom()) {
      stick = true
    } else if (timeline.scrollTop < lastTop) {
      stick = false
    }
    lastTop = timeline.scrollTop
  })
  timeline.addEventListener(
    'load',
    () => {
      if (stick) {
        scrollToEnd()
      }
    },
    true,
  )
  const follow = new ResizeObserver(() => {
    if (stick) {
      scrollToEnd()
    }
  })
  follow.observe(timeline)
  follow.observe(inner)

  function scrollToEnd() {
    timeline.scrollTop = timeline.scrollHeight
    stick = true
  }

  function systemText(item, store) {
    const d = item.detail ?? {}
    const names = (ids) => (ids ?? []).map((id) => store.users.get(id)?.displayName ?? id).join(', ')
    switch (item.code) {
      case 'follow':
        return d.isUnblocked ? t('sysUnblock') : t('sysFollow')
      case 'unfollow':
        return t('sysUnfollow')
      case 'join':
        return t('sysJoin')
      case 'leave':
        return t('sysLeave')
      case 'memberJoined':
        return `${names(d.userIds)} ${t('sysMemberJoined')}`
      case 'memberLeft':
        return `${names(d.userIds)} ${t('sysMemberLeft')}`
      case 'webhookFailed':
        return `⚠ ${t('webhookFailed')} (${d.status ? `HTTP ${d.status}` : (d.error ?? 'no answer')})`
      case 'webhookSlow':
        return `⚠ ${t('webhookSlow')} (${d.durationMs} ms)`
      case 'notDelivered':
        return `⚠ ${t('notDelivered')} (${d.via}: ${d.reason === 'blocked' ? t('reasonBlocked') : t('reasonNotFriend')})`
      default:
        return item.code
    }
  }

  function renderItem(item, prev) {
    const store = getStore()
    if (item.kind === 'system') {
      const warn = ['webhookFailed', 'webhookSlow', 'notDelivered'].includes(item.code)
      const row = h('div', { className: `system${warn ? ' warn' : ''}` }, h('span', { text: systemText(item, store) }))
      for (const eventId of item.code === 'webhookFailed' ? (item.detail?.eventIds ?? []) : []) {
        row.append(
          h('button', { type: 'button', className: 'link', text: t('redeliver'), onClick: () => onRedeliver(eventId) }),
        )
      }
      return row
    }
    const mine = item.kind === 'user' && item.userId === store.speakerId
    const senderKey = item.kind === 'bot' ? `bot:${item.message.sender?.name ?? ''}` : `user:${item.userId}`
    const prevKey =
      prev && prev.kind !== 'system'
        ? prev.kind === 'bot'
          ? `bot:${prev.message.sender?.name ?? ''}`
          : `user:${prev.userId}`
        : ''
    const firstOfRun = senderKey !== prevKey
    const meta = h(
      'div',
      { className: 'meta' },
      item.kind === 'bot' ? h('span', { className: `via via-${item.via}`, text: item.via }) : null,
      h('time', { text: timeOf(item.at) }),
    )
    const content =
      item.kind === 'bot'
        ? renderBotMessage(item.message, { onAction, users: store.users })
        : renderUserMessage({ ...item.message, messageId: item.messageId ?? item.message.messageId })
    if (mine) {
      return h(
        'div',
        { className: 'msg-row mine', dataset: { seq: item.seq } },
        h('div', { className: 'stack' }, content, meta),
      )
    }
    const name =
      item.kind === 'bot'
        ? (item.message.sender?.name ?? store.bot?.displayName ?? 'Bot')
        : (store.users.get(item.userId)?.displayName ?? '')
    const avatar = firstOfRun ? avatarOf(item, name) : h('div', { className: 'avatar spacer' })
    return h(
      'div',
      { className: `msg-row theirs${item.kind === 'bot' ? ' from-bot' : ''}`, dataset: { seq: item.seq } },
      avatar,
      h(
        'div',
        { className: 'stack' },
        firstOfRun ? h('div', { className: 'sender', text: name }) : null,
        content,
        meta,
      ),
    )
  }

  function avatarOf(item, name) {
    const icon = item.kind === 'bot' ? item.message.sender?.iconUrl : undefined
    if (icon) {
      return h('div', { className: 'avatar' }, image(icon, '', 'avatar-img'))
    }
    return h('div', {
      className: `avatar ${item.kind === 'bot' ? 'bot' : ''}`,
      text: (name || '?').slice(0, 1).toUpperCase(),
    })
  }

  function render() {
    const store = getStore()
    const items = store.timeline
    const rows = []
    let prev
    for (const item of items) {
      rows.push(renderItem(item, prev))
      prev = item
    }
    inner.replaceChildren(...rows)
    renderLoading()
    renderQuickReplies()
    scrollToEnd()
  }

  function append(item) {
    const store = getStore()
    const prev = store.timeline.at(-2)
    $('.loading-row', inner)?.remove()
    inner.append(renderItem(item, prev))
    renderLoading()
    renderQuickReplies()
    if (stick || item.kind === 'user') {
      scrollToEnd()
    }
  }

  function renderLoading() {
    const store = getStore()
    $('.loading-row', inner)?.remove()
    clearTimeout(loadingTimer)
    const left = (store.loadingUntil ?? 0) - Date.now()
    if (left <= 0) {
      return
    }
    inner.append(
      h(
        'div',
        { className: 'msg-row theirs loading-row', attrs: { 'aria-label': 'typing', 'data-testid': 'loading' } },
        h('div', { className: 'avatar bot', text: (store.bot?.displayName ?? 'B').slice(0, 1) }),
        h('div', { className: 'bubble dots' }, h('span'), h('span'), h('span')),
      ),
    )
    loadingTimer = setTimeout(() => {
      getStore().loadingUntil = 0
      renderLoading()
    }, left)
  }

  /** LINE shows the quick replies of the bot's latest message until the user does anything. */
  function renderQuickReplies() {
    const store = getStore()
    const last = [...store.timeline].reverse().find((i) => i.kind !== 'system')
    const items = last?.kind === 'bot' && last.seq > dismissedSeq ? last.message.quickReply?.items : undefined
    quickBar.hidden = !items?.length
    quickBar.replaceChildren(
      ...(items ?? []).map((item) => {
        const action = item.action ?? {}
        return h(
          'button',
          {
            type: 'button',
            className: 'chip',
            onClick: () => {
              dismissedSeq = last.seq
              renderQuickReplies()
              onAction(action)
            },
          },
          item.imageUrl
            ? image(item.imageUrl, '', 'chip-icon')
            : QUICK_ICONS[action.type]
              ? h('span', { text: QUICK_ICONS[action.type] })
              : null,
          h('span', { text: action.label ?? '' }),
        )
      }),
    )
  }

  /** Something other than a chat (the welcome panel). */
  function showPanel(node) {
    inner.replaceChildren(node)
    quickBar.hidden = true
  }

  return { render, append, renderLoading, renderQuickReplies, showPanel }
}
