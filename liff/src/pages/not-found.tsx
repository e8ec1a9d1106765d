import { Link } from '@shared/lib/router.js'
import { t } from '../lib/i18n.js'
import { useSession } from '../lib/session.js'
import { Shell } from '../ui/shell.js'

export function NotFoundPage() {
  const { lang } = useSession()
  return (
    <Shell lang={lang} title={t(lang, 'notFound.title')}>
      <p class="lead">{t(lang, 'notFound.body')}</p>
      <Link class="button button-primary" to="">
        {t(lang, 'common.home')}
      </Link>
    </Shell>
  )
}
