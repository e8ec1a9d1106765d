import type { FastifyInstance } from 'fastify'
import type { EmulatorContext } from '../context.js'
import { hex } from '../core/ids.js'
import { readImageSize } from '../core/image-size.js'
import { sendContent } from '../core/media.js'
import { actionRules, isObj } from '../spec/action-rules.js'
import { badRequest, invalidBody, LineApiError, notFound } from '../spec/line-errors.js'
import type { ErrorDetail } from '../spec/spec-validator.js'
import type { RichMenuRecord } from '../types.js'

const MAX_MENUS = 1_000
const MAX_IMAGE_BYTES = 1024 * 1024

type RichMenuBody = Omit<RichMenuRecord, 'richMenuId' | 'image'>

/** Rich menu objects and their images (the image upload and download are api-data paths on the same host). */
export function richMenuRoutes(app: FastifyInstance, ctx: EmulatorContext): void {
  const { state } = ctx

  app.post('/richmenu', async (req) => {
    const body = checkRichMenu(req.body)
    if (state.richMenus.size >= MAX_MENUS) {
      throw badRequest('The number of rich menus exceeds the limit (1000)')
    }
    const richMenuId = `richmenu-${hex(16)}`
    state.richMenus.set(richMenuId, { richMenuId, ...body })
    ctx.bus.emit({ type: 'state' })
    return { richMenuId }
  })

  app.post('/richmenu/validate', async (req) => {
    checkRichMenu(req.body)
    return {}
  })

  app.get('/richmenu/list', async () => ({ richmenus: [...state.richMenus.values()].map(publicMenu) }))

  app.get('/richmenu/:richMenuId', async (req) => publicMenu(menuOf(req.params)))

  app.delete('/richmenu/:richMenuId', async (req) => {
    const menu = menuOf(req.params)
    state.richMenus.delete(menu.richMenuId)
    for (const [userId, id] of state.userRichMenus) {
      if (id === menu.richMenuId) {
        state.userRichMenus.delete(userId)
      }
    }
    if (state.defaultRichMenuId === menu.richMenuId) {
      state.defaultRichMenuId = undefined
    }
    ctx.bus.emit({ type: 'state' })
    return {}
  })

  app.post('/richmenu/:richMenuId/content', async (req) => {
    const menu = menuOf(req.params)
    const data = req.body
    const contentType = String(req.headers['content-type'] ?? '').split(';')[0]
    if (!Buffer.isBuffer(data) || data.length === 0) {
      throw badRequest('The request body is missing')
    }
    if (menu.image) {
      throw badRequest('An image has already been uploaded to the richmenu')
    }
    if (data.length > MAX_IMAGE_BYTES) {
      throw new LineApiError(400, 'The image file size must be 1 MB or less')
    }
    const info = readImageSize(data)
    if (!info || `image/${info.type}` !== contentType) {
      throw badRequest('The image could not be read as the declared content type (JPEG or PNG)')
    }
    const { width, height } = info
    if (width < 800 || width > 2500 || height < 250 || width / height < 1.45) {
      throw badRequest(
        `Invalid image size ${width}x${height}: width must be 800 to 2500 px, height at least 250 px, width/height at least 1.45`,
      )
    }
    menu.image = { contentType, data, width, height }
    ctx.bus.emit({ type: 'state' })
    return {}
  })

  app.get('/richmenu/:richMenuId/content', async (req, reply) => {
    const menu = menuOf(req.params)
    if (!menu.image) {
      throw notFound('Not found')
    }
    return sendContent(reply, menu.image)
  })

  function menuOf(params: unknown): RichMenuRecord {
    const menu = state.richMenus.get(String((params as { richMenuId?: string }).richMenuId))
    if (!menu) {
      throw notFound('Not found')
    }
    return menu
  }
}

export function publicMenu(menu: RichMenuRecord): Omit<RichMenuRecord, 'image'> {
  const { image: _image, ...rest } = menu
  return rest
}

/** The rules LINE applies to a rich menu object that the spec leaves open. */
function checkRichMenu(body: unknown): RichMenuBody {
  const out: ErrorDetail[] = []
  const menu = (isObj(body) ? body : {}) as Partial<RichMenuBody>
  for (const key of ['size', 'selected', 'name', 'chatBarText', 'areas'] as const) {
    if (menu[key] === undefined) {
      out.push({ message: 'must be specified', property: key })
    }
  }
  const size = menu.size
  if (size && (size.width < 800 || size.width > 2500)) {
    out.push({ message: 'must be between 800 and 2500', property: 'size.width' })
  }
  if (size && (size.height < 250 || size.height > 1686)) {
    out.push({ message: 'must be between 250 and 1686', property: 'size.height' })
  }
  const areas = Array.isArray(menu.areas) ? menu.areas : []
  if (areas.length > 20) {
    out.push({ message: 'Size must be between 0 and 20', property: 'areas' })
  }
  areas.forEach((area, i) => {
    const b = area.bounds
    if (!b) {
      out.push({ message: 'must be specified', property: `areas[${i}].bounds` })
    } else if (size && (b.x < 0 || b.y < 0 || b.x + b.width > size.width || b.y + b.height > size.height)) {
      out.push({ message: 'The area is outside the rich menu', property: `areas[${i}].bounds` })
    }
    if (!area.action) {
      out.push({ message: 'must be specified', property: `areas[${i}].action` })
    }
    actionRules(out, area.action, `areas[${i}].action`, 'richMenu', false)
  })
  if (out.length) {
    throw invalidBody(out)
  }
  return menu as RichMenuBody
}
