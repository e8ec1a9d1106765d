import type { ComponentChildren } from 'preact'
import { useEffect, useRef } from 'preact/hooks'
import { type Language, t } from '../lib/i18n.js'
import { Link, takeNavigationFocus } from '../lib/router.js'
import { BackIcon, Badge } from './icons.js'

export type ShellProps = {
  lang: Language
  /** The page's heading (h1); it takes the focus when the page opens, so screen readers announce it. */
  title: string
  /** A link back (usually to home, route ''). */
  back?: { to: string; label?: string }
  children?: ComponentChildren
}

/**
 * The frame every citizen page uses (home, settings, and later the lost-document form and others): the police-blue
 * header with the station's name, one h1, the content, and the emergency line at the bottom.
 */
export function Shell({ lang, title, back, children }: ShellProps) {
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => {
    // After a navigation (not on the first load, not on a language change) the focus moves to the new heading.
    if (takeNavigationFocus()) {
      heading.current?.focus({ preventScroll: true })
    }
  }, [])
  useEffect(() => {
    document.documentElement.lang = lang
    document.title = `${title} · ${t(lang, 'station.name')}`
  }, [lang, title])

  return (
    <div class="app">
      <a class="skip-link" href="#main">
        {t(lang, 'a11y.skip')}
      </a>
      <header class="topbar">
        <div class="topbar-inner">
          <Badge label={t(lang, 'a11y.badge')} />
          <div>
            <p class="topbar-station">{t(lang, 'station.name')}</p>
            <p class="topbar-tagline">{t(lang, 'station.tagline')}</p>
          </div>
        </div>
      </header>
      <main id="main" class="content">
        {back ? (
          <Link class="back-link" to={back.to}>
            <BackIcon />
            <span>{back.label ?? t(lang, 'common.back')}</span>
          </Link>
        ) : null}
        <h1 class="page-title" ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {children}
      </main>
      <footer class="footer">
        <a class="footer-emergency" href="tel:191">
          {t(lang, 'home.emergency')}
        </a>
      </footer>
    </div>
  )
}

/** A white panel with an optional heading. */
export function Card({ title, children }: { title?: string; children: ComponentChildren }) {
  return (
    <section class="card">
      {title ? <h2 class="card-title">{title}</h2> : null}
      {children}
    </section>
  )
}

/** Thai and English together (Thai first): errors must reach the reader whatever language is set. */
export function ErrorNotice({
  th,
  en,
  reqId,
  onRetry,
}: {
  th: string
  en: string
  reqId?: string
  onRetry?: () => void
}) {
  return (
    <div class="notice notice-error" role="alert">
      <p lang="th">{th}</p>
      <p lang="en">{en}</p>
      {reqId ? (
        <p class="notice-ref">
          {`${t('th', 'error.reference')} · ${t('en', 'error.reference')}: `}
          <code>{reqId}</code>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" class="button button-secondary" onClick={onRetry}>
          {`${t('th', 'common.retry')} · ${t('en', 'common.retry')}`}
        </button>
      ) : null}
    </div>
  )
}
