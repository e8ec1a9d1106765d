import type { messagingApi } from '@line/bot-sdk'
import { type Language, type MessageKey, t } from '../i18n/index.js'
import { postbackData } from '../line/postback.js'
import type { IconName } from './icons.js'
import type { TileSize } from './layout.js'

/** The two menus switch to each other through these aliases (richmenuswitch actions); line:setup keeps them. */
export const RICH_MENU_ALIASES: Record<Language, string> = { th: 'rsz-th', en: 'rsz-en' }

export function languageOfAlias(aliasId: string | undefined): Language | undefined {
  return (Object.keys(RICH_MENU_ALIASES) as Language[]).find((l) => RICH_MENU_ALIASES[l] === aliasId)
}

/** Settings a tile's action may need; they differ per deployment (the image does not). */
export type MenuEnv = { liffId: string }

export type TileTone = 'danger' | 'brand' | 'soft'

/** One tap target of the rich menu: what the image shows and what tapping does. */
export type MenuTile = {
  id: string
  size: TileSize
  tone: TileTone
  icon: IconName
  /** Catalogue key of the label; ≤ 20 characters, as it is also the action's label (read out by screen readers). */
  label: MessageKey
  /** A small line under the label, in the menu's language. */
  caption?: MessageKey
  action(lang: Language, env: MenuEnv): messagingApi.Action
}

const other = (lang: Language): Language => (lang === 'th' ? 'en' : 'th')

/** A postback the conversation features already answer, shown in the chat as if the person had typed the label. */
function postback(lang: Language, label: MessageKey, action: string): messagingApi.Action {
  return { type: 'postback', label: t(lang, label), data: postbackData(action), displayText: t(lang, label) }
}

/**
 * The menu, in order. Only services that exist have a tile: "my cases" adds its own when its feature ships
 * (size 'standard', the list icon is ready). The layout takes up to eight main tiles plus the compact ones (layout.ts); LINE allows 20 areas.
 */
export const MENU_TILES: readonly MenuTile[] = [
  {
    id: 'sos',
    size: 'hero',
    tone: 'danger',
    icon: 'siren',
    label: 'menu.sos',
    caption: 'richmenu.sosCaption',
    action: (lang) => postback(lang, 'menu.sos', 'sos'),
  },
  {
    id: 'lost-document',
    size: 'standard',
    tone: 'brand',
    icon: 'document',
    label: 'menu.lostDocument',
    caption: 'richmenu.lostDocumentCaption',
    // The same postback as the chat's menu item: the lost-document feature answers with its intro (form or chat).
    action: (lang) => postback(lang, 'menu.lostDocument', 'ld'),
  },
  {
    id: 'consultation',
    size: 'standard',
    tone: 'brand',
    icon: 'scales',
    label: 'menu.consultation',
    caption: 'richmenu.consultationCaption',
    // The chat's consultation entry (topics as quick replies); `v=rm` records that it was opened from the menu.
    action: (lang) => ({
      type: 'postback',
      label: t(lang, 'menu.consultation'),
      data: postbackData('con', { v: 'rm' }),
      displayText: t(lang, 'menu.consultation'),
    }),
  },
  {
    id: 'house-watch',
    size: 'standard',
    tone: 'brand',
    icon: 'house',
    label: 'menu.houseWatch',
    caption: 'richmenu.houseWatchCaption',
    // The chat's house-watch entry (bot/house-watch/chat): two lines and the button to the LIFF form.
    action: (lang) => postback(lang, 'menu.houseWatch', 'hw'),
  },
  {
    id: 'station',
    size: 'standard',
    tone: 'brand',
    icon: 'station',
    label: 'richmenu.station',
    caption: 'richmenu.stationCaption',
    action: (lang) => postback(lang, 'richmenu.station', 'station'),
  },
  {
    id: 'language',
    size: 'compact',
    tone: 'soft',
    icon: 'globe',
    label: 'menu.language',
    caption: 'richmenu.languageCaption',
    // LINE switches the menu in the app at once; the postback (same data as the chat's language button) makes the
    // language feature store the choice, and that re-links the menu so it survives an app restart.
    action: (lang) => ({
      type: 'richmenuswitch',
      label: t(lang, 'menu.language'),
      richMenuAliasId: RICH_MENU_ALIASES[other(lang)],
      data: postbackData('lang', { v: other(lang) }),
    }),
  },
  {
    id: 'settings',
    size: 'compact',
    tone: 'soft',
    icon: 'settings',
    label: 'menu.settings',
    action: (lang, env) => ({
      type: 'uri',
      label: t(lang, 'menu.settings'),
      uri: `https://liff.line.me/${env.liffId}/settings`,
    }),
  },
]

export { other as otherLanguage }
