import { Link } from '@shared/lib/router.js'
import { ChevronIcon, LogoutIcon, UserIcon } from '@shared/ui/icons.js'
import { roleLabel } from '../i18n/labels.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { Layout } from '../ui/layout.js'
import { NAV } from '../ui/nav.js'

/** Phones: every page the role may open, who is signed in, and sign-out (wide screens have the side navigation). */
export function MenuPage() {
  const { lang, me, can, signOut } = useAdmin()
  const items = NAV.filter((item) => item.permissions.some(can))
  return (
    <Layout title={t(lang, 'nav.menu')}>
      <div class="me-card">
        <UserIcon />
        <div>
          <p class="adm-me-name">{me.officer.fullName ?? me.officer.displayName}</p>
          <p class="adm-me-role">{roleLabel(lang, me.officer.role)}</p>
        </div>
      </div>
      <ul class="actions">
        {items.map((item) => (
          <li key={item.route}>
            <Link class="action" to={item.route}>
              <span class="action-icon">
                <item.icon />
              </span>
              <span class="action-text">
                <span class="action-label">{t(lang, item.label)}</span>
              </span>
              <ChevronIcon />
            </Link>
          </li>
        ))}
        <li>
          <button type="button" class="action" onClick={() => void signOut()}>
            <span class="action-icon">
              <LogoutIcon />
            </span>
            <span class="action-text">
              <span class="action-label">{t(lang, 'nav.signOut')}</span>
            </span>
          </button>
        </li>
      </ul>
    </Layout>
  )
}
