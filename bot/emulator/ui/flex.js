// Flex Message renderer: bubbles and carousels as LINE lays them out (close enough to judge a design).
import { h, image, safeUrl } from './dom.js'

const BUBBLE_WIDTH = { nano: 120, micro: 160, deca: 220, hecto: 241, kilo: 260, mega: 300, giga: 386 }
const SPACING = { none: 0, xs: 2, sm: 4, md: 8, lg: 12, xl: 16, xxl: 20 }
const TEXT_SIZE = { xxs: 11, xs: 13, sm: 14, md: 16, lg: 19, xl: 22, xxl: 29, '3xl': 35, '4xl': 48, '5xl': 74 }
const IMAGE_SIZE = { xxs: 40, xs: 60, sm: 80, md: 100, lg: 120, xl: 140, xxl: 160, '3xl': 180, '4xl': 200, '5xl': 240 }
const BORDER = { none: 0, light: 0.5, normal: 1, medium: 2, 'semi-bold': 3, bold: 4 }
const BLOCK_PADDING = { header: 20, hero: 0, body: 20, footer: 10 }

function px(value, table) {
  if (value === undefined || value === null) {
    return undefined
  }
  if (table && Object.hasOwn(table, value)) {
    return `${table[value]}px`
  }
  return /^-?\d+(\.\d+)?(px|%)$/.test(String(value)) ? String(value) : undefined
}

function flexValue(flex, parentLayout, fallbackGrow) {
  const n = flex ?? (parentLayout === 'vertical' ? 0 : fallbackGrow)
  return n > 0 ? `${n} 1 0px` : '0 0 auto'
}

/** Where LINE puts a child's `margin`: above it in a vertical box, before it in a horizontal one. */
function marginStyle(component, parentLayout, first) {
  if (first || !component.margin) {
    return {}
  }
  const m = px(component.margin, SPACING)
  return parentLayout === 'vertical' ? { marginTop: m } : { marginLeft: m }
}

function positionStyle(c) {
  return {
    position: c.position === 'absolute' ? 'absolute' : undefined,
    top: px(c.offsetTop, SPACING),
    bottom: px(c.offsetBottom, SPACING),
    left: px(c.offsetStart, SPACING),
    right: px(c.offsetEnd, SPACING),
  }
}

function clickable(el, action, onAction) {
  if (!action) {
    return el
  }
  el.classList.add('fx-action')
  el.tabIndex = 0
  el.setAttribute('role', 'button')
  el.addEventListener('click', (e) => {
    e.stopPropagation()
    onAction(action)
  })
  el.addEventListener('keydown', (e) => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault()
      onAction(action)
    }
  })
  return el
}

export function renderFlex(contents, onAction) {
  if (contents?.type === 'carousel') {
    return h(
      'div',
      { className: 'fx-carousel' },
      (contents.contents ?? []).map((b) => bubble(b, onAction)),
    )
  }
  return bubble(contents ?? {}, onAction)
}

function bubble(b, onAction) {
  const width = BUBBLE_WIDTH[b.size] ?? BUBBLE_WIDTH.mega
  const styles = b.styles ?? {}
  const el = h('div', { className: 'fx-bubble', style: { width: `${width}px`, direction: b.direction } })
  let first = true
  for (const name of ['header', 'hero', 'body', 'footer']) {
    const block = b[name]
    if (!block) {
      continue
    }
    const style = styles[name] ?? {}
    const wrap = h('div', {
      className: `fx-block fx-${name}`,
      style: {
        backgroundColor: style.backgroundColor,
        borderTop: style.separator && !first ? `1px solid ${style.separatorColor ?? '#e5e5e5'}` : undefined,
      },
    })
    const node = component(block, 'vertical', true, onAction)
    if (block.type === 'box' && block.paddingAll === undefined) {
      node.style.padding = `${BLOCK_PADDING[name]}px`
    }
    wrap.append(node)
    el.append(wrap)
    first = false
  }
  return clickable(el, b.action, onAction)
}

function component(c, parentLayout, first, onAction) {
  const common = { ...marginStyle(c, parentLayout, first), ...positionStyle(c) }
  switch (c.type) {
    case 'box':
      return box(c, parentLayout, common, onAction)
    case 'text':
      return text(c, parentLayout, common, onAction)
    case 'image':
      return flexImage(c, parentLayout, common, onAction)
    case 'button':
      return button(c, parentLayout, common, onAction)
    case 'icon':
      return h('span', { className: 'fx-icon', style: common }, image(c.url, '', 'fx-icon-img'))
    case 'separator': {
      const line = `1px solid ${c.color ?? '#d4d6da'}`
      const style = parentLayout === 'vertical' ? { borderTop: line } : { borderLeft: line, alignSelf: 'stretch' }
      return h('div', { className: 'fx-separator', style: { ...common, ...style } })
    }
    case 'filler':
      return h('div', { className: 'fx-filler', style: { flex: flexValue(c.flex, parentLayout, 1) } })
    case 'spacer':
      return h('div', { style: { flex: '0 0 auto', height: px(c.size ?? 'md', SPACING), width: px(c.size, SPACING) } })
    case 'video':
      return c.altContent ? component(c.altContent, parentLayout, first, onAction) : h('div', { text: '▶' })
    default:
      return h('div', { className: 'fx-unknown', text: `[${c.type}]` })
  }
}

function box(c, parentLayout, common, onAction) {
  const layout = c.layout ?? 'vertical'
  const gradient = c.background?.type === 'linearGradient' ? c.background : undefined
  const el = h('div', {
    className: `fx-box fx-${layout}`,
    style: {
      ...common,
      flex: flexValue(c.flex, parentLayout, 1),
      gap: px(c.spacing, SPACING),
      backgroundColor: c.backgroundColor,
      backgroundImage: gradient
        ? `linear-gradient(${gradient.angle ?? '0deg'}, ${[gradient.startColor, gradient.centerColor, gradient.endColor].filter(Boolean).join(', ')})`
        : undefined,
      border:
        c.borderWidth || c.borderColor
          ? `${px(c.borderWidth ?? 'normal', BORDER)} solid ${c.borderColor ?? '#000'}`
          : undefined,
      borderRadius: px(c.cornerRadius, SPACING),
      width: px(c.width),
      maxWidth: px(c.maxWidth),
      height: px(c.height),
      maxHeight: px(c.maxHeight),
      padding: px(c.paddingAll, SPACING),
      paddingTop: px(c.paddingTop, SPACING),
      paddingBottom: px(c.paddingBottom, SPACING),
      paddingLeft: px(c.paddingStart, SPACING),
      paddingRight: px(c.paddingEnd, SPACING),
      justifyContent: c.justifyContent,
      alignItems: c.alignItems ?? (layout === 'baseline' ? 'baseline' : undefined),
    },
  })
  let first = true
  for (const child of c.contents ?? []) {
    el.append(component(child, layout, first, onAction))
    first = false
  }
  return clickable(el, c.action, onAction)
}

function text(c, parentLayout, common, onAction) {
  const size = px(c.size ?? 'md', TEXT_SIZE)
  const el = h('div', {
    className: `fx-text${c.wrap ? ' fx-wrap' : ''}`,
    style: {
      ...common,
      flex: flexValue(c.flex, parentLayout, 1),
      fontSize: size,
      fontWeight: c.weight === 'bold' ? '700' : undefined,
      fontStyle: c.style === 'italic' ? 'italic' : undefined,
      textDecoration: c.decoration && c.decoration !== 'none' ? c.decoration : undefined,
      color: c.color,
      textAlign: c.align === 'end' ? 'right' : c.align === 'center' ? 'center' : undefined,
      alignSelf: { top: 'flex-start', bottom: 'flex-end', center: 'center' }[c.gravity],
      lineHeight: c.lineSpacing ? `calc(1.2em + ${px(c.lineSpacing)})` : undefined,
      WebkitLineClamp: c.maxLines ? String(c.maxLines) : undefined,
    },
  })
  if (c.maxLines) {
    el.classList.add('fx-clamp')
  }
  if (Array.isArray(c.contents) && c.contents.length) {
    for (const span of c.contents) {
      el.append(
        h('span', {
          text: span.text ?? '',
          style: {
            fontSize: px(span.size, TEXT_SIZE),
            fontWeight: span.weight === 'bold' ? '700' : undefined,
            fontStyle: span.style === 'italic' ? 'italic' : undefined,
            textDecoration: span.decoration && span.decoration !== 'none' ? span.decoration : undefined,
            color: span.color,
          },
        }),
      )
    }
  } else {
    el.textContent = c.text ?? ''
  }
  return clickable(el, c.action, onAction)
}

function flexImage(c, parentLayout, common, onAction) {
  const size = c.size === 'full' ? '100%' : (px(c.size ?? 'md', IMAGE_SIZE) ?? '100px')
  const [w, hgt] = String(c.aspectRatio ?? '1:1')
    .split(':')
    .map(Number)
  const img = image(c.url, '', `fx-img ${c.aspectMode === 'cover' ? 'fx-cover' : 'fx-fit'}`)
  const frame = h(
    'div',
    {
      className: 'fx-image',
      style: {
        ...common,
        flex: flexValue(c.flex, parentLayout, 1),
        width: size,
        maxWidth: '100%',
        aspectRatio: w && hgt ? `${w} / ${hgt}` : '1 / 1',
        backgroundColor: c.backgroundColor,
        alignSelf: { start: 'flex-start', end: 'flex-end' }[c.align] ?? 'center',
      },
    },
    img,
  )
  return clickable(frame, c.action, onAction)
}

function button(c, parentLayout, common, onAction) {
  const style = c.style ?? 'link'
  const colors =
    style === 'primary'
      ? { backgroundColor: c.color ?? '#17c950', color: '#fff' }
      : style === 'secondary'
        ? { backgroundColor: c.color ?? '#dcdfe5', color: '#111' }
        : { color: c.color ?? '#42659a' }
  const el = h('button', {
    type: 'button',
    className: `fx-button fx-button-${style}`,
    text: c.action?.label ?? '',
    title: c.action?.type === 'uri' ? (safeUrl(c.action.uri) ?? c.action.uri) : undefined,
    style: {
      ...common,
      ...colors,
      flex: flexValue(c.flex, parentLayout, 1),
      height: c.height === 'sm' ? '40px' : '52px',
      alignSelf: { top: 'flex-start', bottom: 'flex-end', center: 'center' }[c.gravity],
    },
    onClick: (e) => {
      e.stopPropagation()
      onAction(c.action)
    },
  })
  return el
}
