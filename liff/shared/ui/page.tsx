import { useEffect, useRef } from 'preact/hooks'
import type { Language } from '../lib/i18n.js'
import { Link, takeNavigationFocus } from '../lib/router.js'
import { BackIcon } from './icons.js'

// The pieces both apps' page frames are made of (the citizen Shell, the officers' Layout).

/**
 * For the page's one h1 (give it the ref and tabIndex={-1}): after an in-app navigation (not on the first load,
 * not on a language change) the focus moves to it, so screen readers announce the new page. Also keeps the
 * document's language and title in step with the page.
 */
export function usePageHeading(lang: Language, documentTitle: string) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    if (takeNavigationFocus()) {
      heading.current?.focus({ preventScroll: true })
    }
  }, [])
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = documentTitle
  }, [lang, documentTitle])
  return heading
}

/** The first thing a keyboard reaches: straight to <main id="main">. */
export function SkipLink({ label }: { label: string }) {
  return (
    <a class="skip-link" href="#main">
      {label}
    </a>
  )
}

/** A link back (usually to the app's home, route ''), above the page's heading. */
export function BackLink({ to, label }: { to: string; label: string }) {
  return (
    <Link class="back-link" to={to}>
      <BackIcon />
      <span>{label}</span>
    </Link>
  )
}
