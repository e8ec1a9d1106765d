import { HW_PHOTO_MAX_BYTES } from '@contracts/house-watch-enrol.js'
import type { Photo } from './state.js'

/** A phone photo is 3–12 MB: drawn again at most this wide or high, as JPEG, it is a few hundred KB. */
const MAX_SIDE = 1600

function load(file: File): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const img = new Image()
    img.onload = () => resolve(img)
    img.onerror = () => reject(new Error('not a picture'))
    img.src = URL.createObjectURL(file)
  })
}

/** The chosen picture shrunk to JPEG (base64 without the data: prefix), or null when it is not a picture. */
export async function shrinkPhoto(file: File): Promise<Photo | null> {
  let img: HTMLImageElement
  try {
    img = await load(file)
  } catch {
    return null
  }
  const scale = Math.min(1, MAX_SIDE / Math.max(img.naturalWidth, img.naturalHeight))
  const canvas = document.createElement('canvas')
  canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
  canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
  canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
  URL.revokeObjectURL(img.src)
  const url = canvas.toDataURL('image/jpeg', 0.82)
  const data = url.slice(url.indexOf(',') + 1)
  const size = Math.floor((data.length * 3) / 4)
  return size > HW_PHOTO_MAX_BYTES ? null : { contentType: 'image/jpeg', data, size, preview: url }
}
