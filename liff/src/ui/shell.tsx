import { StationBadge } from '@shared/ui/icons.js'
import { BackLink, SkipLink, usePageHeading } from '@shared/ui/page.js'
import type { ComponentChildren } from 'preact'
import { type Language, t } from '../lib/i18n.js'

export type ShellProps = {
  lang: Language
  /** The page's heading (h1); it takes the focus when the page opens, so screen readers announce it. */
  title: string
  /** A link back (usually to home, route ''). */
  back?: { to: string; label?: string }
  children?: ComponentChildren
}

/**
 * The frame every citizen page uses (home, settings, the lost-document form…): the police-blue header with the
 * station's name, one h1, the content, and the emergency line at the bottom.
 */
export function Shell({ lang, title, back, children }: ShellProps) {
  const heading = usePageHeading(lang, `${title} · ${t(lang, 'station.name')}`)
  return (
    <div class="app">
      <SkipLink label={t(lang, 'a11y.skip')} />
      <header class="topbar">
        <div class="topbar-inner">
          <StationBadge label={t(lang, 'a11y.badge')} />
          <div>
            <p class="topbar-station">{t(lang, 'station.name')}</p>
            <p class="topbar-tagline">{t(lang, 'station.tagline')}</p>
          </div>
        </div>
      </header>
      <main id="main" class="content">
        {back ? <BackLink to={back.to} label={back.label ?? t(lang, 'common.back')} /> : null}
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
