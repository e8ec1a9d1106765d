import type { MessageKey } from './th.js'

export const en: Record<MessageKey, string> = {
  'greeting.title': 'Hello {name} 🙏',
  'greeting.body':
    'Welcome to the official LINE account of Rayong City Police Station (Rayong Smart Safety Zone 4.0).\nPick a service from the menu below, or just type what you need.\n\nIn an emergency, call 191 at any time.',
  'greeting.nameless': 'there',
  'menu.prompt': 'How can we help? Pick from the menu below.',
  'menu.station': 'Station info',
  'menu.sos': 'Emergency',
  'menu.language': 'ภาษาไทย',
  'menu.settings': 'Settings',
  'menu.menu': 'Main menu',
  'help.unknown':
    'Sorry, we didn\'t understand that.\nPick from the menu below, or type "menu".\nIn an emergency, type "emergency" or call 191.',
  'language.switched': 'Switched to English.',
  'station.body': 'Address: {address}\nPhone: {phone}\nOpen 24 hours',
  'station.call': 'Call the station',
  'sos.title': 'Emergency',
  'sos.body': 'Tap to call now',
  'sos.police': 'Police 191',
  'sos.medical': 'Medical 1669',
  'sos.fire': 'Fire 199',
  'sos.tourist': 'Tourist Police 1155',
  'error.retryLater': 'Sorry, something went wrong on our side. Please try again. In an emergency call 191.',
  'error.unsupportedMessage': "Sorry, we can't read this kind of message yet. Please type text or pick from the menu.",
}
