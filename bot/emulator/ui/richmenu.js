// The rich menu the current user sees (their own link, else the default), with tappable areas.
import { api } from './api.js'
import { h } from './dom.js'
import { t } from './i18n.js'

export function createRichMenu(container, { onAction, send }) {
  let menu = null
  let open = false
  let userId = ''

  function render() {
    container.hidden = !menu
    if (!menu) {
      container.replaceChildren()
      return
    }
    const bar = h(
      'button',
      {
        type: 'button',
        className: 'richmenu-bar',
        attrs: { 'aria-expanded': String(open), 'data-testid': 'richmenu-toggle' },
        onClick: () => show(!open),
      },
      h('span', { text: menu.chatBarText || t('menu') }),
      h('span', { text: open ? '▾' : '▴', attrs: { 'aria-hidden': 'true' } }),
    )
    const panel = open ? areasPanel() : null
    container.replaceChildren(bar, panel ?? '')
  }

  function areasPanel() {
    const { width, height } = menu.size
    const panel = h(
      'div',
      { className: 'richmenu-panel', style: { aspectRatio: `${width} / ${height}`, '--menu-ratio': width / height } },
      h('img', { src: `/emulator/api/richmenu/${encodeURIComponent(menu.richMenuId)}/image`, alt: menu.name }),
    )
    for (const area of menu.areas ?? []) {
      const b = area.bounds
      const label = area.action?.label ?? area.action?.displayText ?? area.action?.text ?? area.action?.type ?? ''
      panel.append(
        h('button', {
          type: 'button',
          className: 'richmenu-area',
          title: label,
          attrs: { 'aria-label': label },
          style: {
            left: `${(b.x / width) * 100}%`,
            top: `${(b.y / height) * 100}%`,
            width: `${(b.width / width) * 100}%`,
            height: `${(b.height / height) * 100}%`,
          },
          onClick: () => onAction(area.action),
        }),
      )
    }
    return panel
  }

  function show(value) {
    open = Boolean(value) && Boolean(menu)
    render()
  }

  async function load(nextUserId) {
    userId = nextUserId ?? ''
    const { menu: next } = userId ? await api.richMenu({ userId }) : { menu: null }
    const changed = next?.richMenuId !== menu?.richMenuId
    menu = next
    if (changed) {
      open = Boolean(menu?.selected)
    }
    render()
  }

  /** A richmenuswitch action: LINE switches the menu in the app, then sends a postback with the outcome. */
  async function switchAlias(action) {
    const { menu: next } = await api.richMenu({ aliasId: action.richMenuAliasId })
    if (next) {
      menu = next
      open = true
      render()
    }
    await send({
      kind: 'postback',
      data: String(action.data ?? ''),
      params: { newRichMenuAliasId: action.richMenuAliasId, status: next ? 'SUCCESS' : 'RICHMENU_ALIAS_ID_NOTFOUND' },
    })
  }

  return {
    load,
    show,
    switchAlias,
    get userId() {
      return userId
    },
  }
}
