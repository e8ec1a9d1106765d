// The chat header (who, status, follow/block or group actions) and what the composer allows.
import { api } from './api.js'
import { toast } from './dialogs.js'
import { $, h } from './dom.js'
import { t } from './i18n.js'

function actionButton(label, run, testId) {
  const onClick = () => run().catch((err) => toast(String(err.message)))
  return h('button', { type: 'button', className: 'small', text: label, attrs: { 'data-testid': testId }, onClick })
}

export function renderHeader(store, refreshState) {
  const user = store.users.get(store.chatId)
  const group = store.groups.get(store.chatId)
  const actions = $('#chat-actions')
  actions.classList.toggle('many', Boolean(group))
  if (user) {
    $('#chat-name').textContent = user.displayName
    $('#chat-status').textContent =
      `${user.language.toUpperCase()} · ${user.friendship === 'friend' ? t('friend') : user.friendship === 'blocked' ? t('blocked') : t('notFriend')}`
    const following = user.friendship === 'friend'
    actions.replaceChildren(
      following
        ? actionButton(t('block'), () => api.unfollow(user.userId).then(refreshState), 'unfollow')
        : actionButton(
            user.friendship === 'blocked' ? t('unblock') : t('follow'),
            () => api.follow(user.userId).then(refreshState),
            'follow',
          ),
    )
  } else if (group) {
    $('#chat-name').textContent = group.groupName
    $('#chat-status').textContent =
      `${group.memberIds.length} ${t('members')} · ${group.botIsMember ? t('botInGroup') : t('botNotInGroup')}`
    const outsiders = [...store.users.values()].filter((u) => !group.memberIds.includes(u.userId))
    const pick = h(
      'select',
      { className: 'small', attrs: { 'aria-label': t('addMember') } },
      outsiders.map((u) => h('option', { value: u.userId, text: u.displayName })),
    )
    actions.replaceChildren(
      group.botIsMember
        ? actionButton(t('removeBot'), () => api.leaveGroup(group.groupId).then(refreshState), 'leave-group')
        : actionButton(t('inviteBot'), () => api.joinGroup(group.groupId).then(refreshState), 'join-group'),
      outsiders.length ? pick : '',
      outsiders.length
        ? actionButton(
            `+ ${t('addMember')}`,
            () => api.addMembers(group.groupId, [pick.value]).then(refreshState),
            'add-member',
          )
        : '',
    )
  } else {
    $('#chat-name').textContent = t('appTitle')
    $('#chat-status').textContent = t('appSubtitle')
    actions.replaceChildren()
  }
}

export function renderComposer(store) {
  const input = $('#message-input')
  const user = store.users.get(store.chatId)
  const group = store.groups.get(store.chatId)
  const speaker = $('#speaker')
  speaker.hidden = !group
  if (group) {
    speaker.replaceChildren(
      ...group.memberIds.map((id) =>
        h('option', { value: id, text: store.users.get(id)?.displayName ?? id, selected: id === store.speakerId }),
      ),
    )
  }
  const blocked = user?.friendship === 'blocked'
  const disabled = !store.chatId || blocked || (group && (!group.botIsMember || !store.speakerId))
  for (const el of [input, $('#composer .send'), $('#attach-button')]) {
    el.disabled = Boolean(disabled)
  }
  input.placeholder = blocked
    ? t('blockedCannotSend')
    : group && !group.botIsMember
      ? t('botNotInGroup')
      : t('typeMessage')
}
