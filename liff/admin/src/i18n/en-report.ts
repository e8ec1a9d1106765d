import type { thReport } from './th-report.js'

/** English for what the citizen gave: the report's cards and the media they sent. */
export const enReport: Record<keyof typeof thReport, string> = {
  'report.documents': "This case's documents",
  'media.image': 'Picture from the citizen',
  'media.video': 'Video from the citizen',
  'media.audio': 'Voice message from the citizen',
  'media.file': 'File from the citizen',
  'media.pending': 'Receiving the file from LINE…',
  'media.too_large': 'File over the size limit, not kept (the citizen was told)',
  'media.bad_type': 'A kind of file not accepted, not kept (the citizen was told)',
  'media.unavailable': 'The file could not be fetched from LINE (the citizen was asked to send it again)',
  'media.download': 'Download',
  'media.sticker': 'Sticker',
  'case.statusMessageRequired': 'Message to the citizen (required)',
  'case.statusMessageRequiredHint':
    'Required for this status: the reason, or what the citizen should send; they get it in LINE',
  'case.statusMessageOptional': 'Optional for this status; sent with the status update in LINE',
  'case.statusMessageMissing': 'Write the message to the citizen first to move the case to this status',
  'reveal.reasonShort': 'Write at least {n} characters of reason to enable "Reveal"',
}
