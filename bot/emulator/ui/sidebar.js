// The list of fake users and groups, and the forms that create them.
import { $, h } from './dom.js'
import { t } from './i18n.js'

function statusOf(user) {
  return user.friendship === 'friend' ? t('friend') : user.friendship === 'blocked' ? t('blocked') : t('notFriend')
}

export function renderSidebar(store, { onSelect }) {
  const users = [...store.users.values()]
  const groups = [...store.groups.values()]

  $('#user-list').replaceChildren(
    ...(users.length
      ? users.map((user) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                className: `chat-item${store.chatId === user.userId ? ' active' : ''}`,
                attrs: {
                  'aria-current': store.chatId === user.userId ? 'true' : undefined,
                  'data-testid': 'user-item',
                },
                onClick: () => onSelect(user.userId),
              },
              h('span', { className: 'avatar', text: user.displayName.slice(0, 1).toUpperCase() }),
              h(
                'span',
                { className: 'chat-item-text' },
                h('strong', { text: user.displayName }),
                h('small', { text: `${user.language.toUpperCase()} · ${statusOf(user)}` }),
              ),
              h('span', { className: `dot ${user.friendship}`, attrs: { 'aria-hidden': 'true' } }),
            ),
          ),
        )
      : [h('li', { className: 'empty', text: t('noUsers') })]),
  )

  $('#group-list').replaceChildren(
    ...(groups.length
      ? groups.map((group) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                className: `chat-item${store.chatId === group.groupId ? ' active' : ''}`,
                attrs: { 'data-testid': 'group-item' },
                onClick: () => onSelect(group.groupId),
              },
              h('span', { className: 'avatar group', text: '👥' }),
              h(
                'span',
                { className: 'chat-item-text' },
                h('strong', { text: group.groupName }),
                h('small', {
                  text: `${group.memberIds.length} ${t('members')} · ${group.botIsMember ? t('botInGroup') : t('botNotInGroup')}`,
                }),
              ),
            ),
          ),
        )
      : [h('li', { className: 'empty', text: t('noGroups') })]),
  )

  // Member checkboxes of the "new group" form, keeping what was ticked.
  const box = $('#new-group-members')
  const ticked = new Set([...box.querySelectorAll('input:checked')].map((i) => i.value))
  box.replaceChildren(
    ...users.map((user) =>
      h(
        'label',
        { className: 'check' },
        h('input', { type: 'checkbox', name: 'memberIds', value: user.userId, checked: ticked.has(user.userId) }),
        h('span', { text: user.displayName }),
      ),
    ),
  )

  const quota = store.quota
  $('#side-footer').replaceChildren(
    h('div', { text: `Webhook: ${store.webhook?.endpoint ?? ''}` }),
    h('div', {
      text: `${t('quota')}: ${quota?.used ?? 0} / ${quota?.type === 'none' ? '∞' : (quota?.value ?? '')}`,
    }),
    h('div', { text: `Bot: ${store.bot?.displayName ?? ''} (${store.bot?.userId ?? ''})` }),
  )
}
