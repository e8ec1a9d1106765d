import { Link } from '@shared/lib/router.js'
import { t } from '../lib/i18n.js'
import { useAdmin } from '../lib/session.js'
import { Layout } from '../ui/layout.js'

export function NotFoundPage() {
  const { lang } = useAdmin()
  return (
    <Layout title={t(lang, 'notFound.title')}>
      <p class="lead">{t(lang, 'notFound.body')}</p>
      <Link class="button button-primary" to="">
        {t(lang, 'nav.inbox')}
      </Link>
    </Layout>
  )
}

/** A page the role may not open (a shared link, a changed role): say so, and offer the inbox. */
export function ForbiddenPage() {
  const { lang } = useAdmin()
  return (
    <Layout title={t(lang, 'forbidden.title')}>
      <p class="lead">{t(lang, 'forbidden.body')}</p>
      <Link class="button button-primary" to="">
        {t(lang, 'nav.inbox')}
      </Link>
    </Layout>
  )
}
