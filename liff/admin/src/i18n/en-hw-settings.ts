import type { thHwSettings } from './th-hw-settings.js'

/** English for the house-watch settings (issue #13): approval, limits, digest hour, patrol shifts. */
export const enHwSettings: Record<keyof typeof thHwSettings, string> = {
  'nav.houseWatchSettings': 'House-watch settings',
  'hws.title': 'House watch and patrol settings',
  'hws.approval': 'Approving house-watch requests',
  'hws.approval.auto': 'At once (houses inside the area)',
  'hws.approval.duty_officer': 'The duty officer approves',
  'hws.maxDays': 'Longest watch (days)',
  'hws.gps': 'GPS distance accepted at a scan (metres)',
  'hws.gpsHint': 'A scan farther than this from its point is flagged, not refused',
  'hws.purge': 'Delete personal data after the end (days)',
  'hws.digest': "Owners' daily summary at",
  'hws.shifts': 'Patrol shifts',
  'hws.shiftsHint': 'Each shift starts at its time and lasts until the next one starts',
  'hws.key': 'Shift key (a-z)',
  'hws.nameTh': 'Name (Thai)',
  'hws.nameEn': 'Name (English)',
  'hws.start': 'Starts',
  'hws.addShift': 'Add a shift',
  'hws.removeShift': 'Remove this shift',
  'hws.duplicateKey': 'Two shifts have the same key',
  'hws.duplicateStart': 'Two shifts start at the same time',
  'hws.badKey': 'A key is lower-case letters, digits and _ only',
  'hws.needShift': 'At least one shift',
  'hws.save': 'Save house-watch settings',
  'hws.saved': 'Saved',
}
