import { createCitizensService } from '../citizens/citizens.service.js'
import { type ConversationEngine, createConversationEngine } from '../conversation/engine.js'
import { languageFeature } from '../conversation/language.feature.js'
import { menuFeature } from '../conversation/menu.feature.js'
import { myDataFeature } from '../conversation/my-data.feature.js'
import { smallTalkFeature } from '../conversation/small-talk.feature.js'
import type { Feature } from '../conversation/types.js'
import { liftDoNotContactOnReturn } from '../privacy/do-not-contact.js'
import { linkRichMenusOnLanguage } from '../richmenu/link-on-language.js'
import { sosFeature } from '../sos/sos.feature.js'
import { stationFeature } from '../station/station.feature.js'
import type { CasesDomain } from './cases.js'
import type { ConsultationDomain } from './consultation.js'
import type { HouseWatchOwnerDomain } from './house-watch-owner.js'
import type { Infra } from './infra.js'
import type { LostDocumentsDomain } from './lost-documents.js'
import type { PrivacyDomain } from './privacy.js'
import type { Wire } from './wire.js'

/**
 * The OA's services in main-menu order: SOS first, then the flows, station information, the citizen's data (PDPA,
 * asked in words only), language and the menu;
 * then small talk (greetings, thanks, nothing to cancel, services still to come), after the flows so that their own
 * "cancel" and "continue" win. Lost documents' "awaiting more information" catch-all comes last, after every other
 * service has had its say.
 * A consultation's thread comes before the flows and small talk: while one is open, what the citizen writes is said
 * to the officer ("สวัสดีครับ" too, and a lost wallet only mentioned in a story), except clear requests to another
 * service, which answer and then say how to return to the thread (the way back decorates them).
 */
export function featuresInOrder(
  lostDocuments: Pick<LostDocumentsDomain, 'feature' | 'awaitingInfo'>,
  consultation: Pick<ConsultationDomain, 'feature' | 'thread' | 'withWayBack'>,
  houseWatchOwner: Pick<HouseWatchOwnerDomain, 'feature'>,
  /** Later services' entries (house watch), after consultation's and before station information. */
  services: Feature[] = [],
): Feature[] {
  const back = consultation.withWayBack
  return [
    sosFeature,
    // "I'm home" ends a running house watch even while a consultation thread is open.
    houseWatchOwner.feature,
    consultation.thread,
    back(lostDocuments.feature),
    consultation.feature,
    ...services.map(back),
    back(stationFeature),
    back(myDataFeature),
    back(languageFeature),
    back(menuFeature),
    smallTalkFeature,
    lostDocuments.awaitingInfo,
  ]
}

/**
 * Citizens (storing a language re-links their rich menu; coming back lifts "do not contact") and the conversation
 * engine over the features.
 */
export function composeConversation(
  { config, line }: Infra,
  lostDocuments: LostDocumentsDomain,
  consultation: ConsultationDomain,
  houseWatchOwner: HouseWatchOwnerDomain,
  { groupEvents }: Pick<CasesDomain, 'groupEvents'>,
  { doNotContact }: Pick<PrivacyDomain, 'doNotContact'>,
  wire: Wire,
  wrapEngine: (engine: ConversationEngine) => ConversationEngine = (engine) => engine,
  services: Feature[] = [],
) {
  const citizens = liftDoNotContactOnReturn(linkRichMenusOnLanguage(createCitizensService()), doNotContact)
  const engine = wire(createConversationEngine, {
    features: featuresInOrder(lostDocuments, consultation, houseWatchOwner, services),
    citizens,
    line,
    liffId: config.line.liffIdCitizen,
    adminLiffId: config.line.liffIdAdmin,
    contactPhone: lostDocuments.contactPhone,
    groupEvents: groupEvents.handle,
  })
  return { citizens, engine: wrapEngine(engine) }
}
export type ConversationDomain = ReturnType<typeof composeConversation>
