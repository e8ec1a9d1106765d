import { z } from 'zod'
import { LANGUAGES } from '../../db/schema/citizens.js'
import type { MapTiles } from '../contracts/map.js'

/** What the LIFF app needs before liff.init: which LIFF app it is, and whether the LINE emulator stands in for LINE. */
export const liffClientConfigSchema = z.object({
  liffId: z.string(),
  emulator: z.boolean(),
  map: z.object({ tileUrl: z.string(), attribution: z.string() }),
})
/** What a LIFF app's static/config plugin is given; without `map`, the default tiles (OpenStreetMap). */
export type LiffClientOptions = Omit<z.infer<typeof liffClientConfigSchema>, 'map'> & { map?: MapTiles }

/** The citizen as the LIFF pages see them: no internal IDs, no LINE user ID (the client already is that user). */
export const meSchema = z.object({
  displayName: z.string().nullable(),
  language: z.enum(LANGUAGES),
  followState: z.enum(['following', 'blocked']),
})
export type Me = z.infer<typeof meSchema>

/** `lang`: the LIFF app's language (LINE's app language), used only to seed a citizen seen for the first time. */
export const meQuerySchema = z.object({ lang: z.enum(LANGUAGES).optional() })

export const setLanguageBodySchema = z.strictObject({ language: z.enum(LANGUAGES) })

export const stationSchema = z.object({
  code: z.string(),
  nameTh: z.string(),
  nameEn: z.string(),
  addressTh: z.string(),
  addressEn: z.string(),
  phone: z.string(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
})
export type StationInfo = z.infer<typeof stationSchema>
