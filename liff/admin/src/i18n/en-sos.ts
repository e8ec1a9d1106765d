import type { thSos } from './th-sos.js'

export const enSos: Record<keyof typeof thSos, string> = {
  'sos.pinned': 'SOS: nobody has taken it yet',
  'sos.pinnedHint': 'Pinned at the top until an officer takes it',
  'sos.alarm': 'New SOS: {ref}',
  'sos.titleBadge': 'SOS waiting',
  'station.sosDue': 'Time to take an SOS case (minutes)',
  'station.sosDueHint':
    'An SOS case nobody has taken stays pinned at the top of the inbox and is overdue after this. Default 10 minutes.',
}
