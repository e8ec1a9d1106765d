// Modal pickers (date/time, location, photo), the LIFF frame and toasts. Native <dialog> gives focus and Esc.
import { $, h } from './dom.js'
import { t } from './i18n.js'

export const LANDMARKS = [
  {
    title: 'สถานีตำรวจภูธรเมืองระยอง',
    en: 'Rayong City Police Station',
    address: 'ต.ท่าประดู่ อ.เมืองระยอง จ.ระยอง 21000',
    latitude: 12.6807,
    longitude: 101.2816,
  },
  {
    title: 'สวนศรีเมือง',
    en: 'Sri Mueang Park',
    address: 'ต.ท่าประดู่ อ.เมืองระยอง จ.ระยอง 21000',
    latitude: 12.6739,
    longitude: 101.2797,
  },
  {
    title: 'ศาลสมเด็จพระเจ้าตากสินมหาราช',
    en: 'King Taksin Shrine',
    address: 'ต.ท่าประดู่ อ.เมืองระยอง จ.ระยอง 21000',
    latitude: 12.6786,
    longitude: 101.2764,
  },
  {
    title: 'ท่าเรือบ้านเพ',
    en: 'Ban Phe Pier',
    address: 'ต.เพ อ.เมืองระยอง จ.ระยอง 21160',
    latitude: 12.6197,
    longitude: 101.4346,
  },
]

export function toast(message) {
  const box = $('#toast')
  box.replaceChildren(h('div', { className: 'toast', text: message, attrs: { role: 'status' } }))
  clearTimeout(toast.timer)
  toast.timer = setTimeout(() => box.replaceChildren(), 3500)
}

/** Opens a modal <dialog>; `build(close)` returns its content. Resolves with what close() was given. */
function modal(title, build) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { className: 'modal', attrs: { 'aria-label': title } })
    const close = (value) => {
      dialog.close()
      dialog.remove()
      resolve(value)
    }
    dialog.addEventListener('cancel', () => resolve(undefined))
    dialog.append(
      h(
        'div',
        { className: 'modal-head' },
        h('h2', { text: title }),
        h('button', {
          type: 'button',
          className: 'icon-button',
          text: '×',
          attrs: { 'aria-label': t('close') },
          onClick: () => close(undefined),
        }),
      ),
      build(close),
    )
    document.body.append(dialog)
    dialog.showModal()
  })
}

const INPUT_TYPE = { date: 'date', time: 'time', datetime: 'datetime-local' }

/** A datetime picker action: resolves with LINE's params ({date}, {time} or {datetime}) or undefined. */
export function pickDatetime(action) {
  const mode = INPUT_TYPE[action.mode] ? action.mode : 'datetime'
  const title = t(mode === 'date' ? 'pickDate' : mode === 'time' ? 'pickTime' : 'pickDatetime')
  return modal(action.label ?? title, (close) => {
    const input = h('input', {
      type: INPUT_TYPE[mode],
      required: true,
      value: action.initial ?? '',
      min: action.min ?? '',
      max: action.max ?? '',
      attrs: { 'aria-label': title, 'data-testid': 'datetime-input' },
    })
    return h(
      'form',
      {
        className: 'modal-body',
        onSubmit: (e) => {
          e.preventDefault()
          if (input.value) {
            close({ [mode]: input.value.slice(0, mode === 'date' ? 10 : mode === 'time' ? 5 : 16) })
          }
        },
      },
      h('label', { className: 'field' }, h('span', { text: title }), input),
      h('div', { className: 'modal-actions' }, h('button', { type: 'submit', className: 'primary', text: t('ok') })),
    )
  })
}

/** Resolves with { latitude, longitude, title?, address? } or undefined. */
export function pickLocation() {
  return modal(t('sendLocation'), (close) => {
    const field = (name, label, props = {}) =>
      h('label', { className: 'field' }, h('span', { text: label }), h('input', { name, ...props }))
    const form = h(
      'form',
      {
        className: 'custom-location',
        onSubmit: (e) => {
          e.preventDefault()
          const data = new FormData(form)
          const latitude = Number(data.get('latitude'))
          const longitude = Number(data.get('longitude'))
          if (Number.isFinite(latitude) && Number.isFinite(longitude)) {
            const title = String(data.get('title') ?? '').trim()
            const address = String(data.get('address') ?? '').trim()
            close({ latitude, longitude, ...(title ? { title } : {}), ...(address ? { address } : {}) })
          }
        },
      },
      h('h3', { text: t('customLocation') }),
      h(
        'div',
        { className: 'row' },
        field('latitude', t('latitude'), { type: 'number', step: 'any', required: true, value: '12.6807' }),
        field('longitude', t('longitude'), { type: 'number', step: 'any', required: true, value: '101.2816' }),
      ),
      field('title', t('placeTitle')),
      field('address', t('address')),
      h('div', { className: 'modal-actions' }, h('button', { type: 'submit', className: 'primary', text: t('send') })),
    )
    return h(
      'div',
      { className: 'modal-body' },
      h(
        'ul',
        { className: 'landmarks' },
        LANDMARKS.map((place) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                onClick: () =>
                  close({
                    title: place.title,
                    address: place.address,
                    latitude: place.latitude,
                    longitude: place.longitude,
                  }),
              },
              h('strong', { text: `📍 ${place.title}` }),
              h('small', { text: `${place.en} · ${place.latitude}, ${place.longitude}` }),
            ),
          ),
        ),
      ),
      form,
    )
  })
}

// What LINE lets a person send from the camera roll, as the emulator accepts it (the server checks the bytes).
const MEDIA_ACCEPT = 'image/png,image/jpeg,video/mp4,audio/mp4,audio/x-m4a,.m4a'

/** Camera / camera roll: resolves with { kind, dataBase64 } for a chosen file, {} for a sample, or undefined. */
export function pickPhoto() {
  return modal(t('photo'), (close) => {
    const file = h('input', { type: 'file', accept: MEDIA_ACCEPT, attrs: { 'aria-label': t('chooseFile') } })
    file.addEventListener('change', async () => {
      const chosen = file.files?.[0]
      if (!chosen) {
        return
      }
      const bytes = new Uint8Array(await chosen.arrayBuffer())
      let binary = ''
      for (const byte of bytes) {
        binary += String.fromCharCode(byte)
      }
      const kind = chosen.type.startsWith('video/')
        ? 'video'
        : /^audio\/|\.m4a$/i.test(chosen.type || chosen.name)
          ? 'audio'
          : 'image'
      close({ kind, dataBase64: btoa(binary) })
    })
    return h(
      'div',
      { className: 'modal-body' },
      h('button', { type: 'button', className: 'primary', text: `🖼 ${t('samplePhoto')}`, onClick: () => close({}) }),
      h('label', { className: 'field' }, h('span', { text: t('chooseFile') }), file),
    )
  })
}

/** The LIFF app in a phone-sized frame (LIFF "tall" size), as LINE opens it over the chat. */
export function openLiffFrame(url, liffId) {
  $('#toast').replaceChildren() // a notice about the chat must not cover the page that opens over it
  const previous = document.activeElement
  const close = () => {
    overlay.remove()
    document.removeEventListener('keydown', onKey)
    previous?.focus?.()
  }
  const onKey = (e) => {
    if (e.key === 'Escape') {
      close()
    }
  }
  const closeButton = h('button', {
    type: 'button',
    className: 'icon-button',
    text: '×',
    attrs: { 'aria-label': t('close'), 'data-testid': 'liff-close' },
    onClick: close,
  })
  const overlay = h(
    'div',
    { className: 'liff-overlay', onClick: (e) => e.target === overlay && close() },
    h(
      'div',
      { className: 'liff-sheet', attrs: { role: 'dialog', 'aria-label': `${t('liffTitle')} ${liffId}` } },
      h(
        'div',
        { className: 'liff-head' },
        h('span', { className: 'liff-title', text: `LIFF · ${liffId}` }),
        closeButton,
      ),
      h('iframe', { src: url, title: `LIFF ${liffId}`, attrs: { 'data-testid': 'liff-frame' } }),
    ),
  )
  document.body.append(overlay)
  document.addEventListener('keydown', onKey)
  closeButton.focus()
}
