// Under the chat header: the user's LINE user ID with a copy button, and, when the bot runs the emulator itself
// (`npm start`), "make this user an admin" / "open the officers' page". The one step a newcomer needs to try the
// officers' side.
import { api } from './api.js'
import { toast } from './dialogs.js'
import { $, append, h } from './dom.js'
import { t } from './i18n.js'

/** Clipboard API where the page is a secure context (localhost); the old copy command elsewhere (a LAN address). */
async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text)
  } catch {
    const area = h('textarea', { value: text, attrs: { readonly: '', 'aria-hidden': 'true' }, className: 'offscreen' })
    document.body.append(area)
    area.select()
    const ok = document.execCommand('copy')
    area.remove()
    if (!ok) {
      toast(t('copyByHand'))
      return
    }
  }
  toast(`${t('copiedId')}: ${text}`)
}

/** getStore() → the page's store; openAdmin() opens the officers' LIFF app as the current user. */
export function createUserBar({ getStore, openAdmin }) {
  async function makeAdmin(user) {
    try {
      const { role } = await api.makeAdmin(user.userId)
      getStore().officerRoles.set(user.userId, role)
      render()
      toast(`${user.displayName}: ${t('madeAdmin')}`)
    } catch (err) {
      toast(String(err.message))
    }
  }

  /** Asks the bot whether this user is an officer (only when it offers "make admin"). */
  async function loadRole(userId) {
    const store = getStore()
    if (!store.officers) {
      return
    }
    const { role } = await api.officerRole(userId).catch(() => ({ role: null }))
    store.officerRoles.set(userId, role)
    render()
  }

  function render() {
    const store = getStore()
    const bar = $('#user-bar')
    const user = store.users.get(store.chatId)
    bar.hidden = !user
    if (!user) {
      bar.replaceChildren()
      return
    }
    // append() skips the absent officer controls; replaceChildren(null) would print "null" beside the button.
    bar.replaceChildren()
    append(bar, [
      h('span', { className: 'user-id-label', text: 'LINE ID' }),
      h('code', { className: 'user-id', text: user.userId, title: user.userId, attrs: { 'data-testid': 'user-id' } }),
      h('button', {
        type: 'button',
        className: 'small',
        text: t('copyId'),
        attrs: { 'data-testid': 'copy-user-id', 'aria-label': `${t('copyId')} ${user.userId}` },
        onClick: () => copyText(user.userId),
      }),
      store.officers ? officerControls(user, store.officerRoles.get(user.userId)) : null,
    ])
  }

  function officerControls(user, role) {
    if (role === 'admin') {
      return h(
        'span',
        { className: 'officer-controls' },
        h('span', { className: 'badge', text: `✓ ${t('isAdmin')}`, attrs: { 'data-testid': 'officer-role' } }),
        h('button', {
          type: 'button',
          className: 'small primary-outline',
          text: t('openAdminShort'),
          attrs: { 'data-testid': 'open-admin' },
          onClick: openAdmin,
        }),
      )
    }
    return h(
      'span',
      { className: 'officer-controls' },
      role ? h('span', { className: 'badge', text: role, attrs: { 'data-testid': 'officer-role' } }) : null,
      h('button', {
        type: 'button',
        className: 'small',
        text: t('makeAdmin'),
        title: t('makeAdminHint'),
        attrs: { 'data-testid': 'make-admin' },
        onClick: () => makeAdmin(user),
      }),
    )
  }

  return { render, loadRole }
}
