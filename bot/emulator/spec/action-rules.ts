import type { ErrorDetail } from './spec-validator.js'

export type Obj = Record<string, unknown>
export type Where = 'quickReply' | 'template' | 'imageCarousel' | 'flex' | 'richMenu'

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}

export function lengthRule(out: ErrorDetail[], value: unknown, property: string, max: number, min = 0): void {
  const s = str(value)
  if (s !== undefined && (s.length > max || s.length < min)) {
    // LINE counts characters in UTF-16 code units, which is what String#length is.
    out.push({ message: `Length must be between ${min} and ${max}`, property })
  }
}

export function requireRule(out: ErrorDetail[], obj: Obj, key: string, path: string): void {
  if (obj[key] === undefined || obj[key] === null) {
    out.push({ message: 'must be specified', property: `${path}.${key}` })
  }
}

// Action types each surface accepts (LINE's action-object reference): camera, cameraRoll and location only in
// quick replies, richmenuswitch only in rich menus.
const ALLOWED: Record<Where, string[]> = {
  quickReply: ['postback', 'message', 'uri', 'datetimepicker', 'camera', 'cameraRoll', 'location', 'clipboard'],
  template: ['postback', 'message', 'uri', 'datetimepicker', 'clipboard'],
  imageCarousel: ['postback', 'message', 'uri', 'datetimepicker', 'clipboard'],
  flex: ['postback', 'message', 'uri', 'datetimepicker', 'clipboard'],
  richMenu: ['postback', 'message', 'uri', 'datetimepicker', 'richmenuswitch', 'clipboard'],
}

const LABEL_MAX: Record<Where, number> = { quickReply: 20, template: 20, imageCarousel: 12, flex: 40, richMenu: 20 }

const URI_SCHEMES = ['http:', 'https:', 'line:', 'tel:']

/** The rules of one action object that the OpenAPI spec does not state. */
export function actionRules(out: ErrorDetail[], action: unknown, path: string, where: Where, labelRequired: boolean) {
  if (!isObj(action)) {
    return
  }
  const type = str(action.type) ?? ''
  if (!ALLOWED[where].includes(type)) {
    out.push({ message: `${type} action is not supported here`, property: `${path}.type` })
    return
  }
  if (labelRequired) {
    requireRule(out, action, 'label', path)
  }
  lengthRule(out, action.label, `${path}.label`, LABEL_MAX[where])
  switch (type) {
    case 'message':
      requireRule(out, action, 'text', path)
      lengthRule(out, action.text, `${path}.text`, 300, 1)
      break
    case 'postback':
      requireRule(out, action, 'data', path)
      lengthRule(out, action.displayText, `${path}.displayText`, 300)
      lengthRule(out, action.fillInText, `${path}.fillInText`, 300)
      break
    case 'uri':
      requireRule(out, action, 'uri', path)
      uriRule(out, action.uri, `${path}.uri`)
      break
    case 'datetimepicker':
      requireRule(out, action, 'data', path)
      requireRule(out, action, 'mode', path)
      datetimeRules(out, action, path)
      break
    case 'clipboard':
      requireRule(out, action, 'clipboardText', path)
      lengthRule(out, action.clipboardText, `${path}.clipboardText`, 1000, 1)
      break
    case 'richmenuswitch':
      requireRule(out, action, 'richMenuAliasId', path)
      requireRule(out, action, 'data', path)
      break
  }
}

function uriRule(out: ErrorDetail[], value: unknown, property: string): void {
  const uri = str(value)
  if (uri === undefined) {
    return
  }
  lengthRule(out, uri, property, 1000)
  let scheme = ''
  try {
    scheme = new URL(uri).protocol
  } catch {
    scheme = ''
  }
  if (!URI_SCHEMES.includes(scheme)) {
    out.push({ message: 'invalid uri scheme', property })
  }
}

const DATETIME_FORMATS: Record<string, RegExp> = {
  date: /^\d{4}-\d{2}-\d{2}$/,
  time: /^\d{2}:\d{2}$/,
  datetime: /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/,
}

function datetimeRules(out: ErrorDetail[], action: Obj, path: string): void {
  const format = DATETIME_FORMATS[str(action.mode) ?? '']
  if (!format) {
    return
  }
  for (const key of ['initial', 'min', 'max']) {
    const value = str(action[key])
    if (value !== undefined && !format.test(value)) {
      out.push({ message: `invalid ${action.mode} format`, property: `${path}.${key}` })
    }
  }
}

export function httpsUrlRule(out: ErrorDetail[], value: unknown, property: string, max = 2000): void {
  const url = str(value)
  if (url === undefined) {
    return
  }
  lengthRule(out, url, property, max)
  if (!url.startsWith('https://')) {
    out.push({ message: 'must be an HTTPS URL', property })
  }
}
