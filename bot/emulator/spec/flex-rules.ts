import { actionRules, isObj, type Obj, str } from './action-rules.js'
import type { ErrorDetail } from './spec-validator.js'

const KB = 1024
const BUBBLE_MAX_BYTES = 30 * KB
const CAROUSEL_MAX_BYTES = 50 * KB
const CAROUSEL_MAX_BUBBLES = 12

/** Flex rules the spec does not state: JSON size, carousel size, labels, text content, allowed actions. */
export function flexRules(out: ErrorDetail[], contents: unknown, path: string): void {
  if (!isObj(contents)) {
    return
  }
  const bytes = Buffer.byteLength(JSON.stringify(contents), 'utf8')
  if (contents.type === 'bubble') {
    if (bytes > BUBBLE_MAX_BYTES) {
      out.push({ message: `A bubble may be at most 30 KB of JSON (this one is ${bytes} bytes)`, property: path })
    }
    bubbleRules(out, contents, path)
    return
  }
  if (contents.type === 'carousel') {
    const bubbles = Array.isArray(contents.contents) ? contents.contents : []
    if (bubbles.length < 1 || bubbles.length > CAROUSEL_MAX_BUBBLES) {
      out.push({ message: `Size must be between 1 and ${CAROUSEL_MAX_BUBBLES}`, property: `${path}.contents` })
    }
    if (bytes > CAROUSEL_MAX_BYTES) {
      out.push({ message: `A carousel may be at most 50 KB of JSON (this one is ${bytes} bytes)`, property: path })
    }
    bubbles.forEach((bubble, i) => {
      const p = `${path}.contents[${i}]`
      if (isObj(bubble) && Buffer.byteLength(JSON.stringify(bubble), 'utf8') > BUBBLE_MAX_BYTES) {
        out.push({ message: 'A bubble may be at most 30 KB of JSON', property: p })
      }
      if (isObj(bubble)) {
        bubbleRules(out, bubble, p)
      }
    })
  }
}

function bubbleRules(out: ErrorDetail[], bubble: Obj, path: string): void {
  if (!bubble.header && !bubble.hero && !bubble.body && !bubble.footer) {
    out.push({ message: 'A bubble needs at least one of header, hero, body or footer', property: path })
  }
  for (const block of ['header', 'hero', 'body', 'footer']) {
    componentRules(out, bubble[block], `${path}.${block}`)
  }
  actionRules(out, bubble.action, `${path}.action`, 'flex', false)
}

function componentRules(out: ErrorDetail[], component: unknown, path: string): void {
  if (!isObj(component)) {
    return
  }
  switch (component.type) {
    case 'box': {
      const children = Array.isArray(component.contents) ? component.contents : []
      children.forEach((child, i) => {
        componentRules(out, child, `${path}.contents[${i}]`)
      })
      break
    }
    case 'text':
      if (str(component.text) === undefined && !Array.isArray(component.contents)) {
        out.push({ message: 'must be specified', property: `${path}.text` })
      }
      break
    case 'button':
      // A Flex button shows its action's label, so the label is required there (≤ 40 characters).
      actionRules(out, component.action, `${path}.action`, 'flex', true)
      return
    case 'image':
    case 'icon':
      if (str(component.url) !== undefined && !str(component.url)?.startsWith('https://')) {
        out.push({ message: 'must be an HTTPS URL', property: `${path}.url` })
      }
      break
  }
  actionRules(out, component.action, `${path}.action`, 'flex', false)
}
