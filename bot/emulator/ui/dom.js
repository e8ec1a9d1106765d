// A tiny DOM builder. Text always goes in with textContent / text nodes: bot and user text is never parsed as HTML.
import { localUrl } from './links.js'

/**
 * h('button', { className: 'x', onClick: fn, attrs: { 'aria-label': 'Close' }, style: { color: 'red' } }, 'text', child)
 * Props: className, text, style (object; applied through CSSOM), attrs (setAttribute), dataset, on* listeners,
 * and plain DOM properties (type, value, disabled, href, src, title, ...).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag)
  for (const [key, value] of Object.entries(props ?? {})) {
    if (value === undefined || value === null || value === false) {
      continue
    }
    if (key === 'className') {
      el.className = value
    } else if (key === 'text') {
      el.textContent = String(value)
    } else if (key === 'style') {
      setStyle(el, value)
    } else if (key === 'attrs') {
      for (const [name, v] of Object.entries(value)) {
        if (v !== undefined && v !== null && v !== false) {
          el.setAttribute(name, String(v))
        }
      }
    } else if (key === 'dataset') {
      Object.assign(el.dataset, value)
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value)
    } else {
      el[key] = value
    }
  }
  append(el, children)
  return el
}

export function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) {
      continue
    }
    el.append(child instanceof Node ? child : document.createTextNode(String(child)))
  }
  return el
}

export function setStyle(el, style) {
  for (const [name, value] of Object.entries(style)) {
    if (value !== undefined && value !== null && value !== '') {
      el.style.setProperty(
        name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`),
        String(value),
      )
    }
  }
}

export function $(selector, root = document) {
  return root.querySelector(selector)
}

/** Only http(s) URLs become links or image sources; anything else (javascript:, data:) is dropped. */
export function safeUrl(url) {
  try {
    const parsed = new URL(localUrl(url), location.href)
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined
  } catch {
    return undefined
  }
}

/** An <img> that turns into a labelled placeholder when the image cannot load (e.g. offline). */
export function image(src, alt, className = '') {
  const url = safeUrl(src)
  const img = h('img', { className, alt: alt ?? '', loading: 'lazy', attrs: { referrerpolicy: 'no-referrer' } })
  img.addEventListener('error', () => {
    img.replaceWith(h('div', { className: `${className} img-missing`, text: '🖼', title: url ?? '' }))
  })
  if (url) {
    img.src = url
  } else {
    queueMicrotask(() => img.dispatchEvent(new Event('error')))
  }
  return img
}

const timeFormat = new Intl.DateTimeFormat('th-TH', { timeZone: 'Asia/Bangkok', hour: '2-digit', minute: '2-digit' })

/** Times are shown in Asia/Bangkok whatever the browser's zone. */
export function timeOf(ms) {
  return timeFormat.format(new Date(ms))
}
