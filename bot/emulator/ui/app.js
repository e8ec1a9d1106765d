// The simulator page: pick or create fake users and groups, chat with the bot, live updates over SSE.
import { performAction } from './actions.js'
import { api, openStream } from './api.js'
import { createChatView } from './chat.js'
import { pickLocation, pickPhoto, toast } from './dialogs.js'
import { $, h } from './dom.js'
import { renderComposer, renderHeader } from './header.js'
import { getLang, setLang, t } from './i18n.js'
import { setBotOrigins } from './links.js'
import { createRichMenu } from './richmenu.js'
import { renderSidebar } from './sidebar.js'
import { createUserBar } from './userbar.js'

const store = {
  users: new Map(),
  groups: new Map(),
  bot: null,
  webhook: null,
  quota: null,
  /** { adminLiffId } when the bot runs the emulator itself and offers "make admin"; else null. */
  officers: null,
  /** userId -> officer role (or null), as the bot last said. */
  officerRoles: new Map(),
  chatId: null,
  speakerId: null,
  timeline: [],
  loadingUntil: 0,
}

const input = $('#message-input')
const wide = window.matchMedia('(min-width: 900px)')
let stopStream = () => {}
let stateTimer

const env = {
  send,
  get speakerId() {
    return store.speakerId
  },
  composer: {
    fill: (text) => {
      input.value = text
    },
    focus: () => input.focus(),
  },
  richMenu: {
    switchAlias: (action) => richMenu.switchAlias(action),
    show: (open) => richMenu.show(open),
  },
}

const chatView = createChatView({ getStore: () => store, onAction: runAction, onRedeliver: redeliver })
const richMenu = createRichMenu($('#richmenu'), { onAction: runAction, send })
const userBar = createUserBar({
  getStore: () => store,
  openAdmin: () => runAction({ type: 'uri', uri: `https://liff.line.me/${store.officers?.adminLiffId ?? ''}/` }),
})

function runAction(action) {
  performAction(action, env).catch((err) => toast(String(err.message ?? err)))
}

async function send(body) {
  if (!store.chatId || !store.speakerId) {
    return
  }
  try {
    // Webhook failures come back as notices in the timeline (SSE); only API errors need a toast.
    await api.send(store.chatId, { userId: store.speakerId, ...body })
  } catch (err) {
    toast(String(err.message))
  }
}

async function redeliver(eventId) {
  await api.redeliver(eventId).catch((err) => toast(String(err.message)))
}

async function refreshState() {
  const data = await api.state()
  store.users = new Map(data.users.map((u) => [u.userId, u]))
  store.groups = new Map(data.groups.map((g) => [g.groupId, g]))
  store.bot = data.bot
  store.webhook = data.webhook
  store.quota = data.quota
  store.officers = data.officers ?? null
  setBotOrigins(data.botOrigins)
  renderLiffLaunchers(data.liffIds ?? [])
  if (store.chatId && !store.users.has(store.chatId) && !store.groups.has(store.chatId)) {
    store.chatId = null
  }
  renderAll()
  if (store.chatId && !store.groups.has(store.chatId)) {
    richMenu.load(store.chatId).catch(() => {})
  }
}

/**
 * The attach menu opens the emulator's LIFF apps as the current user, as tapping a LIFF link in LINE would: the way
 * to reach a LIFF page no message links to yet (e.g. the officers' page, `emu-admin`).
 */
function renderLiffLaunchers(liffIds) {
  const menu = $('#attach-menu')
  for (const old of menu.querySelectorAll('[data-liff]')) {
    old.remove()
  }
  for (const liffId of liffIds) {
    const admin = store.officers ? liffId === store.officers.adminLiffId : liffId.includes('admin')
    const label = admin ? t('openAdmin') : `${t('openLiff')} ${liffId}`
    menu.append(h('button', { attrs: { type: 'button' }, dataset: { attach: 'liff', liff: liffId } }, label))
  }
}

function scheduleStateRefresh() {
  clearTimeout(stateTimer)
  stateTimer = setTimeout(() => refreshState().catch(() => {}), 80)
}

async function selectChat(chatId) {
  store.chatId = chatId
  const group = store.groups.get(chatId)
  if (group) {
    store.speakerId = group.memberIds.includes(store.speakerId) ? store.speakerId : (group.memberIds[0] ?? null)
  } else {
    store.speakerId = chatId
  }
  history.replaceState(null, '', `#chat=${encodeURIComponent(chatId)}`)
  setDrawer(false)
  stopStream()
  stopStream = openStream(chatId, {
    onTimeline,
    onLoading: ({ ms }) => {
      store.loadingUntil = Date.now() + ms
      chatView.renderLoading()
    },
    onState: scheduleStateRefresh,
    onReconnect: () => loadTimeline().catch(() => {}),
  })
  renderAll()
  await Promise.all([loadTimeline(), richMenu.load(group ? '' : chatId), group ? null : userBar.loadRole(chatId)])
  if (wide.matches) {
    input.focus()
  }
}

async function loadTimeline() {
  const chatId = store.chatId
  const { items, loadingMs } = await api.timeline(chatId)
  if (chatId !== store.chatId) {
    return
  }
  store.timeline = items
  store.loadingUntil = loadingMs ? Date.now() + loadingMs : 0
  chatView.render()
}

function onTimeline(item) {
  if (item.chatId !== store.chatId || store.timeline.some((i) => i.seq === item.seq)) {
    return
  }
  if (item.kind === 'bot') {
    store.loadingUntil = 0
  }
  const last = store.timeline.at(-1)
  store.timeline.push(item)
  if (last && last.seq > item.seq) {
    store.timeline.sort((a, b) => a.seq - b.seq)
    chatView.render()
  } else {
    chatView.append(item)
  }
}

function renderAll() {
  renderSidebar(store, { onSelect: (id) => selectChat(id).catch((err) => toast(String(err.message))) })
  renderHeader(store, refreshState)
  userBar.render()
  renderComposer(store)
  if (!store.chatId) {
    renderWelcome()
  }
}

function renderWelcome() {
  chatView.showPanel(
    h(
      'div',
      { className: 'welcome' },
      h('h1', { text: t('welcomeTitle') }),
      h(
        'ol',
        {},
        h('li', { text: t('welcome1') }),
        h('li', { text: t('welcome2') }),
        h('li', { text: t('welcome3') }),
        store.officers ? h('li', { text: t('welcomeOfficer') }) : null,
      ),
    ),
  )
  $('#richmenu').hidden = true
}

function setDrawer(open) {
  $('#app').classList.toggle('drawer-open', open)
  $('#scrim').hidden = !open
}

function applyI18n() {
  for (const el of document.querySelectorAll('[data-i18n]')) {
    el.textContent = t(el.dataset.i18n)
  }
  for (const el of document.querySelectorAll('[data-i18n-placeholder]')) {
    el.placeholder = t(el.dataset.i18nPlaceholder)
  }
  for (const el of document.querySelectorAll('[data-i18n-aria]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAria))
  }
  $('#lang-toggle').textContent = t('switchLang')
  document.documentElement.lang = getLang()
}

function bindControls() {
  $('#lang-toggle').addEventListener('click', () => {
    setLang(getLang() === 'th' ? 'en' : 'th')
    applyI18n()
    renderAll()
    if (store.chatId) {
      chatView.render()
    }
  })
  $('#drawer-open').addEventListener('click', () => setDrawer(true))
  $('#drawer-close').addEventListener('click', () => setDrawer(false))
  $('#scrim').addEventListener('click', () => setDrawer(false))
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      setDrawer(false)
      $('#attach-menu').hidden = true
    }
  })
  $('#speaker').addEventListener('change', (e) => {
    store.speakerId = e.target.value
    chatView.render()
  })
  $('#composer').addEventListener('submit', (e) => {
    e.preventDefault()
    const text = input.value
    if (!text.trim()) {
      return
    }
    input.value = ''
    send({ kind: 'text', text })
  })
  const attachMenu = $('#attach-menu')
  $('#attach-button').addEventListener('click', () => {
    attachMenu.hidden = !attachMenu.hidden
    $('#attach-button').setAttribute('aria-expanded', String(!attachMenu.hidden))
  })
  attachMenu.addEventListener('click', async (e) => {
    const kind = e.target.closest('[data-attach]')?.dataset.attach
    attachMenu.hidden = true
    if (kind === 'location') {
      const loc = await pickLocation()
      if (loc) {
        send({ kind: 'location', ...loc })
      }
    } else if (kind === 'photo') {
      const photo = await pickPhoto()
      if (photo) {
        send({ kind: 'image', ...photo })
      }
    } else if (kind === 'liff') {
      const liffId = e.target.closest('[data-liff]')?.dataset.liff
      if (!store.speakerId) {
        toast(t('pickUserFirst'))
        return
      }
      runAction({ type: 'uri', uri: `https://liff.line.me/${liffId}/` })
    } else if (kind === 'sticker') {
      send({ kind: 'sticker', packageId: '446', stickerId: '1988' })
    }
  })
  $('#new-user-form').addEventListener('submit', async (e) => {
    e.preventDefault()
    const form = e.target
    const data = new FormData(form)
    try {
      const { user } = await api.createUser({
        displayName: String(data.get('displayName') ?? ''),
        language: data.get('language') === 'en' ? 'en' : 'th',
        follow: data.get('follow') === 'on',
      })
      form.reset()
      await refreshState()
      await selectChat(user.userId)
    } catch (err) {
      toast(String(err.message))
    }
  })
  $('#new-group-form').addEventListener('submit', async (e) => {
    e.preventDefault()
    const form = e.target
    const data = new FormData(form)
    try {
      const { group } = await api.createGroup({
        groupName: String(data.get('groupName') ?? ''),
        memberIds: data.getAll('memberIds').map(String),
      })
      form.reset()
      form.closest('details').open = false
      await refreshState()
      await selectChat(group.groupId)
    } catch (err) {
      toast(String(err.message))
    }
  })
}

function chatFromHash() {
  const wanted = new URLSearchParams(location.hash.slice(1)).get('chat')
  return wanted && (store.users.has(wanted) || store.groups.has(wanted)) ? wanted : null
}

async function start() {
  applyI18n()
  bindControls()
  await refreshState()
  // A link to #chat=<id> (or editing the hash) opens that chat.
  window.addEventListener('hashchange', () => {
    const wanted = chatFromHash()
    if (wanted && wanted !== store.chatId) {
      selectChat(wanted).catch((err) => toast(String(err.message)))
    }
  })
  const wanted = chatFromHash()
  if (wanted) {
    await selectChat(wanted)
  } else {
    stopStream = openStream(null, { onState: scheduleStateRefresh })
    // On a phone, start on the list: there is no chat to show yet.
    setDrawer(!wide.matches)
  }
}

start().catch((err) => toast(String(err.message ?? err)))
