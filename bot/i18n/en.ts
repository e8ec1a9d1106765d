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
  'menu.lostDocument': 'Lost documents',
  'menu.consultation': 'Legal advice',
  'menu.houseWatch': 'House watch',
  'menu.myReports': 'My reports',
  'help.unknown':
    'Sorry, we didn\'t understand that.\nPick a service from the menu below, or type a few words such as "lost ID card" or "station".\nIn an emergency, type "help" or call 191.',
  'smallTalk.hello':
    'Hello 🙏 How can we help?\nPick a service from the menu below, or type what you need.\nIn an emergency, call 191 at any time.',
  'smallTalk.thanks': "You're welcome 🙏 If you need anything else, pick from the menu below.",
  'cancel.nothing': 'There is nothing in progress to cancel.\nHow can we help? Pick from the menu below.',
  'resume.nothing':
    'There is no report in progress any more (unfinished reports are kept for 24 hours).\nStart again from the menu below.',
  'flow.resume': 'Continue my report',
  'language.switched': 'Switched to English.',
  'station.address': 'Address',
  'station.hours': 'Opening hours',
  'station.phones': 'Phone numbers',
  'station.callNumber': 'Call {label} {number}',
  'station.callMain': 'Call the station {number}',
  'station.services': 'Services at the station',
  'station.directions': 'Directions',
  'station.landmarks': 'Landmarks in the zone',
  'station.openMap': 'Open map',
  'station.call': 'Call the station',
  'sos.title': 'Emergency',
  'sos.body': 'Tap to call now',
  'sos.police': 'Police 191',
  'sos.medical': 'Medical 1669',
  'sos.fire': 'Fire 199',
  'sos.tourist': 'Tourist Police 1155',
  'sos.shareLocation': 'Send my location',
  'sos.locationHint': 'Need police to come to you? Tap "Send my location" below.',
  'sos.locationHintNoGroup':
    'The station has not set up its LINE group for alerts yet: if you need the police, call 191 now (you can still send your location; officers will see it when they open the system).',
  'sos.reportedTitle': 'Emergency received',
  'sos.reportedRef': 'Reference {ref}',
  'sos.reportedNext':
    "The station's officers were alerted in their LINE group with your location and will contact you as soon as possible.\n• Stay somewhere safe and keep your phone on.\n• If you are in immediate danger, call 191 now.\n• If you move, send your new location.",
  'sos.locationUpdated': 'Location of {ref} updated. Officers can see where you are now.',
  'sos.reportedTitleNoGroup': 'Recorded, but nobody was alerted',
  'sos.reportedRefLabel': 'Reference',
  'sos.reportedNextNoGroup':
    'The station has not set up its LINE group for alerts yet, so no officer was notified now.\n• Call 191 now.\n• Your location is saved with this report; officers will see it when they open the system.',
  'sos.locationUpdatedNoGroup': 'New location of {ref} saved, but no officer was notified now. Call 191 now.',
  'sos.mine': 'Emergencies you reported',
  'sos.call191': 'Call 191 now',
  'sos.caseSummary': 'Emergency reported on LINE with a location{place}',
  'richmenu.chatBar': 'Services',
  'richmenu.station': 'Station & contact',
  'richmenu.stationCaption': 'Address · phones · hours',
  'richmenu.sosCaption': 'Call 191 · 1669 · 199 · 1155',
  'richmenu.languageCaption': 'Change language',
  'richmenu.lostDocumentCaption': 'Online, no trip to the station',
  'richmenu.consultationCaption': 'Ask an officer in the chat',
  'richmenu.houseWatchCaption': 'Patrols check your house',
  'error.retryLater': 'Sorry, something went wrong on our side. Please try again. In an emergency call 191.',
  'error.unsupportedMessage': "Sorry, we can't read this kind of message yet. Please type text or pick from the menu.",
  'ldrecord.issued.title': 'Your lost-document record is ready',
  'ldrecord.issued.body':
    'No. {ref}\nIssued {date}\n\nTap below to download it (the link works for 7 days). Anyone you give it to can check it with the QR code on the record.',
  'ldrecord.issued.download': 'Download record (PDF)',
  'ldrecord.issued.verify': 'Verify record',
  'ldrecord.rejected':
    'Your lost-document report {ref} was not approved.\n\nReason: {reason}\n\nQuestions: {station}, tel. {phone}',
  'ldrecord.requestInfo':
    'An officer needs more information about your lost-document report {ref}:\n\n{question}\n\nPlease reply in this chat.',
  'ldrecord.revoked':
    'Your lost-document record {ref} was revoked on {date}.\n\nReason: {reason}\n\nThe record is no longer valid and the verification page now shows it as revoked. Questions: {station}, tel. {phone}',
  'media.tooLarge':
    'Sorry, the file you sent for case {ref} is too large (at most {mb} MB), so it did not reach the officers.\nPlease send a smaller picture, or type the details instead.',
  'media.badType':
    'Sorry, this kind of file cannot be accepted for case {ref}, so it did not reach the officers.\nPlease send a picture, video, voice message or PDF.',
  'media.unavailable':
    'Sorry, the file you sent for case {ref} could no longer be fetched from LINE. Please send it again.',
  'access.approved':
    "Your request for access to {station}'s officers' page was approved (role: {role}).\nOpen the officers' page: {link}",
  'myData.title': 'Your personal data (PDPA)',
  'myData.body':
    'Under the Personal Data Protection Act B.E. 2562 (2019) you may:\n• see and get a copy of all the data the station holds about you (s.30)\n• ask for your data to be erased (s.33)\nThe station answers in LINE within 30 days.\nErasure is asked on the "My reports" page, only once you confirm it there: a chat message deletes nothing.',
  'myData.see': 'See my data',
  'myData.delete': 'Ask to delete',
}
