import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Language } from '../i18n/index.js'

/** The committed menu images (npm run richmenu:images draws them; line:setup uploads them). */
export const IMAGES_DIR = join(dirname(fileURLToPath(import.meta.url)), 'images')

export const imagePath = (lang: Language) => join(IMAGES_DIR, `${lang}.png`)

export function readMenuImage(lang: Language): Buffer {
  return readFileSync(imagePath(lang))
}
