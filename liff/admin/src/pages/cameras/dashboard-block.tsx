import type { CameraStats } from '@contracts/camera-registry.js'
import { CAMERA_OWNER_TYPES, CAMERA_STATUSES } from '@contracts/cameras.js'
import type { Coverage } from '@contracts/households.js'
import { Link } from '@shared/lib/router.js'
import { Card } from '@shared/ui/card.js'
import { useEffect, useState } from 'preact/hooks'
import { adminApi } from '../../lib/api.js'
import { type Language, num, t } from '../../lib/i18n.js'
import { useAdmin } from '../../lib/session.js'
import { ct } from './texts.js'
import './dashboard-block.css'

const LINK_TEXT = { th: 'เปิดทะเบียนกล้อง', en: 'Open the camera registry' } as const
const HH_LINK_TEXT = { th: 'เปิดทะเบียนครัวเรือน', en: 'Open the households' } as const

function useLoad<T>(path: string, allowed: boolean): T | null {
  const [data, setData] = useState<T | null>(null)
  useEffect(() => {
    if (!allowed) {
      return
    }
    const ctrl = new AbortController()
    // A failing side card must not take the dashboard down: it simply stays away.
    adminApi<T>(path, { signal: ctrl.signal }).then(setData, () => undefined)
    return () => ctrl.abort()
  }, [path, allowed])
  return data
}

function CameraCard({ lang, stats }: { lang: Language; stats: CameraStats }) {
  return (
    <Card title={ct(lang, 'title')}>
      <dl class="dash-registry" data-block="cameras">
        <div>
          <dt>{ct(lang, 'total')}</dt>
          <dd>{num(lang, stats.total)}</dd>
        </div>
        {CAMERA_OWNER_TYPES.map((o) => (
          <div key={o} data-owner={o}>
            <dt>{ct(lang, `owner.${o}`)}</dt>
            <dd>{num(lang, stats.byOwnerType[o])}</dd>
          </div>
        ))}
        {CAMERA_STATUSES.filter((s) => s !== 'removed').map((s) => (
          <div key={s} data-status={s}>
            <dt>{ct(lang, `status.${s}`)}</dt>
            <dd>{num(lang, stats.byStatus[s])}</dd>
          </div>
        ))}
        <div data-pending>
          <dt>{ct(lang, 'pending')}</dt>
          <dd>{num(lang, stats.pending)}</dd>
        </div>
      </dl>
      <Link class="button button-secondary button-small" to="cameras">
        {LINK_TEXT[lang]}
      </Link>
    </Card>
  )
}

function CoverageCard({ lang, c }: { lang: Language; c: Coverage }) {
  const pct = c.total > 0 ? Math.round((c.registered / c.total) * 100) : 0
  return (
    <Card title={t(lang, 'households.title')}>
      <p class="stat-value" data-block="coverage">
        {`${num(lang, c.registered)} / ${num(lang, c.total)}`} <span class="hint">{`${pct}%`}</span>
      </p>
      <p class="stat-label">
        {t(lang, 'households.registered')} {t(lang, 'households.ofTotal', { total: num(lang, c.total) })}
      </p>
      <Link class="button button-secondary button-small" to="households">
        {HH_LINK_TEXT[lang]}
      </Link>
    </Card>
  )
}

/** The registries on the dashboard (issues #14, #15): cameras by owner type and status, households coverage. */
export function RegistriesBlock({ lang }: { lang: Language }) {
  const { can } = useAdmin()
  const cameras = useLoad<CameraStats>('/cameras/stats', can('cameras.read'))
  const coverage = useLoad<Coverage>('/households/coverage', can('households.read'))
  if (!cameras && !coverage) {
    return null
  }
  return (
    <div class="dash-grid dash-registries">
      {cameras ? <CameraCard lang={lang} stats={cameras} /> : null}
      {coverage ? <CoverageCard lang={lang} c={coverage} /> : null}
    </div>
  )
}
