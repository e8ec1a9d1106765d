// What tapping an action does, exactly as LINE would send it to the bot.
import { api } from './api.js'
import { openLiffFrame, pickDatetime, pickLocation, pickPhoto, toast } from './dialogs.js'
import { t } from './i18n.js'
import { localUrl } from './links.js'

/**
 * env: { send(body) -> Promise, speakerId, composer: { fill(text), focus() }, richMenu: { switchAlias(id), show(bool) } }
 */
export async function performAction(action, env) {
  if (!action?.type) {
    return
  }
  switch (action.type) {
    case 'message':
      return env.send({ kind: 'text', text: String(action.text ?? action.label ?? '') })
    case 'postback':
      return postback(action, env)
    case 'datetimepicker': {
      const params = await pickDatetime(action)
      return params ? env.send({ kind: 'postback', data: action.data, params }) : undefined
    }
    case 'uri':
      return openUri(String(action.uri ?? ''), env)
    case 'location': {
      const loc = await pickLocation()
      return loc ? env.send({ kind: 'location', ...loc }) : undefined
    }
    case 'camera':
    case 'cameraRoll': {
      const photo = await pickPhoto()
      return photo ? env.send({ kind: 'image', ...photo }) : undefined
    }
    case 'clipboard':
      await navigator.clipboard?.writeText(String(action.clipboardText ?? '')).catch(() => {})
      toast(`${t('copied')}: ${action.clipboardText ?? ''}`)
      return
    case 'richmenuswitch':
      return env.richMenu.switchAlias(action)
    default:
      toast(`${action.type}: ${t('unsupported')}`)
  }
}

async function postback(action, env) {
  // displayText shows in the chat as the user's message; LINE sends only the postback event.
  const displayText = action.displayText ?? action.text
  await env.send({ kind: 'postback', data: String(action.data ?? ''), ...(displayText ? { displayText } : {}) })
  if (action.inputOption === 'openKeyboard') {
    env.composer.fill(action.fillInText ?? '')
    env.composer.focus()
  } else if (action.inputOption === 'openRichMenu') {
    env.richMenu.show(true)
  } else if (action.inputOption === 'closeRichMenu') {
    env.richMenu.show(false)
  }
}

export async function openUri(uri, env) {
  if (uri.startsWith('https://liff.line.me/') || uri.startsWith('line://app/')) {
    try {
      const { url, liffId } = await api.openLiff(env.speakerId, uri)
      openLiffFrame(url, liffId)
      return
    } catch (err) {
      if (uri.startsWith('line://')) {
        toast(String(err.message))
        return
      }
      // An unknown LIFF ID: LINE would open liff.line.me; the browser can try.
    }
  }
  if (uri.startsWith('tel:')) {
    toast(`📞 ${t('call')} ${decodeURIComponent(uri.slice(4))}`)
    return
  }
  if (uri.startsWith('line:')) {
    toast(t('lineScheme'))
    return
  }
  if (uri.startsWith('https://') || uri.startsWith('http://')) {
    window.open(localUrl(uri), '_blank', 'noopener,noreferrer')
    return
  }
  toast(`${uri}: ${t('unsupported')}`)
}
