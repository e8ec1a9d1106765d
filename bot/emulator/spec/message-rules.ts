import { actionRules, httpsUrlRule, isObj, lengthRule, type Obj, requireRule, str } from './action-rules.js'
import { flexRules } from './flex-rules.js'
import type { ErrorDetail } from './spec-validator.js'

/**
 * LINE's documented limits that messaging-api.yml cannot express (see docs/line-platform.md §3):
 * text length, quick-reply labels, altText, template and Flex limits, allowed actions per surface, HTTPS URLs.
 * Run after the spec validation passed, so shapes are known to be right.
 */
export function messageRules(messages: unknown, basePath = 'messages'): ErrorDetail[] {
  const out: ErrorDetail[] = []
  if (!Array.isArray(messages)) {
    return out
  }
  messages.forEach((message, i) => {
    if (isObj(message)) {
      oneMessage(out, message, `${basePath}[${i}]`)
    }
  })
  return out
}

function oneMessage(out: ErrorDetail[], m: Obj, path: string): void {
  quickReplyRules(out, m.quickReply, `${path}.quickReply`)
  if (isObj(m.sender) && /line/i.test(str(m.sender.name) ?? '')) {
    out.push({ message: 'must not contain the word LINE', property: `${path}.sender.name` })
  }
  switch (m.type) {
    case 'text':
    case 'textV2':
      if (m.text === '') {
        out.push({ message: 'May not be empty', property: `${path}.text` })
      }
      lengthRule(out, m.text, `${path}.text`, 5000)
      if (Array.isArray(m.emojis) && m.emojis.length > 20) {
        out.push({ message: 'Size must be between 0 and 20', property: `${path}.emojis` })
      }
      break
    case 'image':
    case 'video':
      requireRule(out, m, 'originalContentUrl', path)
      requireRule(out, m, 'previewImageUrl', path)
      httpsUrlRule(out, m.originalContentUrl, `${path}.originalContentUrl`)
      httpsUrlRule(out, m.previewImageUrl, `${path}.previewImageUrl`)
      break
    case 'audio':
      requireRule(out, m, 'originalContentUrl', path)
      requireRule(out, m, 'duration', path)
      httpsUrlRule(out, m.originalContentUrl, `${path}.originalContentUrl`)
      break
    case 'location':
      for (const key of ['title', 'address', 'latitude', 'longitude']) {
        requireRule(out, m, key, path)
      }
      lengthRule(out, m.title, `${path}.title`, 100)
      lengthRule(out, m.address, `${path}.address`, 100)
      break
    case 'sticker':
      requireRule(out, m, 'packageId', path)
      requireRule(out, m, 'stickerId', path)
      break
    case 'imagemap':
      altTextRule(out, m, path)
      break
    case 'template':
      altTextRule(out, m, path)
      templateRules(out, m.template, `${path}.template`)
      break
    case 'flex':
      altTextRule(out, m, path)
      flexRules(out, m.contents, `${path}.contents`)
      break
  }
}

function altTextRule(out: ErrorDetail[], m: Obj, path: string): void {
  if (m.altText === '') {
    out.push({ message: 'May not be empty', property: `${path}.altText` })
  }
  lengthRule(out, m.altText, `${path}.altText`, 400)
}

function quickReplyRules(out: ErrorDetail[], quickReply: unknown, path: string): void {
  if (!isObj(quickReply) || !Array.isArray(quickReply.items)) {
    return
  }
  quickReply.items.forEach((item, i) => {
    const p = `${path}.items[${i}]`
    if (!isObj(item)) {
      return
    }
    requireRule(out, item, 'action', p)
    if (item.imageUrl !== undefined) {
      httpsUrlRule(out, item.imageUrl, `${p}.imageUrl`, 2000)
    }
    actionRules(out, item.action, `${p}.action`, 'quickReply', true)
  })
}

function actionsRule(out: ErrorDetail[], actions: unknown, path: string, min: number, max: number, image = false) {
  const list = Array.isArray(actions) ? actions : []
  if (list.length < min || list.length > max) {
    out.push({ message: `Size must be between ${min} and ${max}`, property: path })
  }
  list.forEach((action, i) => {
    actionRules(out, action, `${path}[${i}]`, image ? 'imageCarousel' : 'template', true)
  })
}

function templateRules(out: ErrorDetail[], t: unknown, path: string): void {
  if (!isObj(t)) {
    return
  }
  switch (t.type) {
    case 'buttons': {
      const compact = t.title !== undefined || t.thumbnailImageUrl !== undefined
      lengthRule(out, t.title, `${path}.title`, 40)
      lengthRule(out, t.text, `${path}.text`, compact ? 60 : 160, 1)
      httpsUrlRule(out, t.thumbnailImageUrl, `${path}.thumbnailImageUrl`)
      actionsRule(out, t.actions, `${path}.actions`, 1, 4)
      actionRules(out, t.defaultAction, `${path}.defaultAction`, 'template', false)
      break
    }
    case 'confirm':
      lengthRule(out, t.text, `${path}.text`, 240, 1)
      actionsRule(out, t.actions, `${path}.actions`, 2, 2)
      break
    case 'carousel':
    case 'image_carousel':
      carouselRules(out, t, path)
      break
  }
}

function carouselRules(out: ErrorDetail[], t: Obj, path: string): void {
  const columns = Array.isArray(t.columns) ? t.columns : []
  if (columns.length < 1 || columns.length > 10) {
    out.push({ message: 'Size must be between 1 and 10', property: `${path}.columns` })
  }
  const actionCounts = new Set<number>()
  columns.forEach((column, i) => {
    const p = `${path}.columns[${i}]`
    if (!isObj(column)) {
      return
    }
    if (t.type === 'image_carousel') {
      requireRule(out, column, 'imageUrl', p)
      httpsUrlRule(out, column.imageUrl, `${p}.imageUrl`)
      requireRule(out, column, 'action', p)
      actionRules(out, column.action, `${p}.action`, 'imageCarousel', false)
      return
    }
    const compact = column.title !== undefined || column.thumbnailImageUrl !== undefined
    lengthRule(out, column.title, `${p}.title`, 40)
    lengthRule(out, column.text, `${p}.text`, compact ? 60 : 120, 1)
    httpsUrlRule(out, column.thumbnailImageUrl, `${p}.thumbnailImageUrl`)
    actionsRule(out, column.actions, `${p}.actions`, 1, 3)
    actionCounts.add(Array.isArray(column.actions) ? column.actions.length : 0)
  })
  if (actionCounts.size > 1) {
    out.push({ message: 'All columns must have the same number of actions', property: `${path}.columns` })
  }
}
