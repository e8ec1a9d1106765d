import type { Feature } from '../types.js'
import { languageFeature } from './language.feature.js'
import { menuFeature } from './menu.feature.js'
import { sosFeature } from './sos.feature.js'
import { stationFeature } from './station.feature.js'

/** The OA's services, in main-menu order. Later flows (lost documents, house watch, consultation) are added here. */
export const defaultFeatures: Feature[] = [sosFeature, stationFeature, languageFeature, menuFeature]
