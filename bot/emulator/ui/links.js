// Links to the bot's own server open on the origin this page was opened at. In `npm start`'s emulator mode the bot
// writes PUBLIC_BASE_URL (http://localhost:3000) into its messages; a simulator opened at 127.0.0.1 or at a LAN
// address (a phone) must not be sent to a localhost that is not there.

let botOrigins = []

/** The origins the server says are itself (empty when the emulator runs on a port of its own, as in tests). */
export function setBotOrigins(origins) {
  botOrigins = Array.isArray(origins) ? origins : []
}

/** `url` with the bot's origin replaced by this page's; any other URL unchanged. */
export function localUrl(url) {
  try {
    const parsed = new URL(String(url), location.href)
    if (botOrigins.includes(parsed.origin) && parsed.origin !== location.origin) {
      return `${location.origin}${parsed.pathname}${parsed.search}${parsed.hash}`
    }
    return parsed.href
  } catch {
    return String(url)
  }
}
