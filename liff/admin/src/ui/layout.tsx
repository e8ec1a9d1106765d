import { Link, useRoute } from '@shared/lib/router.js'
import { GlobeIcon, LogoutIcon, MenuIcon, StationBadge } from '@shared/ui/icons.js'
import { BackLink, SkipLink, usePageHeading } from '@shared/ui/page.js'
import type { ComponentChildren } from 'preact'
import { roleLabel } from '../i18n/labels.js'
import { type Language, t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { SosBar } from '../lib/sos-alarm.js'
import { isCurrent, NAV } from './nav.js'

export type LayoutProps = {
  title: string
  back?: { to: string; label: string }
  /** Beside the heading (e.g. a live-update indicator). */
  aside?: ComponentChildren
  children?: ComponentChildren
}

/** Switches Thai ⇄ English; the choice is remembered on this device. */
export function LanguageButton({ lang, setLang }: { lang: Language; setLang: (lang: Language) => void }) {
  const next = lang === 'th' ? 'en' : 'th'
  return (
    <button
      type="button"
      class="lang-button"
      lang={next}
      aria-label={next === 'en' ? 'English' : 'ภาษาไทย'}
      onClick={() => setLang(next)}
    >
      <GlobeIcon />
      <span class="lang-long">{next === 'en' ? 'English' : 'ภาษาไทย'}</span>
      <span class="lang-short">{next === 'en' ? 'EN' : 'ไทย'}</span>
    </button>
  )
}

/**
 * The officers' frame: header, side navigation on wide screens, tab bar on phones, one h1 that takes the focus
 * after an in-app navigation.
 */
export function Layout({ title, back, aside, children }: LayoutProps) {
  const { me, lang, setLang, can, signOut } = useAdmin()
  const route = useRoute()
  const heading = usePageHeading(lang, `${title} · ${t(lang, 'app.name')}`)
  const items = NAV.filter((item) => item.permissions.some(can))
  // Phones: the inbox, the dashboard and the patrol round (an officer on the street) as tabs; everything else (and
  // sign-out) under "Menu".
  const tabs = items.filter((item) => item.route === '' || item.route === 'dashboard' || item.route === 'patrol')
  const stationName = lang === 'th' ? me.station.nameTh : me.station.nameEn

  return (
    <div class="adm">
      <SkipLink label={t(lang, 'a11y.skip')} />
      <header class="adm-top">
        <StationBadge label={t(lang, 'a11y.badge')} />
        <div class="adm-top-text">
          <p class="adm-top-station">{stationName}</p>
          <p class="adm-top-app">{t(lang, 'app.name')}</p>
        </div>
        <LanguageButton lang={lang} setLang={setLang} />
      </header>
      <SosBar />
      <div class="adm-body">
        <nav class="adm-side" aria-label={t(lang, 'nav.label')}>
          <ul>
            {items.map((item) => (
              <li key={item.route}>
                <Link class="adm-side-link" to={item.route} current={isCurrent(item, route)}>
                  <item.icon />
                  <span>{t(lang, item.label)}</span>
                </Link>
              </li>
            ))}
          </ul>
          <div class="adm-side-me">
            <p class="adm-me-name">{me.officer.fullName ?? me.officer.displayName}</p>
            <p class="adm-me-role">{roleLabel(lang, me.officer.role)}</p>
            <button type="button" class="button button-secondary adm-signout" onClick={() => void signOut()}>
              <LogoutIcon />
              <span>{t(lang, 'nav.signOut')}</span>
            </button>
          </div>
        </nav>
        <main id="main" class="adm-main">
          {back ? <BackLink to={back.to} label={back.label} /> : null}
          <div class="adm-heading">
            <h1 class="page-title" ref={heading} tabIndex={-1}>
              {title}
            </h1>
            {aside}
          </div>
          {children}
        </main>
      </div>
      <nav class="adm-tabs" aria-label={t(lang, 'nav.label')}>
        {tabs.map((item) => (
          <Link key={item.route} class="adm-tab" to={item.route} current={isCurrent(item, route)}>
            <item.icon />
            <span>{t(lang, item.label)}</span>
          </Link>
        ))}
        <Link class="adm-tab" to="menu" current={!tabs.some((item) => isCurrent(item, route))}>
          <MenuIcon />
          <span>{t(lang, 'nav.menu')}</span>
        </Link>
      </nav>
    </div>
  )
}
