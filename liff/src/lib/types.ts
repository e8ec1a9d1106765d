// The JSON the LIFF API answers (bot/citizens/citizen.schema.ts is the source of truth; the server validates it).
import type { Language } from './i18n.js'

export type Me = { displayName: string | null; language: Language; followState: 'following' | 'blocked' }

export type StationInfo = {
  code: string
  nameTh: string
  nameEn: string
  addressTh: string
  addressEn: string
  phone: string
  latitude: number | null
  longitude: number | null
}
