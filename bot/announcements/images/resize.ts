import type { Metadata } from 'sharp'
import { AppError } from '../../errors.js'

/**
 * LINE's limits for an image message (https://developers.line.biz/en/reference/messaging-api/#image-message):
 * originalContentUrl JPEG or PNG ≤ 10 MB, previewImageUrl JPEG or PNG ≤ 1 MB. The sides are our choice: 2048 px is
 * sharp on any phone and keeps a photo far below 10 MB; the preview is what the chat list shows (≤ 1024 px).
 */
export const IMAGE_LIMITS = {
  /** What an officer may upload (a phone photo is 3–8 MB; anything larger is refused before decoding). */
  maxUploadBytes: 20 * 1024 * 1024,
  originalMaxBytes: 10 * 1024 * 1024,
  originalMaxSide: 2048,
  previewMaxBytes: 1024 * 1024,
  previewMaxSide: 1024,
  /** Below this the picture is a mistake (an icon, a tracking pixel), not an announcement. */
  minSide: 32,
  /** Decompression bombs: refused before they are decoded. */
  maxInputPixels: 80_000_000,
} as const

export type ImageRefusal =
  | 'image_empty'
  | 'image_too_large'
  | 'image_unreadable'
  | 'image_type_refused'
  | 'image_too_small'

const TEXTS: Record<ImageRefusal, [string, string]> = {
  image_empty: ['the image is empty', 'ไฟล์รูปภาพว่างเปล่า'],
  image_too_large: ['the image is larger than 20 MB', 'รูปภาพใหญ่เกิน 20 MB'],
  image_unreadable: ['the file is not a readable image', 'ไม่สามารถอ่านไฟล์นี้เป็นรูปภาพได้'],
  image_type_refused: [
    'send a JPEG, PNG, WebP, GIF, AVIF or TIFF picture',
    'ส่งได้เฉพาะรูปภาพ JPEG, PNG, WebP, GIF, AVIF หรือ TIFF',
  ],
  image_too_small: ['the image is smaller than 32 px on a side', 'รูปภาพเล็กเกินไป (ด้านหนึ่งต่ำกว่า 32 พิกเซล)'],
}

/** 422 with a code the composer shows in Thai or English. */
export class ImageRefusedError extends AppError {
  constructor(code: ImageRefusal) {
    super(code, 422, TEXTS[code][0], TEXTS[code][1])
  }
}

/** sharp (libvips), imported on the first picture: loaded, it holds about 25 MB of a process that may never need it. */
async function loadSharp() {
  return (await import('sharp')).default
}

/** Formats sharp reads that we accept (converted to JPEG unless PNG). */
const READABLE = new Set(['jpeg', 'png', 'webp', 'gif', 'avif', 'heif', 'tiff'])

export type ResizedImage = {
  contentType: 'image/jpeg' | 'image/png'
  width: number
  height: number
  original: Buffer
  preview: Buffer
}

async function encode(
  input: Buffer,
  maxSide: number,
  png: boolean,
  quality: number,
): Promise<{ data: Buffer; width: number; height: number }> {
  const sharp = await loadSharp()
  const pipeline = sharp(input, { limitInputPixels: IMAGE_LIMITS.maxInputPixels, animated: false })
    .rotate() // apply the EXIF orientation: phones store portraits sideways
    .resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
  const out = png
    ? pipeline.png({ compressionLevel: 9, palette: false })
    : pipeline.flatten({ background: '#ffffff' }).jpeg({ quality, mozjpeg: true })
  const { data, info } = await out.toBuffer({ resolveWithObject: true })
  return { data, width: info.width, height: info.height }
}

/** Encodes within a byte limit: lower JPEG quality, then smaller sides, until it fits. */
async function encodeWithin(input: Buffer, maxSide: number, maxBytes: number, png: boolean) {
  if (png) {
    const asPng = await encode(input, maxSide, true, 0)
    if (asPng.data.length <= maxBytes) {
      return { ...asPng, png: true }
    }
  }
  let side = maxSide
  for (;;) {
    for (const quality of [85, 70, 55]) {
      const jpeg = await encode(input, side, false, quality)
      if (jpeg.data.length <= maxBytes || side <= 256) {
        return { ...jpeg, png: false }
      }
    }
    side = Math.round(side * 0.75)
  }
}

/**
 * An uploaded picture made ready for LINE: the EXIF orientation applied (and the metadata, GPS included, dropped:
 * sharp writes none by default), at most 2048 px and 10 MB, JPEG (PNG stays PNG when it fits, for diagrams and
 * posters with text), and a JPEG preview of at most 1024 px and 1 MB.
 */
export async function prepareImage(bytes: Buffer): Promise<ResizedImage> {
  if (bytes.length === 0) {
    throw new ImageRefusedError('image_empty')
  }
  if (bytes.length > IMAGE_LIMITS.maxUploadBytes) {
    throw new ImageRefusedError('image_too_large')
  }
  let meta: Metadata
  try {
    meta = await (await loadSharp())(bytes, { limitInputPixels: IMAGE_LIMITS.maxInputPixels }).metadata()
  } catch {
    throw new ImageRefusedError('image_unreadable')
  }
  if (!meta.format || !READABLE.has(meta.format)) {
    throw new ImageRefusedError('image_type_refused')
  }
  if (!meta.width || !meta.height) {
    throw new ImageRefusedError('image_unreadable')
  }
  if (Math.min(meta.width, meta.height) < IMAGE_LIMITS.minSide) {
    throw new ImageRefusedError('image_too_small')
  }
  try {
    const original = await encodeWithin(
      bytes,
      IMAGE_LIMITS.originalMaxSide,
      IMAGE_LIMITS.originalMaxBytes,
      meta.format === 'png',
    )
    const preview = await encodeWithin(bytes, IMAGE_LIMITS.previewMaxSide, IMAGE_LIMITS.previewMaxBytes, false)
    return {
      contentType: original.png ? 'image/png' : 'image/jpeg',
      width: original.width,
      height: original.height,
      original: original.data,
      preview: preview.data,
    }
  } catch (err) {
    if (err instanceof ImageRefusedError) {
      throw err
    }
    // A truncated or corrupt file passes the header check and fails while decoding.
    throw new ImageRefusedError('image_unreadable')
  }
}
